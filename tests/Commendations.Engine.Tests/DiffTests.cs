using System.Text.Json.Nodes;
using Commendations.Engine.Tests.Support;

namespace Commendations.Engine.Tests;

public class DiffTests
{
    // A frozen copy of the first shipped version (no meanings or titles): these tests are about the diff itself.
    private static readonly string V1Path = Path.Combine(Repo.Scenarios, "definitions", "bang-khen-chuyen-de.v1.json");
    private static WorkflowDefinition V1 => Repo.LoadDefinition(V1Path);
    private static WorkflowDefinition V2 => Repo.LoadDefinition(Path.Combine(Repo.Scenarios, "definitions", "bang-khen-chuyen-de.v2.json"));

    [Fact]
    public void Shipped_certificate_against_a_copy_with_a_review_step_inserted()
    {
        var changes = DefinitionDiff.Compare(V1, V2);

        changes.Select(c => $"{c.Kind} {c}").Should().Equal(
            "StepAdded secretariat-review: (none) → task",
            "StepChanged committee-review.deadline.workingDays: 5 → 7",
            "TransitionChanged committee-review.transitions.approved: public-disclosure → secretariat-review",
            "StepsReordered steps: unit-proposal, committee-review, public-disclosure, appraisal, decision, awarded, rejected, withdrawn → unit-proposal, committee-review, public-disclosure, appraisal, decision, rejected, awarded, withdrawn",
            "LayoutChanged committee-review.layout: (240, 0) → (240, 40)",
            "LayoutChanged secretariat-review.layout: (none) → (360, 120)");
        changes.Select(c => c.Description).Should().StartWith([
            "Thêm bước “secretariat-review” (task).",
            "Bước “committee-review”: Thời hạn đổi từ 5 thành 7.",
            "Bước “committee-review”: kết quả “approved” nay dẫn đến bước “secretariat-review” thay vì bước “public-disclosure”.",
        ]);
        var transition = changes.Single(c => c.Kind == DefinitionChangeKind.TransitionChanged);
        transition.Should().BeEquivalentTo(new { StepKey = "committee-review", Outcome = "approved", Path = "transitions.approved", Before = "public-disclosure", After = "secretariat-review" });
        changes.Where(c => c.IsLayoutOnly).Should().HaveCount(3);
    }

    [Fact]
    public void Layout_can_be_left_out_and_the_reverse_diff_mirrors()
    {
        DefinitionDiff.Compare(V1, V2, includeLayout: false).Should().HaveCount(3).And.OnlyContain(c => !c.IsLayoutOnly);
        DefinitionDiff.Compare(V2, V1, includeLayout: false).Select(c => c.ToString()).Should().Equal(
            "secretariat-review: task → (none)",
            "committee-review.deadline.workingDays: 7 → 5",
            "committee-review.transitions.approved: secretariat-review → public-disclosure");
    }

    [Fact]
    public void Equal_definitions_have_no_changes() => DefinitionDiff.Compare(V1, V1).Should().BeEmpty();

    public static TheoryData<string, string[]> Mutations() => new()
    {
        { "committee:hdtdkt", ["StepChanged committee-review.committee: bcd-qcdc → hdtdkt"] },
        { "top", ["FieldChanged name: Bằng khen của Chủ tịch UBND tỉnh – phong trào thi đua chuyên đề → Renamed", "FieldChanged appliesTo.nomineeKinds: [collective, individual] → [collective]", "FieldChanged onWithdraw: withdrawn → (none)"] },
        { "action-added", ["StepChanged appraisal.actions[hold].label: (none) → Tạm dừng", "TransitionChanged appraisal.actions[hold].target: (none) → unit-proposal"] },
        { "action-removed", ["StepChanged appraisal.actions[reject].label: Không đủ điều kiện → (none)", "TransitionChanged appraisal.actions[reject].target: rejected → (none)"] },
        { "escalation", ["StepChanged committee-review.escalation.action: (none) → return", "StepChanged committee-review.escalation.notifyRole: committeeChair → (none)"] },
        { "reminders", ["StepChanged committee-review.reminders[0].workingDaysBefore: 2 → 3", "StepChanged committee-review.reminders[2].workingDaysBefore: (none) → 1"] },
        { "type", ["StepChanged decision.type: task → end", "StepChanged decision.result: (none) → Awarded", "StepChanged decision.assignee.role: provincialLeader → (none)"] },
        { "returned-removed", ["TransitionChanged committee-review.transitions.returned: unit-proposal → (none)"] },
    };

