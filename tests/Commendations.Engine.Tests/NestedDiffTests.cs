using System.Text.Json.Nodes;
using Commendations.Engine.Tests.Support;

namespace Commendations.Engine.Tests;

/// <summary>Diffs show changes inside parallel branches (keyed by branch) and in what a sub-route calls.</summary>
public class NestedDiffTests
{
    private static readonly string CallerJson = File.ReadAllText(Path.Combine(Repo.Workflows, "khen-thuong-tap-the.v1.json"));

    private static WorkflowDefinition Changed(Action<JsonObject> change)
    {
        var root = JsonNode.Parse(CallerJson)!.AsObject();
        root["version"] = 2;
        change(root);
        var result = WorkflowDefinitionParser.Parse(root.ToJsonString());
        result.Problems.Should().BeEmpty();
        return result.Definition!;
    }

    private static JsonObject Step(JsonObject root, int index) => root["steps"]![index]!.AsObject();

    [Fact]
    public void Changes_inside_branches_are_named_by_branch_key()
    {
        var v1 = Changed(_ => { });
        var v2 = Changed(r =>
        {
            var branches = Step(r, 1)["branches"]!.AsArray();
            branches[1]!["deadline"]!["workingDays"] = 15;
            branches[0]!["assignee"]!["scope"] = "province";
            branches.Insert(0, new JsonObject { ["key"] = "standing-body", ["committee"] = "hdtdkt", ["deadline"] = new JsonObject { ["workingDays"] = 5 } });
            Step(r, 1)["onRejection"] = "waitForAll";
        });

        DefinitionDiff.Compare(v1, v2, includeLayout: false).Select(c => $"{c.Kind} {c}").Should().Equal(
            "StepChanged joint-check.branches[standing-body].committee: (none) → hdtdkt",
            "StepChanged joint-check.branches[standing-body].deadline.workingDays: (none) → 5",
            "StepChanged joint-check.branches[commendation-office].assignee.scope: appraisal → province",
            "StepChanged joint-check.branches[inspectorate].deadline.workingDays: 10 → 15",
            "StepChanged joint-check.onRejection: rejectImmediately → waitForAll");
    }

    [Fact]
    public void What_a_sub_route_calls_and_where_its_results_lead_show()
    {
        var v1 = Changed(_ => { });
        var v2 = Changed(r =>
        {
            Step(r, 2)["version"] = 2;
            Step(r, 2)["transitions"]!["rejected"] = "unit-proposal";
        });
        var v3 = Changed(r => Step(r, 2)["definition"] = "kiem-tra-ky-luat-moi");

        var changes = DefinitionDiff.Compare(v1, v2, includeLayout: false);
        changes.Select(c => $"{c.Kind} {c}").Should().Equal(
            "StepChanged discipline-check.version: (none) → 2",
            "TransitionChanged discipline-check.transitions.rejected: rejected → unit-proposal");
        changes[1].Outcome.Should().Be("rejected");
        DefinitionDiff.Compare(v1, v3).Select(c => c.ToString()).Should().Equal("discipline-check.definition: kiem-tra-ky-luat → kiem-tra-ky-luat-moi");
    }

    [Fact]
    public void New_step_types_are_named_in_added_and_removed_steps()
    {
        var v1 = Changed(_ => { });
        var v2 = Changed(r =>
        {
            Step(r, 0)["actions"]![0]!["target"] = "decision";
            r["steps"]!.AsArray().RemoveAt(2);
            r["steps"]!.AsArray().RemoveAt(1);
            r["layout"]!.AsObject().Remove("joint-check");
            r["layout"]!.AsObject().Remove("discipline-check");
        });
        DefinitionDiff.Compare(v1, v2, includeLayout: false).Select(c => c.ToString()).Should().StartWith(
            ["joint-check: parallel → (none)", "discipline-check: subRoute → (none)"]);
    }
}
