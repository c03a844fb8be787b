using System.Text.Json;
using System.Text.Json.Nodes;
using Commendations.Engine.Tests.Support;

namespace Commendations.Engine.Tests;

/// <summary>
/// The E2 constructs as documents: every validation problem at its JSON path, old documents unchanged, the simulator, the
/// diff and the migration of route data.
/// </summary>
public class TimeAndRouteDataDefinitionTests
{
    private static readonly string RouteJson = File.ReadAllText(Path.Combine(Repo.Scenarios, "definitions", "e2-route.v1.json"));

    private static string Mutate(Action<JsonObject> change)
    {
        var root = JsonNode.Parse(RouteJson)!.AsObject();
        change(root);
        return root.ToJsonString();
    }

    private static JsonObject Step(JsonObject root, string key) =>
        root["steps"]!.AsArray().Single(s => (string?)s!["key"] == key)!.AsObject();

    private static void ShouldFailAt(string json, string path, string fragment)
    {
        var result = WorkflowDefinitionParser.Parse(json);
        result.Definition.Should().BeNull();
        // The fragment may be from the Vietnamese sentence or from its English translation.
        result.Problems.Should().Contain(p => p.Path == path && (p.Message.Contains(fragment, StringComparison.OrdinalIgnoreCase)
                                                                 || p.English().Contains(fragment, StringComparison.OrdinalIgnoreCase)),
            $"problems were: {string.Join(" | ", result.Problems)}");
    }

    [Fact]
    public void The_route_is_valid_and_its_canonical_form_reads_back_equal()
    {
        var parsed = WorkflowDefinitionParser.Parse(RouteJson);
        parsed.Problems.Should().BeEmpty();
        var again = WorkflowDefinitionParser.Parse(WorkflowDefinitionSerializer.Serialize(parsed.Definition!));
        again.Problems.Should().BeEmpty();
        WorkflowDefinitionSerializer.Serialize(again.Definition!).Should().Be(WorkflowDefinitionSerializer.Serialize(parsed.Definition!));
    }

    [Theory]
    [InlineData("bang-khen-chuyen-de.v1.json", "01ff0bf89b1e4f4d4633ac916b04d3f276b4838bf946b31c0730fda9eeaf6cf9")]
    [InlineData("csdt-tinh.v1.json", "cfed5ba8066424a969af380346947902e5e83235c953fbdbb38c3757fe6b0644")]
    public void Shipped_documents_keep_their_content_hash(string file, string hashBeforeTheseConstructs)
    {
        // Published versions are immutable and the importer compares hashes: optional properties a document does not use
        // (escalation chains, outputs, re-entry deadlines, secret votes…) are omitted, so adding them to the language
        // never changes the hash of a stored document. The hashes are those of the shipped files with meanings and titles.
        var definition = Repo.LoadDefinition(Path.Combine(Repo.Workflows, file));
        WorkflowDefinitionSerializer.ContentHash(definition).Should().Be(hashBeforeTheseConstructs);
    }

