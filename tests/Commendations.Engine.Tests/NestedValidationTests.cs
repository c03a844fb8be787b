using System.Text.Json.Nodes;
using Commendations.Engine.Tests.Support;

namespace Commendations.Engine.Tests;

/// <summary>Validation of parallel steps and sub-route steps: each problem at its JSON path.</summary>
public class NestedValidationTests
{
    private static readonly string CallerJson = File.ReadAllText(Path.Combine(Repo.Workflows, "khen-thuong-tap-the.v1.json"));
    private static readonly string CalleeJson = File.ReadAllText(Path.Combine(Repo.Workflows, "kiem-tra-ky-luat.v1.json"));
    private static readonly WorkflowDefinition Callee = Repo.LoadDefinition(Path.Combine(Repo.Workflows, "kiem-tra-ky-luat.v1.json"));
    private static readonly WorkflowDefinition Caller = Repo.LoadDefinition(Path.Combine(Repo.Workflows, "khen-thuong-tap-the.v1.json"));

    private const int Parallel = 1, SubRoute = 2;

    private static string Mutate(string json, Action<JsonObject> change)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        change(root);
        return root.ToJsonString();
    }

    private static JsonObject Step(JsonObject root, int index) => root["steps"]![index]!.AsObject();

    private static JsonObject Branch(JsonObject root, int index) => Step(root, Parallel)["branches"]![index]!.AsObject();

    private static ValidationContext Published(params WorkflowDefinition[] definitions) => new() { PublishedDefinitions = new CalleeDefinitions(definitions) };

    private static void ShouldFailAt(string json, string path, string fragment, ValidationContext? context = null)
    {
        var result = WorkflowDefinitionParser.Parse(json, context);
        result.Definition.Should().BeNull();
        // The fragment may be from the Vietnamese sentence or from its English translation.
        result.Problems.Should().Contain(p => p.Path == path && (p.Message.Contains(fragment, StringComparison.OrdinalIgnoreCase)
                                                                 || p.English().Contains(fragment, StringComparison.OrdinalIgnoreCase)),
            $"problems were: {string.Join(" | ", result.Problems)}");
    }

    [Fact]
    public void The_shipped_caller_is_valid_with_its_callee_published()
    {
        WorkflowDefinitionParser.Parse(CallerJson, Published(Callee)).Problems.Should().BeEmpty();
        WorkflowDefinitionParser.Parse(CalleeJson, Published(Caller, Callee)).Problems.Should().BeEmpty();
    }

    [Fact]
    public void A_parallel_step_needs_two_branches() =>
        ShouldFailAt(Mutate(CallerJson, r => Step(r, Parallel)["branches"]!.AsArray().RemoveAt(1)), "$.steps[1].branches", "hai nhánh");

    [Fact]
    public void A_branch_names_exactly_one_actor()
    {
        ShouldFailAt(Mutate(CallerJson, r => Branch(r, 0)["committee"] = "hdtdkt"), "$.steps[1].branches[0]", "đúng một");
        ShouldFailAt(Mutate(CallerJson, r => Branch(r, 1).Remove("assignee")), "$.steps[1].branches[1]", "đúng một");
    }

    [Fact]
    public void Branch_keys_are_kebab_case_and_unique()
    {
        ShouldFailAt(Mutate(CallerJson, r => Branch(r, 1)["key"] = "commendation-office"), "$.steps[1].branches[1].key", "đã dùng");
        ShouldFailAt(Mutate(CallerJson, r => Branch(r, 1)["key"] = "Inspectorate"), "$.steps[1].branches[1].key", "kebab-case");
    }

    [Fact]
    public void A_branch_assignee_needs_a_role_and_a_scope() =>
        ShouldFailAt(Mutate(CallerJson, r => Branch(r, 1)["assignee"]!["scope"] = " "), "$.steps[1].branches[1].assignee.scope", "không được để trống");

    [Fact]
    public void Each_branch_needs_its_own_deadline() =>
        ShouldFailAt(Mutate(CallerJson, r => Branch(r, 1).Remove("deadline")), "$.steps[1].branches[1].deadline", "deadline");

    [Fact]
    public void A_branch_escalation_action_is_one_of_the_branch_actions()
    {
        ShouldFailAt(Mutate(CallerJson, r => Branch(r, 1)["escalation"] = new JsonObject { ["action"] = "forward" }),
            "$.steps[1].branches[1].escalation.action", "approve, return, reject");
        WorkflowDefinitionParser.Parse(Mutate(CallerJson, r => Branch(r, 1)["escalation"] = new JsonObject { ["action"] = "return" })).Problems.Should().BeEmpty();
    }

    [Fact]
    public void A_committee_branch_names_a_known_committee()
    {
        var json = Mutate(CallerJson, r => { Branch(r, 1).Remove("assignee"); Branch(r, 1)["committee"] = "tt-hd"; });
        WorkflowDefinitionParser.Parse(json).Problems.Should().BeEmpty();
        ShouldFailAt(json, "$.steps[1].branches[1].committee", "unknown", new ValidationContext { CommitteeSizes = new Dictionary<string, int> { ["hdtdkt"] = 9 } });
    }

    [Fact]
    public void Waiting_for_all_branches_needs_a_rejected_transition() =>
        ShouldFailAt(Mutate(CallerJson, r => { Step(r, Parallel)["onRejection"] = "waitForAll"; Step(r, Parallel)["transitions"]!.AsObject().Remove("rejected"); }),
            "$.steps[1].onRejection", "transitions.rejected");

    [Fact]
    public void An_unknown_onRejection_value_is_refused_at_its_path() =>
        ShouldFailAt(Mutate(CallerJson, r => Step(r, Parallel)["onRejection"] = "countAgainst"), "$.steps[1].onRejection", "wrong type");

    [Fact]
    public void Parallel_transitions_must_name_existing_steps() =>
        ShouldFailAt(Mutate(CallerJson, r => Step(r, Parallel)["transitions"]!["returned"] = "nowhere"), "$.steps[1].transitions.returned", "does not exist");

    [Fact]
    public void The_callee_must_be_published()
    {
        ShouldFailAt(CallerJson, "$.steps[2].definition", "chưa có phiên bản nào", Published());
        ShouldFailAt(Mutate(CallerJson, r => Step(r, SubRoute)["version"] = 3), "$.steps[2].definition", "không có phiên bản 3", Published(Callee));
        WorkflowDefinitionParser.Parse(CallerJson).Problems.Should().BeEmpty("without the published definitions, calls are not checked");
    }

    [Fact]
    public void Every_result_the_callee_can_reach_needs_a_transition() =>
        ShouldFailAt(Mutate(CallerJson, r => Step(r, SubRoute)["transitions"]!.AsObject().Remove("rejected")), "$.steps[2].transitions",
            "kết quả “Rejected” nhưng bước không có chuyển tiếp 'rejected'", Published(Callee));

    [Fact]
    public void A_sub_route_needs_a_transition_and_a_kebab_case_callee()
    {
        ShouldFailAt(Mutate(CallerJson, r => Step(r, SubRoute)["transitions"] = new JsonObject()), "$.steps[2].transitions", "ít nhất một chuyển tiếp");
        ShouldFailAt(Mutate(CallerJson, r => Step(r, SubRoute)["definition"] = "Kiem Tra"), "$.steps[2].definition", "kebab-case");
        ShouldFailAt(Mutate(CallerJson, r => Step(r, SubRoute)["version"] = 0), "$.steps[2].version", "từ 1");
    }

    [Fact]
    public void A_route_cannot_call_itself_directly_or_through_another()
    {
        ShouldFailAt(Mutate(CallerJson, r => Step(r, SubRoute)["definition"] = "khen-thuong-tap-the"), "$.steps[2].definition", "tự gọi");
        // The published callee calls the caller back: a cycle.
        var callingBack = Callee with
        {
            Start = "back",
            Steps = [new SubRouteStep { Key = "back", Definition = "khen-thuong-tap-the", Transitions = new() { Awarded = "passed", Rejected = "failed" } }, .. Callee.Steps],
        };
        ShouldFailAt(CallerJson, "$.steps[2].definition", "khen-thuong-tap-the → kiem-tra-ky-luat → khen-thuong-tap-the", Published(callingBack));
    }

    [Fact]
    public void A_new_callee_version_must_give_only_results_its_published_callers_receive()
    {
        var onlyAwarded = Mutate(CallerJson, r => Step(r, SubRoute)["transitions"]!.AsObject().Remove("rejected"));
        var narrowCaller = WorkflowDefinitionParser.Parse(onlyAwarded).Definition!;
        ShouldFailAt(Mutate(CalleeJson, r => r["version"] = 2), "$.steps[2].result", "Quy trình “khen-thuong-tap-the” phiên bản 1 gọi quy trình này ở bước “discipline-check”",
            Published(narrowCaller, Callee));
        // A caller pinned to another version is not concerned.
        var pinned = narrowCaller with { Steps = [.. narrowCaller.Steps.Select(s => s is SubRouteStep sub ? sub with { Version = 1 } : s)] };
        WorkflowDefinitionParser.Parse(Mutate(CalleeJson, r => r["version"] = 2), Published(pinned, Callee)).Problems.Should().BeEmpty();
    }

    [Fact]
    public void Reachable_results_follow_transitions_only()
    {
        WorkflowDefinitionValidator.ReachableResults(Callee).Should().Equal(EndResult.Awarded, EndResult.Rejected);
        WorkflowDefinitionValidator.ReachableResults(Caller).Should().Equal([EndResult.Awarded, EndResult.Rejected], "the withdrawn end is reached by onWithdraw only");
    }
}
