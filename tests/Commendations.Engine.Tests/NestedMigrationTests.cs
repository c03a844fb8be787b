using System.Text.Json.Nodes;
using Commendations.Engine.Tests.Support;

namespace Commendations.Engine.Tests;

/// <summary>Migrating an instance inside a parallel step or a sub-route.</summary>
public class NestedMigrationTests
{
    private static readonly string CallerJson = File.ReadAllText(Path.Combine(Repo.Workflows, "khen-thuong-tap-the.v1.json"));
    private static readonly WorkflowDefinition V1 = Repo.LoadDefinition(Path.Combine(Repo.Workflows, "khen-thuong-tap-the.v1.json"));
    private static readonly WorkflowDefinition Check = Repo.LoadDefinition(Path.Combine(Repo.Workflows, "kiem-tra-ky-luat.v1.json"));
    private static readonly DateTimeOffset Tuesday = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(7));
    private static readonly Actor Officer = Actor.User("officer", "u-nom", "emulationOfficer");
    private static readonly Actor Appraiser = Actor.User("appraiser", "u-app", "appraiser");
    private static readonly Actor Inspector = Actor.User("inspector", "u-insp", "appraiser");

    private static RuntimeContext Ctx(DateTimeOffset now) => new()
    {
        Now = now,
        Facts = NominationFacts.Empty.With("kind", "collective").With("awardForm", "tap-the-ldxs").With("dossierClose", new DateOnly(2026, 12, 15)),
        UnitScopes = new Dictionary<string, string> { ["nominating"] = "u-nom", ["appraisal"] = "u-app", ["inspection"] = "u-insp", ["province"] = "u-prov" },
        Committees = new Dictionary<string, IReadOnlyList<string>> { ["tt-hd"] = ["s1", "s2"] },
        Callees = new CalleeDefinitions([Check]),
    };

    private static WorkflowDefinition V2(Action<JsonObject> change)
    {
        var root = JsonNode.Parse(CallerJson)!.AsObject();
        root["version"] = 2;
        change(root);
        var result = WorkflowDefinitionParser.Parse(root.ToJsonString());
        result.Problems.Should().BeEmpty();
        return result.Definition!;
    }

    private static InstanceState Do(WorkflowDefinition definition, InstanceState state, string task, Actor actor, string action, DateTimeOffset at)
    {
        var result = WorkflowRuntime.Execute(definition, state, new ActOnTask(task, actor, action), Ctx(at));
        result.Error.Should().BeNull();
        return result.State;
    }

    private static InstanceState InParallelWithOfficeApproved()
    {
        var state = WorkflowRuntime.Start(V1, Ctx(Tuesday)).State;
        state = Do(V1, state, "unit-proposal:r1:1", Officer, "submit", Tuesday);
        return Do(V1, state, "joint-check/commendation-office:r1:2", Appraiser, "approve", Tuesday.AddHours(1));
    }

    private static InstanceState InSubRoute()
    {
        var state = InParallelWithOfficeApproved();
        return Do(V1, state, "joint-check/inspectorate:r1:3", Inspector, "approve", Tuesday.AddHours(2));
    }

    [Fact]
    public void A_parallel_step_keeps_the_approvals_of_unchanged_branches_and_reopens_the_others()
    {
        var v2 = V2(r => r["steps"]![1]!["branches"]!.AsArray().Add(new JsonObject
        {
            ["key"] = "standing", ["committee"] = "tt-hd", ["deadline"] = new JsonObject { ["workingDays"] = 3 },
        }));
        var state = InParallelWithOfficeApproved();
        var wednesday = Tuesday.AddDays(1);

        var plan = InstanceMigrator.Plan(V1, v2, state, null, Ctx(wednesday));
        plan.Problems.Should().BeEmpty();
        plan.ClosingTasks.Select(t => t.TaskId).Should().Equal("joint-check/inspectorate:r1:3");
        plan.OpeningTasks.Select(t => $"{t.TaskId} {t.Assignee}").Should().Equal(
            "joint-check/inspectorate:r1:4 role:appraiser@u-insp", "joint-check/standing:r1:5 user:s1");

        var migrated = InstanceMigrator.Apply(V1, v2, state, null, Ctx(wednesday), "admin");
        migrated.Succeeded.Should().BeTrue();
        var s = migrated.State;
        ((BranchesProgress)s.Progress!).Branches.Select(b => $"{b.Key} {b.Outcome ?? "open"}").Should().Equal(
            "commendation-office approved", "inspectorate open", "standing open");
        s = Do(v2, s, "joint-check/inspectorate:r1:4", Inspector, "approve", wednesday);
        s = Do(v2, s, "joint-check/standing:r1:5", Actor.User("s1"), "approve", wednesday);
        s = Do(v2, s, "joint-check/standing:r1:6", Actor.User("s2"), "approve", wednesday);
        s.CurrentStep.Should().Be("discipline-check");
    }

    [Fact]
    public void A_branch_whose_actor_changed_asks_again()
    {
        var v2 = V2(r => r["steps"]![1]!["branches"]![0]!["assignee"]!["scope"] = "province");
        var migrated = InstanceMigrator.Apply(V1, v2, InParallelWithOfficeApproved(), null, Ctx(Tuesday.AddDays(1)));
        migrated.State.OpenTasks.Select(t => $"{t.TaskId} {t.Assignee}").Should().Equal(
            "joint-check/commendation-office:r1:4 role:appraiser@u-prov", "joint-check/inspectorate:r1:5 role:appraiser@u-insp");
    }

    [Fact]
    public void Inside_a_sub_route_kept_by_the_new_version_the_callee_goes_on_untouched()
    {
        var v2 = V2(r => r["steps"]![3]!["deadline"]!["workingDays"] = 15);
        var state = InSubRoute();
        state.OpenTasks.Select(t => t.TaskId).Should().Equal("discipline-check/complaint-check:r1:4");

        var plan = InstanceMigrator.Plan(V1, v2, state, null, Ctx(Tuesday.AddDays(1)));
        plan.Problems.Should().BeEmpty();
        plan.LandingStep.Should().Be("discipline-check");
        plan.Effects.Should().BeEmpty("nothing closes and nothing opens");
        plan.ClosingTasks.Should().BeEmpty();

        var migrated = InstanceMigrator.Apply(V1, v2, state, null, Ctx(Tuesday.AddDays(1)), "admin").State;
        migrated.DefinitionVersion.Should().Be(2);
        migrated.OpenTasks.Should().Equal(state.OpenTasks);
        migrated.Progress.Should().BeEquivalentTo(state.Progress);
        migrated.History.Last().Should().BeEquivalentTo(new { Event = HistoryEvent.Migrated, StepKey = "discipline-check", FromVersion = 1, ToVersion = 2 });
        var done = Do(v2, migrated, "discipline-check/complaint-check:r1:4", Inspector, "clear", Tuesday.AddDays(1));
        done.CurrentStep.Should().Be("decision");
        done.OpenTasks.Single().DueAt.Should().Be(DateTimeOffset.Parse("2026-12-23T17:00:00+07:00"), "v2's 15 working days");
    }

    [Fact]
    public void A_sub_route_the_new_version_drops_is_abandoned_when_its_step_is_mapped()
    {
        var v2 = V2(r =>
        {
            r["steps"]![1]!["transitions"]!["approved"] = "decision";
            r["steps"]!.AsArray().RemoveAt(2);
            r["layout"]!.AsObject().Remove("discipline-check");
        });
        var state = InSubRoute();
        InstanceMigrator.Plan(V1, v2, state, null, Ctx(Tuesday)).Problems.Select(p => p.Code).Should().Equal(MigrationProblems.UnmappedStep);

        var migrated = InstanceMigrator.Apply(V1, v2, state, new Dictionary<string, string> { ["discipline-check"] = "decision" }, Ctx(Tuesday), "admin");
        migrated.Succeeded.Should().BeTrue();
        migrated.Effects.Select(EffectText.Render).Should().StartWith([
            "TaskClosed discipline-check/complaint-check:r1:4 migrated by admin", "DeadlineCancelled discipline-check/complaint-check:r1:4", "StepEntered decision r1"]);
        migrated.State.Progress.Should().BeNull();
    }

    [Fact]
    public void Steps_inside_a_sub_route_or_a_branch_cannot_be_mapped()
    {
        var v2 = V2(_ => { });
        var refused = InstanceMigrator.Apply(V1, v2, InSubRoute(), new Dictionary<string, string> { ["discipline-check/complaint-check"] = "decision" }, Ctx(Tuesday));
        refused.Succeeded.Should().BeFalse();
        refused.Problems.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Code = MigrationProblems.NestedStep, StepKey = "discipline-check/complaint-check" });
        refused.Problems[0].Message.Should().Contain("(“discipline-check”)");
    }

    [Fact]
    public void A_sub_route_whose_callee_is_missing_in_the_context_cannot_be_entered_by_a_migration()
    {
        var v2 = V2(r => r["steps"]![2]!["definition"] = "kiem-tra-khac");
        var plan = InstanceMigrator.Plan(V1, v2, InSubRoute(), null, Ctx(Tuesday));
        plan.Problems.Should().ContainSingle().Which.Code.Should().Be(MigrationProblems.CannotEnter);
        plan.Problems[0].Args.OfType<RuntimeError>().Should().ContainSingle().Which.Code.Should().Be(RuntimeErrors.UnknownCallee);
    }
}