    [Fact]
    public void Escalation_chain_problems_are_reported_at_their_paths()
    {
        ShouldFailAt(Mutate(r => Step(r, "appraisal")["escalation"] = JsonNode.Parse("""{ "notifyRole": "x" }""")),
            "$.steps[2].escalations", "escalation (một cấp) hoặc escalations");
        ShouldFailAt(Mutate(r => Step(r, "appraisal")["escalations"] = new JsonArray()), "$.steps[2].escalations", "không được rỗng");
        ShouldFailAt(Mutate(r => Step(r, "appraisal")["escalations"]![1]!["afterWorkingDays"] = -1),
            "$.steps[2].escalations[1].afterWorkingDays", "không được âm");
        ShouldFailAt(Mutate(r => Step(r, "appraisal")["escalations"]![0]!["beforeWorkingDays"] = 0),
            "$.steps[2].escalations[0].beforeWorkingDays", "từ 1 trở lên");
        ShouldFailAt(Mutate(r => Step(r, "appraisal")["escalations"]![1]!["beforeWorkingDays"] = 1),
            "$.steps[2].escalations[1]", "một mốc");
        ShouldFailAt(Mutate(r => Step(r, "appraisal")["escalations"]![2]!["afterWorkingDays"] = 2),
            "$.steps[2].escalations[2]", "xếp theo thời gian");
        ShouldFailAt(Mutate(r => Step(r, "appraisal")["escalations"]![1]!["action"] = "forward"),
            "$.steps[2].escalations[1]", "đúng một trong hai");
        ShouldFailAt(Mutate(r =>
        {
            var levels = Step(r, "appraisal")["escalations"]!.AsArray();
            levels[1] = JsonNode.Parse("""{ "afterWorkingDays": 2, "action": "confirm" }""");
        }), "$.steps[2].escalations[1]", "cấp cuối cùng");
        ShouldFailAt(Mutate(r => Step(r, "appraisal")["escalations"]![3]!["action"] = "approve"),
            "$.steps[2].escalations[3].action", "không có hành động 'approve'");
        ShouldFailAt(Mutate(r => Step(r, "appraisal")["escalations"]![3]!["action"] = "forward"),
            "$.steps[2].escalations[3].action", "hệ thống không thể tự thực hiện");
        ShouldFailAt(Mutate(r => Step(r, "appraisal")["escalations"]![3]!["scope"] = "province"),
            "$.steps[2].escalations[3].scope", "chỉ dùng với notifyRole");
        ShouldFailAt(Mutate(r => Step(r, "appraisal")["escalations"]![0]!["level"] = 1), "$.steps[2].escalations[0].level", "Unknown property 'level'");
    }

    [Fact]
    public void A_single_escalation_may_now_say_when()
    {
        var json = Mutate(r =>
        {
            var step = Step(r, "appraisal");
            step.Remove("escalations");
            step["escalation"] = JsonNode.Parse("""{ "afterWorkingDays": 2, "notifyRole": "committeeChair" }""");
        });
        var parsed = WorkflowDefinitionParser.Parse(json);
        parsed.Problems.Should().BeEmpty();
        var state = TimeAndRouteDataTests.AtAppraisalOf(parsed.Definition!);
        EffectText.Time(state.OpenTasks.Single().Escalations!.Single().At).Should().Be("2027-03-12 17:00");
    }

    [Fact]
    public void Reminder_and_deadline_problems_are_reported_at_their_paths()
    {
        ShouldFailAt(Mutate(r => Step(r, "unit-proposal")["reminders"]![1]!["workingDaysAfter"] = 0),
            "$.steps[0].reminders[1].workingDaysAfter", "từ 1 ngày làm việc");
        ShouldFailAt(Mutate(r => Step(r, "unit-proposal")["reminders"]![1]!["workingDaysBefore"] = 1),
            "$.steps[0].reminders[1]", "đúng một trong hai");
        ShouldFailAt(Mutate(r => Step(r, "unit-proposal")["reminders"]![0] = new JsonObject()), "$.steps[0].reminders[0]", "đúng một trong hai");
        ShouldFailAt(Mutate(r => Step(r, "decision")["deadline"]!["onReentry"] = JsonNode.Parse("""{ "workingDays": 3 }""")),
            "$.steps[6].deadline.onReentry", "không thể được vào lại");
        ShouldFailAt(Mutate(r => Step(r, "unit-proposal")["deadline"]!["onReentry"] = JsonNode.Parse("""{ "workingDays": 3, "calendarDays": 2 }""")),
            "$.steps[0].deadline.onReentry", "đúng một trong");
        ShouldFailAt(Mutate(r => Step(r, "unit-proposal")["deadline"]!["onReentry"] = JsonNode.Parse("""{ "workingDays": 3, "onReentry": { "workingDays": 1 } }""")),
            "$.steps[0].deadline.onReentry.onReentry", "không lồng");
        ShouldFailAt(Mutate(r => Step(r, "unit-proposal")["deadline"]!["onReentry"] = JsonNode.Parse("""{ "campaignDate": "round" }""")),
            "$.steps[0].deadline.onReentry.campaignDate", "không phải là một ngày");
        ShouldFailAt(Mutate(r => Step(r, "appraisal")["deadline"]!["whenPast"] = "refuse"), "$.steps[2].deadline.whenPast", "campaignDate");
        ShouldFailAt(Mutate(r => Step(r, "unit-proposal")["deadline"]!["whenPast"] = "later"), "$.steps[0].deadline.whenPast", "wrong type or is not allowed");
        WorkflowDefinitionParser.Parse(Mutate(r => Step(r, "unit-proposal")["deadline"]!["whenPast"] = "refuse")).Problems.Should().BeEmpty();
    }

