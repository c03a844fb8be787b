using Commendations.Engine.Tests.Support;
using System.Text.Json.Nodes;

namespace Commendations.Engine.Tests;

/// <summary>One test per validation rule: each asserts the JSON path and that no definition is returned.</summary>
public class ValidationTests
{
    private const string Valid = """
    {
      "id": "test-route",
      "version": 1,
      "name": "Test route",
      "appliesTo": { "nomineeKinds": ["collective", "individual"], "awardForms": ["bang-khen-tinh"] },
      "start": "unit-proposal",
      "steps": [
        { "type": "task", "key": "unit-proposal",
          "assignee": { "role": "emulationOfficer", "scope": "nominating" },
          "actions": [ { "name": "submit", "target": "committee-review" } ],
          "deadline": { "workingDays": 5 } },
        { "type": "sequentialApproval", "key": "committee-review", "committee": "bcd-qcdc",
          "transitions": { "approved": "by-kind", "returned": "unit-proposal", "rejected": "rejected" },
          "deadline": { "workingDays": 5 }, "reminders": [ { "workingDaysBefore": 2 } ],
          "escalation": { "notifyRole": "committeeChair" } },
        { "type": "branch", "key": "by-kind",
          "conditions": [ { "when": { "fact": "kind", "op": "eq", "value": "collective" }, "target": "council" } ],
          "default": "awarded" },
        { "type": "parallelApproval", "key": "council", "committee": "hdtdkt", "required": 2,
          "transitions": { "approved": "vote", "rejected": "rejected" },
          "deadline": { "calendarDays": 10 } },
        { "type": "vote", "key": "vote", "committee": "hdtdkt", "quorum": 0.8, "passThreshold": 0.9,
          "transitions": { "passed": "awarded", "failed": "rejected" },
          "deadline": { "workingDays": 3 } },
        { "type": "end", "key": "awarded", "result": "Awarded" },
        { "type": "end", "key": "rejected", "result": "Rejected" }
      ]
    }
    """;

    private static string Mutate(Action<JsonObject> change)
    {
        var root = JsonNode.Parse(Valid)!.AsObject();
        change(root);
        return root.ToJsonString();
    }

    private static JsonObject Step(JsonObject root, int index) => root["steps"]![index]!.AsObject();

    private static void ShouldFailAt(string json, string path, string messageFragment, ValidationContext? context = null)
    {
        var result = WorkflowDefinitionParser.Parse(json, context);
        result.IsValid.Should().BeFalse();
        result.Definition.Should().BeNull();
        result.Problems.Should().Contain(p => p.Path == path && p.English().Contains(messageFragment, StringComparison.OrdinalIgnoreCase),
            $"problems were: {string.Join(" | ", result.Problems)}");
    }

    [Fact]
    public void The_base_document_is_valid()
    {
        var result = WorkflowDefinitionParser.Parse(Valid);
        result.Problems.Should().BeEmpty();
        result.Definition!.Steps.Should().HaveCount(7);
    }

    [Fact]
    public void Malformed_json() => ShouldFailAt("{ \"id\": \"x\", ", "$", "Malformed JSON");

    [Fact]
    public void Not_an_object() => ShouldFailAt("[1, 2]", "$", "must be a JSON object");

    [Fact]
    public void Unknown_step_type() =>
        ShouldFailAt(Mutate(r => Step(r, 3)["type"] = "quorumDance"), "$.steps[3].type", "Unknown step type 'quorumDance'");

    [Fact]
    public void Missing_step_type() =>
        ShouldFailAt(Mutate(r => Step(r, 3).Remove("type")), "$.steps[3].type", "needs a 'type'");

    [Fact]
    public void Unknown_property_in_a_step() =>
        ShouldFailAt(Mutate(r => Step(r, 1)["colour"] = "red"), "$.steps[1].colour", "Unknown property 'colour'");

    [Fact]
    public void Unknown_property_nested_in_a_step() =>
        ShouldFailAt(Mutate(r => Step(r, 1)["deadline"]!["hours"] = 3), "$.steps[1].deadline.hours", "Unknown property 'hours'");

    [Fact]
    public void Unknown_top_level_property() =>
        ShouldFailAt(Mutate(r => r["owner"] = "me"), "$.owner", "Unknown property 'owner'");