    [Theory]
    [MemberData(nameof(Mutations))]
    public void A_single_edit_is_reported_as(string mutation, string[] expectedStart)
    {
        var root = JsonNode.Parse(File.ReadAllText(V1Path))!.AsObject();
        var steps = root["steps"]!.AsArray();
        JsonObject Step(string key) => steps.Single(s => (string?)s!["key"] == key)!.AsObject();
        switch (mutation)
        {
            case "committee:hdtdkt": Step("committee-review")["committee"] = "hdtdkt"; break;
            case "top": root["name"] = "Renamed"; root["appliesTo"]!["nomineeKinds"] = new JsonArray("collective"); root.Remove("onWithdraw"); break;
            case "action-added": Step("appraisal")["actions"]!.AsArray().Add(new JsonObject { ["name"] = "hold", ["label"] = "Tạm dừng", ["target"] = "unit-proposal" }); break;
            case "action-removed": Step("appraisal")["actions"]!.AsArray().RemoveAt(2); break;
            case "escalation": Step("committee-review")["escalation"] = new JsonObject { ["action"] = "return" }; break;
            case "reminders":
                Step("committee-review")["reminders"] = new JsonArray(new JsonObject { ["workingDaysBefore"] = 3 }, new JsonObject { ["workingDaysBefore"] = 0 }, new JsonObject { ["workingDaysBefore"] = 1 });
                break;
            case "type":
                var decision = Step("decision");
                foreach (var name in decision.Select(p => p.Key).Where(n => n != "key").ToList()) decision.Remove(name);
                decision.Insert(0, "type", "end");
                decision["result"] = "Awarded";
                break;
            case "returned-removed": Step("committee-review")["transitions"]!.AsObject().Remove("returned"); break;
        }
        // Drafts need not be valid to be compared: read without validation.
        var definition = System.Text.Json.JsonSerializer.Deserialize<WorkflowDefinition>(root.ToJsonString(), WorkflowJson.Options)!;

        DefinitionDiff.Compare(V1, definition).Select(c => $"{c.Kind} {c}").Should().StartWith(expectedStart);
    }

    /// <summary>V1 with a step's key changed and every reference to it following, read without validation.</summary>
    private static WorkflowDefinition Renamed(string from, string to, Action<JsonObject>? alsoChange = null)
    {
        var text = File.ReadAllText(V1Path).Replace($"\"{from}\"", $"\"{to}\"", StringComparison.Ordinal);
        var root = JsonNode.Parse(text)!.AsObject();
        alsoChange?.Invoke(root);
        return System.Text.Json.JsonSerializer.Deserialize<WorkflowDefinition>(root.ToJsonString(), WorkflowJson.Options)!;
    }

    [Fact]
    public void A_renamed_step_is_one_change_and_the_transitions_that_follow_it_are_not_reported()
    {
        var changes = DefinitionDiff.Compare(V1, Renamed("public-disclosure", "disclosure-period"));

        changes.Select(c => $"{c.Kind} {c}").Should().Equal("StepRenamed disclosure-period.key: public-disclosure → disclosure-period");
        changes[0].Description.Should().Be("Bước “disclosure-period”: đổi mã nội bộ của bước, nội dung không đổi.",
            "the sentence names the step (the application by its title); the codes are the change's before and after");
        changes[0].Template.Should().BeOneOf(EnglishCatalog.All.Keys, "the sentence has its English");
    }

    [Fact]
    public void Renaming_the_start_step_does_not_report_the_start_or_the_returns_to_it()
    {
        DefinitionDiff.Compare(V1, Renamed("unit-proposal", "unit-dossier")).Select(c => $"{c.Kind} {c}")
            .Should().Equal("StepRenamed unit-dossier.key: unit-proposal → unit-dossier");
    }

    [Fact]
    public void Two_renamed_steps_pointing_at_each_other_are_two_renames()
    {
        var both = Renamed("public-disclosure", "disclosure-period");
        var text = System.Text.Json.JsonSerializer.Serialize(both, WorkflowJson.Options).Replace("\"committee-review\"", "\"council-review\"", StringComparison.Ordinal);
        var after = System.Text.Json.JsonSerializer.Deserialize<WorkflowDefinition>(text, WorkflowJson.Options)!;

        DefinitionDiff.Compare(V1, after, includeLayout: false).Select(c => c.ToString()).Should().BeEquivalentTo(
            "disclosure-period.key: public-disclosure → disclosure-period", "council-review.key: committee-review → council-review");
    }

    [Fact]
    public void A_step_renamed_and_changed_is_still_a_removal_and_an_addition()
    {
        var after = Renamed("public-disclosure", "disclosure-period", root =>
            root["steps"]!.AsArray().Single(s => (string?)s!["key"] == "disclosure-period")!["duration"] = new JsonObject { ["workingDays"] = 9 });

        var kinds = DefinitionDiff.Compare(V1, after, includeLayout: false).Select(c => c.Kind).ToList();

        kinds.Should().Contain([DefinitionChangeKind.StepRemoved, DefinitionChangeKind.StepAdded, DefinitionChangeKind.TransitionChanged])
            .And.NotContain(DefinitionChangeKind.StepRenamed);
    }

    [Fact]
    public void A_changed_property_is_named_as_the_catalogue_names_it_never_by_its_path()
    {
        var root = JsonNode.Parse(File.ReadAllText(V1Path))!.AsObject();
        root["steps"]!.AsArray().Single(s => (string?)s!["key"] == "committee-review")!["committee"] = "hdtdkt";
        var after = System.Text.Json.JsonSerializer.Deserialize<WorkflowDefinition>(root.ToJsonString(), WorkflowJson.Options)!;

        var change = DefinitionDiff.Compare(V1, after).Single();

        change.Description.Should().Be("Bước “committee-review”: Hội đồng / Ban đổi từ bcd-qcdc thành hdtdkt.");
        change.Path.Should().Be("committee", "the structured path stays for programs");
        change.Args.OfType<Named>().Should().Contain(n => n.Kind == NameKind.Text && n.Value == "Hội đồng / Ban");
    }
}
