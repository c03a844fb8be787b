using Commendations.Engine.Tests.Support;

namespace Commendations.Engine.Tests;

/// <summary>Sub-route runtime rules beyond the scenario files: version pinning, unique ids, refusals, nesting.</summary>
public class SubRouteRuntimeTests
{
    private static readonly DateTimeOffset Monday = new(2027, 3, 1, 9, 0, 0, TimeSpan.FromHours(7));
    private static readonly Actor Officer = Actor.User("officer", "u-nom", "emulationOfficer");
    private static readonly Actor Inspector = Actor.User("inspector", "u-insp", "appraiser");
    private static readonly Actor Appraiser = Actor.User("appraiser", "u-app", "appraiser");

    private static WorkflowDefinition Parse(string json)
    {
        var result = WorkflowDefinitionParser.Parse(json);
        result.Problems.Should().BeEmpty();
        return result.Definition!;
    }

    private static string Header(string id, int version, string start) => $$"""
        "id": "{{id}}", "version": {{version}}, "name": "{{id}}",
        "appliesTo": { "nomineeKinds": ["collective"], "awardForms": ["tap-the-ldxs"] }, "start": "{{start}}"
        """;

    private static WorkflowDefinition Check(int version, string passAction) => Parse($$"""
        { {{Header("check", version, "check-task")}}, "steps": [
          { "type": "task", "key": "check-task", "assignee": { "role": "appraiser", "scope": "inspection" },
            "actions": [ { "name": "{{passAction}}", "target": "ok" }, { "name": "fail", "target": "ko" } ], "deadline": { "workingDays": 5 } },
          { "type": "end", "key": "ok", "result": "Awarded" }, { "type": "end", "key": "ko", "result": "Rejected" } ] }
        """);

    private static readonly WorkflowDefinition CheckV1 = Check(1, "pass");
    private static readonly WorkflowDefinition CheckV2 = Check(2, "clear");

    /// <summary>A failed check goes back to the unit (no return for supplement), so the sub-route can be entered again.</summary>
    private static readonly WorkflowDefinition Caller = Parse($$"""
        { {{Header("caller", 1, "unit-proposal")}}, "onWithdraw": "withdrawn", "steps": [
          { "type": "task", "key": "unit-proposal", "assignee": { "role": "emulationOfficer", "scope": "nominating" },
            "actions": [ { "name": "submit", "target": "call" } ], "deadline": { "workingDays": 5 } },
          { "type": "subRoute", "key": "call", "definition": "check", "transitions": { "awarded": "done", "rejected": "unit-proposal" } },
          { "type": "end", "key": "done", "result": "Awarded" }, { "type": "end", "key": "withdrawn", "result": "Withdrawn" } ] }
        """);

    private static RuntimeContext Ctx(params WorkflowDefinition[] latest) => Ctx(latest, []);

    private static RuntimeContext Ctx(WorkflowDefinition[] latest, WorkflowDefinition[] others, DateTimeOffset? now = null) => new()
    {
        Now = now ?? Monday,
        Facts = NominationFacts.Empty.With("kind", "collective"),
        UnitScopes = new Dictionary<string, string> { ["nominating"] = "u-nom", ["inspection"] = "u-insp", ["appraisal"] = "u-app" },
        Callees = new CalleeDefinitions(latest, others),
    };

    private static InstanceState Do(WorkflowDefinition definition, InstanceState state, WorkflowCommand command, RuntimeContext ctx)
    {
        var result = WorkflowRuntime.Execute(definition, state, command, ctx);
        result.Error.Should().BeNull();
        return InstanceState.FromJson(result.State.ToJson());
    }

    private static InstanceState Submitted(RuntimeContext ctx)
    {
        var state = WorkflowRuntime.Start(Caller, ctx).State;
        return Do(Caller, state, new ActOnTask("unit-proposal:r1:1", Officer, "submit"), ctx);
    }

    [Fact]
    public void The_callee_is_pinned_to_the_latest_published_version_when_the_step_is_entered()
    {
        var state = Submitted(Ctx(CheckV1));
        state.CurrentStep.Should().Be("call");
        state.Progress.Should().BeOfType<SubRouteProgress>().Which.Should().BeEquivalentTo(new { DefinitionId = "check", Version = 1 });
        state.CurrentPath().Should().Be("call/check-task");
        state.OpenTasks.Select(EffectText.Render).Should().Equal("call/check-task:r1:2 role:appraiser@u-insp");
        ((SubRouteProgress)state.Progress!).State.OpenTasks.Select(EffectText.Render).Should().Equal("check-task:r1:2 role:appraiser@u-insp");

        // v2 is published meanwhile: the running call stays on v1 (v2 renamed the action).
        var later = Ctx([CheckV2], [CheckV1]);
        WorkflowRuntime.Execute(Caller, state, new ActOnTask("call/check-task:r1:2", Inspector, "clear"), later).Error!.Code.Should().Be(RuntimeErrors.InvalidAction);
        var done = Do(Caller, state, new ActOnTask("call/check-task:r1:2", Inspector, "pass"), later);
        done.Result.Should().Be(EndResult.Awarded);
        done.History.Select(EffectText.Render).Should().ContainInOrder(
            "Acted call/check-task pass by inspector r1", "Completed call/ok Awarded by - r1", "StepLeft call awarded by - r1", "Completed done Awarded by - r1");
    }