    [Fact]
    public void Problems_of_several_steps_are_all_reported()
    {
        var json = Mutate(r => { Step(r, 1)["colour"] = "red"; Step(r, 4)["type"] = "poll"; });
        var result = WorkflowDefinitionParser.Parse(json);
        result.Definition.Should().BeNull();
        result.Problems.Select(p => p.Path).Should().Contain(["$.steps[1].colour", "$.steps[4].type"]);
    }

    [Fact]
    public void Missing_key() =>
        ShouldFailAt(Mutate(r => Step(r, 5).Remove("key")), "$.steps[5]", "Missing required properties: 'key'");

    [Fact]
    public void Empty_key() =>
        ShouldFailAt(Mutate(r => Step(r, 5)["key"] = ""), "$.steps[5].key", "needs a key");

    [Fact]
    public void Duplicate_key() =>
        ShouldFailAt(Mutate(r => Step(r, 6)["key"] = "awarded"), "$.steps[6].key", "already used by $.steps[5]");

    [Fact]
    public void Non_kebab_key() =>
        ShouldFailAt(Mutate(r => Step(r, 2)["key"] = "ByKind"), "$.steps[2].key", "kebab-case");

    [Fact]
    public void Non_kebab_id() =>
        ShouldFailAt(Mutate(r => r["id"] = "Test_Route"), "$.id", "kebab-case");

    [Fact]
    public void Version_below_one() =>
        ShouldFailAt(Mutate(r => r["version"] = 0), "$.version", "1 or more");

    [Fact]
    public void Transition_to_a_missing_key() =>
        ShouldFailAt(Mutate(r => Step(r, 1)["transitions"]!["approved"] = "nowhere"), "$.steps[1].transitions.approved", "the key “nowhere” does not exist");

    [Fact]
    public void Task_action_to_a_missing_key() =>
        ShouldFailAt(Mutate(r => Step(r, 0)["actions"]![0]!["target"] = "nowhere"), "$.steps[0].actions[0].target", "the key “nowhere” does not exist");

    [Fact]
    public void Missing_start() =>
        ShouldFailAt(Mutate(r => r.Remove("start")), "$", "Missing required properties: 'start'");

    [Fact]
    public void Missing_required_properties_message_ends_with_one_period()
    {
        var result = WorkflowDefinitionParser.Parse(Mutate(r => { r.Remove("start"); r.Remove("name"); }));
        var problem = result.Problems.Should().ContainSingle(p => p.English().StartsWith("Missing required properties")).Subject;
        problem.English().Should().EndWith("'.").And.NotContain("..");
    }

    [Fact]
    public void Unknown_property_in_a_task_action_names_its_path() =>
        ShouldFailAt(Mutate(r => Step(r, 0)["actions"]![0]!["colour"] = "red"), "$.steps[0].actions[0].colour", "Unknown property 'colour'");

    [Fact]
    public void Start_that_does_not_exist() =>
        ShouldFailAt(Mutate(r => r["start"] = "nowhere"), "$.start", "does not exist");

    [Fact]
    public void Step_unreachable_from_start() =>
        ShouldFailAt(Mutate(r => r["steps"]!.AsArray().Add(JsonNode.Parse("""{ "type": "end", "key": "orphan", "result": "Withdrawn" }"""))),
            "$.steps[7]", "cannot be reached from the start");

    [Fact]
    public void Step_from_which_no_end_is_reachable() =>
        ShouldFailAt(Mutate(r =>
        {
            // committee-review approves into a wait that loops back to itself.
            Step(r, 1)["transitions"]!["approved"] = "limbo";
            r["steps"]!.AsArray().Add(JsonNode.Parse("""{ "type": "wait", "key": "limbo", "duration": { "workingDays": 1 }, "next": "limbo" }"""));
        }), "$.steps[7]", "No end step can be reached");

    [Fact]
    public void Human_step_without_deadline() =>
        ShouldFailAt(Mutate(r => Step(r, 1).Remove("deadline")), "$.steps[1].deadline", "needs a deadline policy");

    [Fact]
    public void Deadline_with_two_kinds() =>
        ShouldFailAt(Mutate(r => Step(r, 1)["deadline"]!["calendarDays"] = 3), "$.steps[1].deadline", "exactly one");

