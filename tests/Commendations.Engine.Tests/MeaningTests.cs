using System.Text.Json.Nodes;
using Commendations.Engine.Tests.Support;

namespace Commendations.Engine.Tests;

/// <summary>Semantic roles, display names, and the rules that keep them usable by the application.</summary>
public class MeaningTests
{
    private static readonly string Certificate = Path.Combine(Repo.Workflows, "bang-khen-chuyen-de.v1.json");

    private static JsonObject Shipped() => JsonNode.Parse(File.ReadAllText(Certificate))!.AsObject();

    private static JsonObject Step(JsonObject root, string key) =>
        root["steps"]!.AsArray().Single(s => (string?)s!["key"] == key)!.AsObject();

    private static int IndexOf(JsonObject root, string key) =>
        root["steps"]!.AsArray().Select((s, i) => (s, i)).Single(x => (string?)x.s!["key"] == key).i;

    /// <summary>Renames a step everywhere its key is written: the step, every target, the start, the withdrawal, the layout.</summary>
    internal static void RenameStep(JsonObject root, string from, string to)
    {
        static void Swap(JsonObject o, string property, string from, string to)
        {
            if ((string?)o[property] == from) o[property] = to;
        }
        Swap(root, "start", from, to);
        Swap(root, "onWithdraw", from, to);
        foreach (var step in root["steps"]!.AsArray().Select(s => s!.AsObject()))
        {
            Swap(step, "key", from, to);
            Swap(step, "next", from, to);
            Swap(step, "default", from, to);
            foreach (var action in step["actions"]?.AsArray() ?? []) Swap(action!.AsObject(), "target", from, to);
            foreach (var branch in step["conditions"]?.AsArray() ?? []) Swap(branch!.AsObject(), "target", from, to);
            if (step["transitions"] is JsonObject transitions)
                foreach (var name in transitions.Select(t => t.Key).ToList()) Swap(transitions, name, from, to);
        }
        if (root["layout"] is JsonObject layout && layout[from] is { } position)
        {
            layout.Remove(from);
            layout[to] = position.DeepClone();
        }
    }

    private static IReadOnlyList<ValidationProblem> Problems(JsonObject root, ValidationContext? context = null) =>
        WorkflowDefinitionParser.Parse(root.ToJsonString(), context).Problems;

    [Fact]
    public void The_shipped_definitions_answer_what_their_steps_and_actions_mean()
    {
        var definition = Repo.LoadDefinition(Certificate);

        definition.ProposalStep()!.Key.Should().Be("unit-proposal");
        definition.SubmitAction()!.Name.Should().Be("submit");
        definition.Means("public-disclosure", StepMeaning.Disclosure).Should().BeTrue();
        definition.AwardActionAt("decision")!.Name.Should().Be("award");
        definition.AwardActionAt("appraisal").Should().BeNull();
        DefinitionMeanings.MeaningOf(definition.FindStep("appraisal"), "return").Should().Be(ActionMeaning.ReturnForSupplement);
        DefinitionMeanings.MeaningOf(definition.FindStep("committee-review"), ApprovalAction.Reject).Should().Be(ActionMeaning.Reject);
        DefinitionMeanings.NeedsReason(DefinitionMeanings.MeaningOf(definition.FindStep("decision"), "reject")).Should().BeTrue();
        DefinitionMeanings.NeedsReason(DefinitionMeanings.MeaningOf(definition.FindStep("appraisal"), "forward")).Should().BeFalse();
    }

    [Fact]
    public void Meanings_not_keys_find_the_steps_of_a_renamed_definition()
    {
        var root = Shipped();
        foreach (var (from, to) in new[] { ("unit-proposal", "de-xuat"), ("public-disclosure", "niem-yet"), ("decision", "ky-duyet") })
            RenameStep(root, from, to);
        Step(root, "de-xuat")["actions"]![0]!["name"] = "resubmit";
        var definition = WorkflowDefinitionParser.Parse(root.ToJsonString()).Definition!;

        definition.ProposalStep()!.Key.Should().Be("de-xuat");
        definition.SubmitAction()!.Name.Should().Be("resubmit");
        definition.StepsMeaning(StepMeaning.Disclosure).Single().Key.Should().Be("niem-yet");
        definition.AwardActionAt("ky-duyet")!.Name.Should().Be("award");
    }

    [Fact]
    public void A_display_text_is_a_string_or_vietnamese_and_english_and_a_string_is_written_back_as_a_string()
    {
        var definition = Repo.LoadDefinition(Certificate);
        var proposal = definition.ProposalStep()!;
        proposal.Title!.In("vi").Should().Be("Đơn vị lập và trình hồ sơ");
        proposal.Title.In("en").Should().Be("Unit prepares and submits the dossier");

        var old = Path.Combine(Repo.Scenarios, "definitions", "bang-khen-chuyen-de.v1.json");
        var legacy = Repo.LoadDefinition(old);
        ((TaskStep)legacy.FindStep("appraisal")!).Actions[0].Label!.In("en").Should().Be("Trình quyết định", "without English the Vietnamese is shown");
        WorkflowDefinitionSerializer.Serialize(legacy).Should().Contain("\"label\": \"Trình quyết định\"");
        WorkflowDefinitionSerializer.ContentHash(legacy).Should().Be(
            WorkflowDefinitionSerializer.ContentHash(WorkflowDefinitionParser.Parse(WorkflowDefinitionSerializer.Serialize(legacy)).Definition!));
    }

