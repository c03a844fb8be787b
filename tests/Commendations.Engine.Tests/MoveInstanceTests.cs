namespace Commendations.Engine.Tests;

/// <summary>
/// The move repair: an instance goes to another step of its version with the migration's preview, a history entry, and
/// the council vote or disclosure it would pass over named — never silently skipped.
/// </summary>
public class MoveInstanceTests
{
    private static readonly DateTimeOffset Monday = new(2027, 3, 1, 9, 0, 0, TimeSpan.FromHours(7));
    private static readonly Actor Officer = Actor.User("officer", "u-nom", "emulationOfficer");

    private static readonly WorkflowDefinition Route = Parsed("""
        { "id": "r", "version": 1, "name": "r", "appliesTo": { "nomineeKinds": ["collective"], "awardForms": ["x"] }, "start": "unit",
          "steps": [
            { "type": "task", "key": "unit", "meaning": "proposal", "assignee": { "role": "emulationOfficer", "scope": "nominating" },
              "actions": [ { "name": "submit", "meaning": "submit", "target": "review" } ], "deadline": { "workingDays": 5 } },
            { "type": "sequentialApproval", "key": "review", "committee": "c",
              "transitions": { "approved": "vote", "returned": "unit", "rejected": "no" }, "deadline": { "workingDays": 5 } },
            { "type": "vote", "key": "vote", "committee": "c", "quorum": 0.5, "passThreshold": 0.5,
              "transitions": { "passed": "sign", "failed": "no" }, "deadline": { "workingDays": 5 } },
            { "type": "task", "key": "sign", "meaning": "decision", "assignee": { "role": "leader", "scope": "province" },
              "actions": [ { "name": "award", "meaning": "award", "target": "yes" }, { "name": "reject", "meaning": "reject", "target": "no" } ],
              "deadline": { "workingDays": 5 } },
            { "type": "end", "key": "yes", "result": "Awarded" }, { "type": "end", "key": "no", "result": "Rejected" } ] }
        """);

    private static WorkflowDefinition Parsed(string json)
    {
        var parsed = WorkflowDefinitionParser.Parse(json);
        return parsed.Definition ?? throw new InvalidOperationException("The test's route does not parse: " + string.Join("; ", parsed.Problems));
    }

    private static readonly RuntimeContext Ctx = new()
    {
        Now = Monday,
        Committees = new Dictionary<string, IReadOnlyList<string>> { ["c"] = ["m1", "m2", "m3"] },
        UnitScopes = new Dictionary<string, string> { ["nominating"] = "u-nom", ["province"] = "u-prov" },
    };

    private static InstanceState AtReview()
    {
        var state = WorkflowRuntime.Start(Route, Ctx).State;
        return InstanceState.FromJson(WorkflowRuntime.Execute(Route, state, new ActOnTask(state.OpenTasks[0].TaskId, Officer, "submit"), Ctx).State.ToJson());
    }

    [Fact]
    public void Moving_back_to_the_proposal_closes_the_turns_opens_the_units_task_and_records_who_and_why()
    {
        var state = AtReview();
        var review = state.OpenTasks.Single();

        var preview = InstanceMover.Plan(Route, state, "unit", Ctx);
        preview.CanApply.Should().BeTrue();
        preview.SkippedChecks.Should().BeEmpty("going back skips nothing");
        preview.Preview.ClosingTasks.Should().ContainSingle().Which.TaskId.Should().Be(review.TaskId);
        preview.Preview.OpeningTasks.Should().ContainSingle().Which.Assignee.Role.Should().Be("emulationOfficer");
        preview.Preview.LandingStep.Should().Be("unit");

        var moved = InstanceMover.Apply(Route, state, "unit", Ctx, "admin", "Thành viên ban chỉ đạo thay đổi");
        moved.Succeeded.Should().BeTrue();
        moved.Effects.OfType<TaskClosed>().Should().ContainSingle().Which.Should().Be(new TaskClosed(review.TaskId, "moved", "admin"));
        moved.Effects.OfType<DeadlineCancelled>().Should().ContainSingle();
        moved.State.CurrentStep.Should().Be("unit");
        moved.State.Round.Should().Be(state.Round, "a move is not a return: the round stays");
        moved.State.History.Should().Contain(h => h.Event == HistoryEvent.Moved && h.StepKey == "unit" && h.FromStep == "review"
                                                  && h.ActorUserId == "admin" && h.Comment == "Thành viên ban chỉ đạo thay đổi");
        // The unit's officer can submit again from there.
        var next = InstanceState.FromJson(moved.State.ToJson());
        WorkflowRuntime.Execute(Route, next, new ActOnTask(next.OpenTasks.Single().TaskId, Officer, "submit"), Ctx).State.CurrentStep.Should().Be("review");
    }

    [Fact]
    public void Moving_past_the_council_vote_names_it_as_skipped_until_the_vote_has_been_left_in_the_round()
    {
        var state = AtReview();
        InstanceMover.Plan(Route, state, "sign", Ctx).SkippedChecks.Should().Equal("vote");
        InstanceMover.Plan(Route, state, "vote", Ctx).SkippedChecks.Should().BeEmpty("the vote is the target: it will be held");

        foreach (var member in new[] { "m1", "m2", "m3" })
            state = InstanceState.FromJson(WorkflowRuntime.Execute(Route, state, new ActOnTask(state.OpenTasks.Single().TaskId, Actor.User(member, null), "approve"), Ctx).State.ToJson());
        foreach (var member in new[] { "m1", "m2", "m3" })
            state = InstanceState.FromJson(WorkflowRuntime.Execute(Route, state, new CastVote("vote", Actor.User(member, null), VoteChoice.Yes), Ctx).State.ToJson());
        state.CurrentStep.Should().Be("sign");
        InstanceMover.Plan(Route, state, "sign", Ctx).SkippedChecks.Should().BeEmpty("the vote was held and left in this round");
    }

    [Fact]
    public void An_end_step_an_unknown_step_and_a_finished_instance_are_refused_and_nothing_changes()
    {
        var state = AtReview();
        InstanceMover.Plan(Route, state, "yes", Ctx).Preview.Problems.Should().ContainSingle().Which.Code.Should().Be(MigrationProblems.EndNotAMoveTarget);
        InstanceMover.Plan(Route, state, "nowhere", Ctx).Preview.Problems.Should().ContainSingle().Which.Code.Should().Be(MigrationProblems.UnknownTargetStep);
        var refused = InstanceMover.Apply(Route, state, "yes", Ctx, "admin", "x");
        refused.Succeeded.Should().BeFalse();
        refused.State.Should().BeSameAs(state);
        refused.Effects.Should().BeEmpty();

        var withdrawn = WorkflowRuntime.Execute(Route, state, new Withdraw(Officer, "rút"), Ctx).State;
        InstanceMover.Plan(Route, withdrawn, "unit", Ctx).Preview.Problems.Should().Contain(p => p.Code == MigrationProblems.NotRunning);
    }
}