    [Fact]
    public void Output_problems_are_reported_at_their_paths()
    {
        ShouldFailAt(Mutate(r => Step(r, "appraisal")["actions"]![1]!["outputs"]!["finding"] = "maybe"),
            "$.steps[2].actions[1].outputs.finding", "không hợp với output 'finding'");
        ShouldFailAt(Mutate(r => Step(r, "appraisal")["actions"]![1]!["outputs"]!["score"] = 3),
            "$.steps[2].actions[1].outputs.score", "không khai báo output 'score'");
        ShouldFailAt(Mutate(r => Step(r, "appraisal")["actions"]![0]!["asks"] = new JsonArray("score")),
            "$.steps[2].actions[0].asks[0]", "không khai báo output 'score'");
        ShouldFailAt(Mutate(r => Step(r, "appraisal")["actions"]![1]!["asks"] = new JsonArray("finding")),
            "$.steps[2].actions[1].asks[0]", "giá trị cố định");
        ShouldFailAt(Mutate(r => Step(r, "appraisal")["outputs"]!.AsArray().Add(JsonNode.Parse("""{ "name": "finding", "type": "number" }"""))),
            "$.steps[2].outputs[1].name", "hai lần");
        ShouldFailAt(Mutate(r => Step(r, "appraisal")["outputs"]![0]!["name"] = "Finding-1"), "$.steps[2].outputs[0].name", "chữ thường");
        ShouldFailAt(Mutate(r => Step(r, "appraisal")["outputs"]![0]!["type"] = "number"), "$.steps[2].outputs[0].options", "kiểu chuỗi");
        ShouldFailAt(Mutate(r => Step(r, "appraisal")["outputs"]![0]!.AsObject().Remove("options")), "$.steps[2].actions[0].asks[0]", "không có danh sách lựa chọn");
    }

    [Fact]
    public void Conditions_on_route_data_are_checked_for_names_types_and_being_recorded_on_every_path()
    {
        ShouldFailAt(Mutate(r => Step(r, "by-finding")["conditions"]![0]!["when"]!["output"] = "appraisal.score"),
            "$.steps[3].conditions[0].when.output", "không khai báo output 'score'");
        ShouldFailAt(Mutate(r => Step(r, "by-finding")["conditions"]![0]!["when"]!["output"] = "decision.finding"),
            "$.steps[3].conditions[0].when.output", "không khai báo output");
        ShouldFailAt(Mutate(r => Step(r, "by-finding")["conditions"]![0]!["when"]!["output"] = "finding"),
            "$.steps[3].conditions[0].when.output", "không đúng dạng");
        ShouldFailAt(Mutate(r => Step(r, "by-finding")["conditions"]![0]!["when"]!["value"] = "maybe"),
            "$.steps[3].conditions[0].when.value", "is not a value of 'appraisal.finding'");
        ShouldFailAt(Mutate(r => Step(r, "by-finding")["conditions"]![0]!["when"]!["op"] = "gt"),
            "$.steps[3].conditions[0].when.op", "only eq, ne and in");
        ShouldFailAt(Mutate(r => Step(r, "by-tally")["conditions"]![0]!["when"]!["all"]![0]!["value"] = "yes"),
            "$.steps[5].conditions[0].when.all[0].value", "true hoặc false");
        ShouldFailAt(Mutate(r => Step(r, "by-eligibility")["conditions"]![0]!["when"]!["value"] = "ok"),
            "$.steps[1].conditions[0].when.value", "expected one of passed, failed, needsChecking");
        ShouldFailAt(Mutate(r => Step(r, "by-eligibility")["conditions"]![1]!["when"]!["default"] = "x"),
            "$.steps[1].conditions[1].when.default", "must be a number");

        // An action that records no finding: a branch reached through it cannot rely on one.
        var returnToBranch = Mutate(r => Step(r, "appraisal")["actions"]!.AsArray().Add(JsonNode.Parse("""{ "name": "skip", "target": "by-finding" }""")));
        ShouldFailAt(returnToBranch, "$.steps[3].conditions[0].when.output", "không được ghi trên mọi đường đi");
        // … unless the comparison says what to assume.
        var withDefault = JsonNode.Parse(returnToBranch)!.AsObject();
        foreach (var c in Step(withDefault, "by-finding")["conditions"]!.AsArray()) c!["when"]!["default"] = "eligible";
        var ok = WorkflowDefinitionParser.Parse(withDefault.ToJsonString());
        ok.Problems.Should().BeEmpty();

        // The last vote is read where no vote step need have run.
        ShouldFailAt(Mutate(r => Step(r, "by-eligibility")["conditions"]![1]!["when"] = JsonNode.Parse("""{ "fact": "lastVote.yes", "op": "gte", "value": 1 }""")),
            "$.steps[1].conditions[1].when.fact", "bước biểu quyết");
    }