    [Fact]
    public void A_step_resolves_through_the_pinned_callee()
    {
        var state = Submitted(Ctx(CheckV1));
        var step = StepPaths.Resolve(Caller, "call/check-task", state, new CalleeDefinitions([CheckV2], [CheckV1]));
        step.Should().BeOfType<TaskStep>().Which.Actions.Select(a => a.Name).Should().Equal("pass", "fail");
        StepPaths.Resolve(Caller, "call/check-task", null, new CalleeDefinitions([CheckV2])).Should().BeOfType<TaskStep>()
            .Which.Actions[0].Name.Should().Be("clear", "outside the step, the latest version is what would be called");
        StepPaths.Resolve(Caller, "call/nowhere", state, new CalleeDefinitions([CheckV1])).Should().BeNull();
    }

    [Fact]
    public void Without_the_pinned_version_in_the_context_the_command_is_refused()
    {
        var state = Submitted(Ctx(CheckV1));
        var result = WorkflowRuntime.Execute(Caller, state, new ActOnTask("call/check-task:r1:2", Inspector, "pass"), Ctx(CheckV2));
        result.Succeeded.Should().BeFalse();
        result.Error!.Code.Should().Be(RuntimeErrors.UnknownCallee);
        result.State.Should().BeSameAs(state);
    }

    [Fact]
    public void Entering_a_sub_route_whose_callee_is_not_published_is_refused()
    {
        var state = WorkflowRuntime.Start(Caller, Ctx()).State;
        var result = WorkflowRuntime.Execute(Caller, state, new ActOnTask("unit-proposal:r1:1", Officer, "submit"), Ctx());
        result.Error!.Code.Should().Be(RuntimeErrors.UnknownCallee);
        result.Effects.Should().BeEmpty();
    }

    [Fact]
    public void Entering_the_sub_route_again_gives_new_task_ids_from_the_caller_counter()
    {
        var ctx = Ctx(CheckV1);
        var state = Do(Caller, Submitted(ctx), new ActOnTask("call/check-task:r1:2", Inspector, "fail"), ctx);
        state.CurrentStep.Should().Be("unit-proposal");
        state.Progress.Should().BeNull();
        state = Do(Caller, state, new ActOnTask("unit-proposal:r1:3", Officer, "submit"), ctx);
        state.OpenTasks.Select(t => t.TaskId).Should().Equal("call/check-task:r1:4");
        state.TaskCounter.Should().Be(4);
        WorkflowRuntime.Execute(Caller, state, new ActOnTask("call/check-task:r1:2", Inspector, "pass"), ctx).Error!.Code.Should().Be(RuntimeErrors.TaskClosed);
    }

    [Fact]
    public void A_callee_result_without_a_transition_is_refused_at_run_time()
    {
        var onlyAwarded = Parse($$"""
            { {{Header("caller-two", 1, "call")}}, "steps": [
              { "type": "subRoute", "key": "call", "definition": "check", "transitions": { "awarded": "done" } },
              { "type": "end", "key": "done", "result": "Awarded" } ] }
            """);
        var ctx = Ctx(CheckV1);
        var state = WorkflowRuntime.Start(onlyAwarded, ctx).State;
        var result = WorkflowRuntime.Execute(onlyAwarded, state, new ActOnTask("call/check-task:r1:1", Inspector, "fail"), ctx);
        result.Error!.Code.Should().Be(RuntimeErrors.UnhandledCalleeResult);
    }

    [Fact]
    public void A_call_cycle_the_validation_could_not_see_stops_at_run_time()
    {
        var a = Parse($$"""
            { {{Header("route-a", 1, "call")}}, "steps": [
              { "type": "subRoute", "key": "call", "definition": "route-b", "transitions": { "awarded": "done" } },
              { "type": "end", "key": "done", "result": "Awarded" } ] }
            """);
        var b = a with { Id = "route-b", Steps = [((SubRouteStep)a.Steps[0]) with { Definition = "route-a" }, a.Steps[1]] };
        var started = WorkflowRuntime.Start(a, Ctx(a, b));
        started.Succeeded.Should().BeFalse();
        started.Error!.Code.Should().Be(RuntimeErrors.Loop);
    }