    [Fact]
    public void A_display_text_object_is_read_strictly()
    {
        var root = Shipped();
        Step(root, "appraisal")["title"] = new JsonObject { ["vi"] = "Thẩm định", ["fr"] = "Évaluation" };
        Problems(root).Select(p => p.English()).Should().Contain(m => m.Contains("Unknown property 'fr'"));

        root = Shipped();
        Step(root, "appraisal")["title"] = new JsonObject { ["en"] = "Appraisal" };
        Problems(root).Select(p => p.English()).Should().Contain(m => m.Contains("needs its Vietnamese"));
    }

    [Fact]
    public void The_proposal_is_the_start_step_a_task_with_exactly_one_submit_action()
    {
        var root = Shipped();
        Step(root, "appraisal")["meaning"] = "proposal";
        var problems = Problems(root);
        problems.Should().Contain(p => p.Path == $"$.steps[{IndexOf(root, "appraisal")}].meaning" && p.English().Contains("only one proposal"));

        root = Shipped();
        Step(root, "unit-proposal")["actions"]![0]!["meaning"] = "approve";
        Problems(root).Should().Contain(p => p.Path == "$.steps[0].actions" && p.English().Contains("exactly one action meaning submit"));

        root = Shipped();
        Step(root, "appraisal")["actions"]![0]!["meaning"] = "submit";
        Problems(root).Should().Contain(p => p.Path == $"$.steps[{IndexOf(root, "appraisal")}].actions[0].meaning");

        root = Shipped();
        Step(root, "unit-proposal")["assignee"]!["scope"] = "province";
        Problems(root).Should().Contain(p => p.Path == "$.steps[0].assignee.scope" && p.English().Contains("assigned to the nominating unit"));

        root = Shipped();
        Step(root, "public-disclosure")["meaning"] = "proposal";
        Problems(root).Should().Contain(p => p.Path == $"$.steps[{IndexOf(root, "public-disclosure")}].meaning" && p.English().Contains("must be a task"));
    }

    [Fact]
    public void Disclosure_is_a_wait_and_a_decision_a_task_with_exactly_one_award_leading_to_awarded()
    {
        var root = Shipped();
        Step(root, "appraisal")["meaning"] = "disclosure";
        Problems(root).Should().Contain(p => p.Path == $"$.steps[{IndexOf(root, "appraisal")}].meaning" && p.English().Contains("only to wait steps"));

        root = Shipped();
        Step(root, "decision")["actions"]![1]!["meaning"] = "award";
        Problems(root).Should().Contain(p => p.Path == $"$.steps[{IndexOf(root, "decision")}].actions" && p.English().Contains("exactly one action meaning award"));

        root = Shipped();
        Step(root, "decision")["actions"]![0]!["target"] = "withdrawn";
        Problems(root).Should().Contain(p => p.Path == $"$.steps[{IndexOf(root, "decision")}].actions[0].target" && p.English().Contains("straight to an end step with result Awarded"));
    }

    [Fact]
    public void Every_path_to_an_award_passes_the_decisions_award_action()
    {
        var root = Shipped();
        Step(root, "appraisal")["actions"]![0]!["target"] = "awarded";
        var at = $"$.steps[{IndexOf(root, "appraisal")}].actions[0].target";
        Problems(root).Should().ContainSingle(p => p.Path == at).Which.English().Should().Contain("without passing a decision step's award action");
    }

    [Fact]
    public void Returns_go_back_and_rejections_end_rejected()
    {
        var root = Shipped();
        Step(root, "appraisal")["actions"]![1]!["target"] = "decision";
        Problems(root).Should().Contain(p => p.Path == $"$.steps[{IndexOf(root, "appraisal")}].actions[1].target" && p.English().Contains("lead back to an earlier step"));

        root = Shipped();
        Step(root, "committee-review")["transitions"]!["rejected"] = "withdrawn";
        Problems(root).Should().Contain(p => p.Path == "$.steps[1].transitions.rejected" && p.English().Contains("result Rejected"));

        root = Shipped();
        Step(root, "appraisal")["actions"]![1]!["meaning"] = "approve";
        Problems(root).Should().Contain(p => p.Path == $"$.steps[{IndexOf(root, "appraisal")}].actions[1].meaning" && p.English().Contains("must mean returnForSupplement"));
    }

    [Fact]
    public void A_return_by_meaning_alone_starts_a_new_round()
    {
        var action = new TaskAction { Name = "tra-lai", Target = "x", Meaning = ActionMeaning.ReturnForSupplement };
        action.IncreasesRound.Should().BeTrue();
        DefinitionMeanings.MeaningOf(new TaskAction { Name = "back", Target = "x", ReturnsForSupplement = true }).Should().Be(ActionMeaning.ReturnForSupplement);
    }