    private static readonly Dictionary<string, IReadOnlyList<string>> Committees = new() { ["hdtdkt"] = ["c1", "c2", "c3", "c4"] };
    private static readonly Dictionary<string, string> Scopes = new() { ["nominating"] = "u-nom", ["appraisal"] = "u-app", ["province"] = "u-prov" };

    [Fact]
    public void The_simulator_shows_the_levels_lets_them_pass_records_outputs_and_counts_a_secret_vote()
    {
        var scenario = SimulationScenario.FromJson("""
        { "start": "2027-03-01T09:00:00+07:00",
          "facts": { "kind": "collective", "awardForm": "bang-khen-tinh", "dossierClose": "2027-03-10", "eligibility": "passed" },
          "actions": [
            { "action": "submit", "at": "2027-03-02T10:00:00+07:00" },
            { "action": "escalate" }, { "action": "letDeadlinePass" }, { "action": "escalate" },
            { "action": "forward", "outputs": { "finding": "needsCouncil" } },
            { "action": "vote", "votes": { "yes": 3, "abstain": 1 } },
            { "action": "award" } ] }
        """);
        var result = WorkflowSimulator.Run(TimeAndRouteDataTests.Route, scenario, new WorkingCalendar(holidays: [new DateOnly(2027, 3, 4)]), Committees, Scopes);

        result.Refusal.Should().BeNull();
        result.Result.Should().Be(EndResult.Awarded);
        var appraisal = result.Tasks.Single(t => t.StepKey == "appraisal");
        appraisal.EscalationTimes!.Select(e => EffectText.Time(e.At)).Should().Equal("2027-03-09 17:00", "2027-03-12 17:00", "2027-03-17 17:00", "2027-03-19 17:00");
        appraisal.Escalated.Select(e => $"{e.Level} {EffectText.Time(e.At)}").Should().Equal("0 2027-03-09 17:00", "1 2027-03-12 17:00");
        appraisal.Overdue.Should().BeTrue();
        result.FinalState.Outputs!["appraisal.finding"].GetString().Should().Be("needsCouncil");
        result.FinalState.LastVote.Should().BeEquivalentTo(new { Yes = 3, Abstain = 1, Outcome = "passed" });
        result.Tasks.Where(t => t.StepKey == "council").Should().OnlyContain(t => t.Outcome == "voted");

        var refused = WorkflowSimulator.Run(TimeAndRouteDataTests.Route, scenario with
        {
            Facts = new Dictionary<string, JsonElement>(scenario.Facts) { ["round"] = JsonSerializer.SerializeToElement(2) },
        }, WorkingCalendar.Vietnam, Committees, Scopes);
        refused.Refusal!.Code.Should().Be(SimulationErrors.InvalidFact);
    }