    [Fact]
    public void Waits_and_parallel_branches_inside_a_callee_are_reached_through_prefixed_keys()
    {
        var inner = Parse($$"""
            { {{Header("inner", 1, "cool-off")}}, "steps": [
              { "type": "wait", "key": "cool-off", "duration": { "workingDays": 2 }, "next": "joint" },
              { "type": "parallel", "key": "joint", "branches": [
                  { "key": "office", "assignee": { "role": "appraiser", "scope": "appraisal" }, "deadline": { "workingDays": 3 } },
                  { "key": "inspectorate", "assignee": { "role": "appraiser", "scope": "inspection" }, "deadline": { "workingDays": 3 } } ],
                "transitions": { "approved": "ok", "rejected": "ko" } },
              { "type": "end", "key": "ok", "result": "Awarded" }, { "type": "end", "key": "ko", "result": "Rejected" } ] }
            """);
        var caller = Caller with { Steps = [Caller.Steps[0], ((SubRouteStep)Caller.Steps[1]) with { Definition = "inner" }, .. Caller.Steps.Skip(2)] };
        var ctx = Ctx(inner);
        var state = Do(caller, WorkflowRuntime.Start(caller, ctx).State, new ActOnTask("unit-proposal:r1:1", Officer, "submit"), ctx);

        var wait = state.ActiveWait();
        wait.Should().NotBeNull();
        wait!.Value.StepKey.Should().Be("call/cool-off");
        EffectText.Time(wait.Value.Until).Should().Be("2027-03-03 17:00");
        WorkflowRuntime.Execute(caller, state, new WaitElapsed("call/cool-off"), ctx).Error!.Code.Should().Be(RuntimeErrors.WaitNotElapsed);
        WorkflowRuntime.Execute(caller, state, new WaitElapsed("cool-off"), ctx).Error!.Code.Should().Be(RuntimeErrors.NotCurrentStep);

        var after = ctx with { Now = wait.Value.Until };
        var elapsed = WorkflowRuntime.Execute(caller, state, new WaitElapsed("call/cool-off"), after);
        elapsed.Effects.Select(EffectText.Render).Should().StartWith(["StepEntered call/joint r1"]);
        state = InstanceState.FromJson(elapsed.State.ToJson());
        state.OpenTasks.Select(EffectText.Render).Should().Equal(
            "call/joint/office:r1:2 role:appraiser@u-app", "call/joint/inspectorate:r1:3 role:appraiser@u-insp");
        StepPaths.Resolve(caller, "call/joint/office", state, ctx.Callees).Should().BeOfType<TaskStep>().Which.Key.Should().Be("joint/office");

        state = Do(caller, state, new ActOnTask("call/joint/office:r1:2", Appraiser, "approve"), after);
        state.CurrentPath().Should().Be("call/joint");
        state = Do(caller, state, new ActOnTask("call/joint/inspectorate:r1:3", Inspector, "approve"), after);
        state.Result.Should().Be(EndResult.Awarded);
    }

    [Fact]
    public void An_administrator_ends_a_wait_before_its_time_with_a_reason_recorded_even_inside_a_callee()
    {
        var inner = Parse($$"""
            { {{Header("inner", 1, "cool-off")}}, "steps": [
              { "type": "wait", "key": "cool-off", "duration": { "workingDays": 2 }, "next": "ok" },
              { "type": "end", "key": "ok", "result": "Awarded" } ] }
            """);
        var caller = Caller with { Steps = [Caller.Steps[0], ((SubRouteStep)Caller.Steps[1]) with { Definition = "inner" }, .. Caller.Steps.Skip(2)] };
        var ctx = Ctx(inner);
        var state = Do(caller, WorkflowRuntime.Start(caller, ctx).State, new ActOnTask("unit-proposal:r1:1", Officer, "submit"), ctx);
        state.ActiveWait()!.Value.Until.Should().BeAfter(ctx.Now);

        var ended = WorkflowRuntime.Execute(caller, state, new WaitElapsed("call/cool-off") { EndedEarlyBy = "admin-1", Reason = "QD 12/QD-UBND shortens the disclosure" }, ctx);

        ended.Error.Should().BeNull();
        state = InstanceState.FromJson(ended.State.ToJson());
        state.ActiveWait().Should().BeNull("the wait is over");
        // Who ended it, why and when stay in the history (the callee's, kept in the caller's state).
        var json = state.ToJson();
        json.Should().Contain("WaitEndedEarly").And.Contain("admin-1").And.Contain("QD 12/QD-UBND shortens the disclosure");
    }
}