    [Fact]
    public void Deadline_on_an_unknown_campaign_date() =>
        ShouldFailAt(Mutate(r => Step(r, 0)["deadline"] = JsonNode.Parse("""{ "campaignDate": "memberCount" }""")), "$.steps[0].deadline.campaignDate", "not a known date fact");

    [Fact]
    public void Escalation_action_the_step_does_not_have() =>
        ShouldFailAt(Mutate(r => Step(r, 1)["escalation"] = JsonNode.Parse("""{ "action": "shrug" }""")), "$.steps[1].escalation.action", "no action 'shrug'");

    [Theory]
    [InlineData("quorum", 0)]
    [InlineData("quorum", 1.2)]
    [InlineData("passThreshold", -0.1)]
    [InlineData("passThreshold", 1.01)]
    public void Shares_outside_zero_one(string property, double value) =>
        ShouldFailAt(Mutate(r => Step(r, 4)[property] = value), $"$.steps[4].{property}", "(0, 1]");

    [Fact]
    public void Share_of_exactly_one_is_allowed() =>
        WorkflowDefinitionParser.Parse(Mutate(r => Step(r, 4)["passThreshold"] = 1)).Problems.Should().BeEmpty();

    [Fact]
    public void Required_approvals_greater_than_the_committee() =>
        ShouldFailAt(Mutate(r => Step(r, 3)["required"] = 4), "$.steps[3].required", "M > N",
            new ValidationContext { CommitteeSizes = new Dictionary<string, int> { ["hdtdkt"] = 3, ["bcd-qcdc"] = 3 } });

    [Fact]
    public void Required_approvals_below_one_without_context() =>
        ShouldFailAt(Mutate(r => Step(r, 3)["required"] = 0), "$.steps[3].required", "M ≥ 1");

    [Fact]
    public void Committee_unknown_to_the_context() =>
        ShouldFailAt(Valid, "$.steps[1].committee", "'bcd-qcdc' is unknown",
            new ValidationContext { CommitteeSizes = new Dictionary<string, int> { ["hdtdkt"] = 3 } });

    [Fact]
    public void Condition_on_an_unknown_fact() =>
        ShouldFailAt(Mutate(r => Step(r, 2)["conditions"]![0]!["when"]!["fact"] = "shoeSize"), "$.steps[2].conditions[0].when.fact", "Unknown fact 'shoeSize'");

    [Fact]
    public void Condition_with_a_wrong_value_type() =>
        ShouldFailAt(Mutate(r => Step(r, 2)["conditions"]![0]!["when"] = JsonNode.Parse("""{ "fact": "memberCount", "op": "gte", "value": "ten" }""")),
            "$.steps[2].conditions[0].when.value", "must be a number");

    [Fact]
    public void Condition_with_an_operator_the_type_does_not_have() =>
        ShouldFailAt(Mutate(r => Step(r, 2)["conditions"]![0]!["when"]!["op"] = "gt"), "$.steps[2].conditions[0].when.op", "only eq, ne and in");

    [Fact]
    public void Condition_with_a_value_outside_the_vocabulary() =>
        ShouldFailAt(Mutate(r => Step(r, 2)["conditions"]![0]!["when"]!["value"] = "family"), "$.steps[2].conditions[0].when.value", "not a value of 'kind'");

    [Fact]
    public void Nested_condition_problems_have_nested_paths() =>
        ShouldFailAt(Mutate(r => Step(r, 2)["conditions"]![0]!["when"] = JsonNode.Parse(
            """{ "all": [ { "fact": "kind", "op": "eq", "value": "collective" }, { "not": { "fact": "dossierClose", "op": "lt", "value": "10/12/2027" } } ] }""")),
            "$.steps[2].conditions[0].when.all[1].not.value", "yyyy-MM-dd");

    [Fact]
    public void Wrong_property_type() =>
        ShouldFailAt(Mutate(r => Step(r, 3)["required"] = "two"), "$.steps[3].required", "wrong type");

    [Fact]
    public void Validator_works_on_an_in_memory_model()
    {
        var definition = WorkflowDefinitionParser.Parse(Valid).Definition!;
        var broken = definition with { Start = "nowhere" };

        WorkflowDefinitionValidator.Validate(definition).Should().BeEmpty();
        WorkflowDefinitionValidator.Validate(broken).Should().ContainSingle(p => p.Path == "$.start");
    }
}