    [Fact]
    public void The_diff_names_levels_reentry_outputs_and_secrecy()
    {
        var before = WorkflowDefinitionParser.Parse(RouteJson).Definition!;
        var after = WorkflowDefinitionParser.Parse(Mutate(r =>
        {
            r["version"] = 2;
            Step(r, "appraisal")["escalations"]![2]!["afterWorkingDays"] = 6;
            Step(r, "unit-proposal")["deadline"]!["onReentry"]!["workingDays"] = 7;
            Step(r, "appraisal")["outputs"]![0]!["options"]!.AsArray().Add("partly");
            Step(r, "council")["secret"] = false;
        })).Definition!;

        DefinitionDiff.Compare(before, after).Select(c => c.ToString()).Should().Equal(
            "unit-proposal.deadline.onReentry.workingDays: 5 → 7",
            "appraisal.outputs[finding].options: [eligible, needsCouncil, ineligible] → [eligible, needsCouncil, ineligible, partly]",
            "appraisal.escalations[2].afterWorkingDays: 5 → 6",
            "council.secret: true → (none)");
    }

    [Fact]
    public void Migration_carries_outputs_to_the_mapped_step_and_refuses_a_branch_ahead_that_lacks_its_data()
    {
        var v1 = TimeAndRouteDataTests.Route;
        // v2 renames the appraisal step; the finding recorded as appraisal.finding must follow it.
        var v2 = WorkflowDefinitionParser.Parse(Mutate(r =>
        {
            r["version"] = 2;
            Step(r, "appraisal")["key"] = "appraisal-office";
            Step(r, "by-finding")["conditions"]![0]!["when"]!["output"] = "appraisal-office.finding";
            Step(r, "by-finding")["conditions"]![1]!["when"]!["output"] = "appraisal-office.finding";
            Step(r, "by-eligibility")["default"] = "appraisal-office";
        })).Definition!;
        v2.Should().NotBeNull();

        var atDecision = TimeAndRouteDataTests.Confirmed();
        var ctx = TimeAndRouteDataTests.Ctx(TimeAndRouteDataTests.Vn(3, 5, 9));
        var mapping = new Dictionary<string, string> { ["appraisal"] = "appraisal-office" };
        var moved = InstanceMigrator.Apply(v1, v2, atDecision, mapping, ctx, "admin");
        moved.Problems.Should().BeEmpty();
        moved.State.Outputs!.Keys.Should().Equal("appraisal-office.finding");

        // An instance still at the unit's step has no finding yet: mapping it straight onto the branch is refused,
        // mapping it to a step before the appraisal is fine (the appraisal records the finding on every path).
        var atUnit = WorkflowRuntime.Start(v1, TimeAndRouteDataTests.Ctx(TimeAndRouteDataTests.Vn(3, 1, 9))).State;
        var plan = InstanceMigrator.Plan(v1, v2, atUnit, new Dictionary<string, string> { ["unit-proposal"] = "by-finding" }, ctx);
        plan.Problems.Should().ContainSingle().Which.Should().Match<MigrationProblem>(p =>
            p.Code == MigrationProblems.MissingRouteData && p.StepKey == "by-finding" && p.Message.Contains("“finding” của bước “appraisal-office”"));
        InstanceMigrator.Plan(v1, v2, atUnit, null, ctx).Problems.Should().BeEmpty();
    }
}

public class WorkflowReadmeTests
{
    [Fact]
    public void The_example_of_the_format_documentation_is_a_valid_definition()
    {
        var readme = File.ReadAllText(Path.Combine(Repo.Workflows, "README.md"));
        var start = readme.IndexOf("```json", readme.IndexOf("## Example", StringComparison.Ordinal), StringComparison.Ordinal) + "```json".Length;
        var json = readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)];
        WorkflowDefinitionParser.Parse(json).Problems.Should().BeEmpty();
    }
}