    [Fact]
    public void Publication_requires_the_proposal_and_a_decision_when_the_route_can_award()
    {
        var root = Shipped();
        foreach (var step in root["steps"]!.AsArray())
        {
            step!.AsObject().Remove("meaning");
            foreach (var action in step["actions"]?.AsArray() ?? []) action!.AsObject().Remove("meaning");
        }
        var context = new ValidationContext { RequireMeanings = true };

        var problems = Problems(root, context);
        problems.Should().Contain(p => p.Path == "$.steps[0].meaning" && p.English().Contains("needs the unit's proposal"));
        problems.Should().Contain(p => p.Path == $"$.steps[{IndexOf(root, "awarded")}]" && p.English().Contains("needs a decision step"));
        Problems(root).Where(p => p.Path.EndsWith(".meaning", StringComparison.Ordinal) || p.English().Contains("decision step")).Should().BeEmpty(
            "a document checked on its own (tests, the designer without an organisation) need not declare meanings");
    }

    private static ValidationContext Organisation() => new()
    {
        RequireMeanings = true,
        KnownRoles = new HashSet<string> { "emulationOfficer", "committeeMember", "appraiser", "provincialLeader", "administrator" },
        UnitScopes = new HashSet<string> { "appraisal", "province" },
        HeldRoles = new HashSet<RoleInScope>
        {
            new("emulationOfficer", "nominating"), new("emulationOfficer", "*"),
            new("appraiser", "appraisal"), new("appraiser", "nominating"), new("appraiser", "*"),
            new("provincialLeader", "province"), new("provincialLeader", "nominating"), new("provincialLeader", "*"),
        },
        Committees = new Dictionary<string, CommitteeFacts> { ["bcd-qcdc"] = new(3, true, true), ["hdtdkt"] = new(9, true, true) },
    };

    [Fact]
    public void The_shipped_definitions_fit_the_demo_organisation()
    {
        foreach (var file in new[] { Certificate, Path.Combine(Repo.Workflows, "csdt-tinh.v1.json") })
            WorkflowDefinitionParser.Parse(File.ReadAllText(file), Organisation()).Problems.Should().BeEmpty(file);
    }

    [Fact]
    public void A_role_nobody_has_or_holds_an_unconfigured_scope_and_an_unheld_escalation_role_are_refused()
    {
        var root = Shipped();
        var appraisal = IndexOf(root, "appraisal");
        Step(root, "appraisal")["assignee"]!["role"] = "inspector";
        Problems(root, Organisation()).Should().Contain(p => p.Path == $"$.steps[{appraisal}].assignee.role" && p.English().Contains("The role 'inspector' does not exist"));

        root = Shipped();
        Step(root, "appraisal")["assignee"]!["scope"] = "inspectorate";
        Problems(root, Organisation()).Should().ContainSingle(p => p.Path == $"$.steps[{appraisal}].assignee.scope")
            .Which.English().Should().Contain("The unit scope 'inspectorate' is not configured");

        root = Shipped();
        Step(root, "appraisal")["escalation"] = new JsonObject { ["notifyRole"] = "appraisalHead", ["scope"] = "appraisal" };
        Problems(root, Organisation()).Should().Contain(p => p.Path == $"$.steps[{appraisal}].escalation.notifyRole" && p.English().Contains("'appraisalHead' does not exist"));

        root = Shipped();
        Step(root, "appraisal")["escalation"] = new JsonObject { ["notifyRole"] = "administrator", ["scope"] = "appraisal" };
        Problems(root, Organisation()).Should().Contain(p => p.Path == $"$.steps[{appraisal}].escalation.notifyRole"
                                                            && p.English() == "No active user holds the role 'administrator' in the unit scope 'appraisal'.");
    }

    [Fact]
    public void Committees_must_exist_have_members_enough_for_m_of_n_and_the_position_notified()
    {
        var root = Shipped();
        Step(root, "committee-review")["committee"] = "hd-khac";
        Problems(root, Organisation()).Should().Contain(p => p.Path == "$.steps[1].committee" && p.English().Contains("unknown"));

        var empty = Organisation() with { Committees = new Dictionary<string, CommitteeFacts> { ["bcd-qcdc"] = new(0, false, false), ["hdtdkt"] = new(9, true, true) } };
        Problems(Shipped(), empty).Should().Contain(p => p.Path == "$.steps[1].committee" && p.English().Contains("has no members"));

        root = Shipped();
        var review = Step(root, "committee-review");
        review["type"] = "parallelApproval";
        review["required"] = 5;
        Problems(root, Organisation()).Should().Contain(p => p.Path == "$.steps[1].required" && p.English().Contains("has 3 members (M > N)"));

        var chairless = Organisation() with { Committees = new Dictionary<string, CommitteeFacts> { ["bcd-qcdc"] = new(3, false, true) } };
        Problems(Shipped(), chairless).Should().Contain(p => p.Path == "$.steps[1].escalation.notifyRole" && p.English().Contains("has no chair"));
    }
}
