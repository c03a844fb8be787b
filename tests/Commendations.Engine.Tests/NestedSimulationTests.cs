using Commendations.Engine.Tests.Support;

namespace Commendations.Engine.Tests;

/// <summary>Simulation scenarios act on branch tasks and sub-route tasks like any other.</summary>
public class NestedSimulationTests
{
    private static readonly WorkflowDefinition Route = Repo.LoadDefinition(Path.Combine(Repo.Workflows, "khen-thuong-tap-the.v1.json"));
    private static readonly WorkflowDefinition Check = Repo.LoadDefinition(Path.Combine(Repo.Workflows, "kiem-tra-ky-luat.v1.json"));
    private static readonly Dictionary<string, string> Scopes = new() { ["nominating"] = "u-nom", ["appraisal"] = "u-app", ["province"] = "u-prov" };

    private static SimulationResult Run(string actions, CalleeDefinitions? callees = null) => WorkflowSimulator.Run(Route, SimulationScenario.FromJson($$"""
        { "name": "collective", "start": "2026-12-01T09:00:00+07:00",
          "facts": { "kind": "collective", "awardForm": "co-thi-dua-tinh", "dossierClose": "2026-12-15" },
          "actions": {{actions}} }
        """), new WorkingCalendar(), new Dictionary<string, IReadOnlyList<string>>(), Scopes, callees ?? new CalleeDefinitions([Check]));

    [Fact]
    public void Branches_are_picked_by_step_and_the_sub_route_task_by_its_action()
    {
        var result = Run("""
            [ { "action": "submit" },
              { "action": "approve", "step": "inspectorate" },
              { "action": "approve", "step": "joint-check/commendation-office", "delayWorkingHours": 3 },
              { "action": "clear" },
              { "action": "award" } ]
            """);

        result.Refusal.Should().BeNull();
        result.Result.Should().Be(EndResult.Awarded);
        result.Path.Select(p => p.StepKey).Should().Equal(
            "unit-proposal", "joint-check", "discipline-check", "discipline-check/complaint-check", "discipline-check/passed", "decision", "awarded");
        result.Tasks.Select(t => $"{t.TaskId} {t.Assignee} {t.Outcome} {EffectText.Time(t.ClosedAt!.Value)}").Should().Equal(
            "unit-proposal:r1:1 role:emulationOfficer@u-nom submit 2026-12-01 10:00",
            "joint-check/commendation-office:r1:2 role:appraiser@u-app approve 2026-12-01 14:00",
            "joint-check/inspectorate:r1:3 role:appraiser@inspection approve 2026-12-01 11:00",
            "discipline-check/complaint-check:r1:4 role:appraiser@inspection clear 2026-12-01 15:00",
            "decision:r1:5 role:provincialLeader@u-prov award 2026-12-01 16:00");
        result.Tasks[1].Escalation.Should().BeEquivalentTo(new Escalation { NotifyRole = "provincialLeader", Scope = "province" });
    }

    [Fact]
    public void A_deadline_inside_the_sub_route_passes_and_a_missing_callee_is_a_refusal()
    {
        var overdue = Run("""[ { "action": "submit" }, { "action": "approve" }, { "action": "approve" }, { "action": "letDeadlinePass" } ]""");
        overdue.Refusal.Should().BeNull();
        overdue.StoppedAt.Should().Be("discipline-check");
        overdue.Tasks.Last().Should().BeEquivalentTo(new { TaskId = "discipline-check/complaint-check:r1:4", Overdue = true });

        var missing = Run("""[ { "action": "submit" }, { "action": "approve" }, { "action": "approve" } ]""", CalleeDefinitions.Empty);
        missing.Refusal.Should().BeEquivalentTo(new { ActionIndex = 2, Code = RuntimeErrors.UnknownCallee });
    }

    [Fact]
    public void A_step_with_no_open_task_is_a_refusal()
    {
        var result = Run("""[ { "action": "submit" }, { "action": "approve", "step": "nowhere" } ]""");
        result.Refusal.Should().BeEquivalentTo(new { ActionIndex = 1, Code = SimulationErrors.NoOpenTask });
        result.Refusal!.Reason.Should().Contain("bước con “nowhere”");
    }
}
