using System.Text.Json;
using System.Text.Json.Nodes;
using Commendations.Engine.Tests.Support;

namespace Commendations.Engine.Tests;

/// <summary>
/// The designer builds its step panel from <see cref="StepTypeCatalogue"/>: what it offers must be exactly what the
/// parser and the validator accept. Each test generates a step of every type from the catalogue alone and parses it.
/// </summary>
public class StepTypeCatalogueTests
{
    private const string Target = "done";
    private const string Before = "before";

    public static TheoryData<string> Types() => [.. StepDefinition.TypeNames];

    [Fact]
    public void The_catalogue_lists_every_step_type_the_parser_reads()
    {
        StepTypeCatalogue.All.Select(t => t.Key).Should().BeEquivalentTo(StepDefinition.TypeNames);
    }

    [Theory, MemberData(nameof(Types))]
    public void A_step_with_every_listed_property_parses_and_keeps_each_property(string type)
    {
        var info = StepTypeCatalogue.Find(type)!;
        var step = Generate(info);

        var result = Parse(step);

        result.Problems.Select(p => $"{p.Path}: {p.Message}").Should().BeEmpty();
        var written = JsonNode.Parse(JsonSerializer.Serialize(result.Definition!.Steps[1], WorkflowJson.Options))!.AsObject();
        foreach (var property in Generic(info))
        {
            Get(written, property.Path).Should().NotBeNull($"{type}.{property.Path} is offered by the catalogue and must survive parsing");
        }
        foreach (var outcome in info.Outcomes)
        {
            written["transitions"]![outcome.Name].Should().NotBeNull($"{type} routes {outcome.Name}");
        }
    }

    [Theory, MemberData(nameof(Types))]
    public void A_step_without_a_required_property_is_refused_and_without_an_optional_one_is_accepted(string type)
    {
        var info = StepTypeCatalogue.Find(type)!;
        foreach (var property in Generic(info).Where(p => p.Path != "key"))
        {
            var step = Generate(info);
            Remove(step, property.Path);
            var problems = Parse(step).Problems;
            if (property.Required) problems.Should().NotBeEmpty($"{type}.{property.Path} is listed as required");
            else problems.Should().BeEmpty($"{type}.{property.Path} is listed as optional");
        }
    }

    [Theory, MemberData(nameof(Types))]
    public void Every_listed_enum_value_is_accepted_and_any_other_value_refused(string type)
    {
        foreach (var property in Generic(StepTypeCatalogue.Find(type)!).Where(p => p.Kind == StepPropertyKind.Enum))
        {
            property.Values.Should().NotBeEmpty();
            foreach (var value in property.Values!)
            {
                var step = Generate(StepTypeCatalogue.Find(type)!);
                step[property.Path] = value.Value;
                Parse(step).Problems.Should().BeEmpty($"{type}.{property.Path} offers {value.Value}");
                EnglishCatalog.All.Should().ContainKey(value.Name, "each value's name is shown in English too");
            }
            var wrong = Generate(StepTypeCatalogue.Find(type)!);
            wrong[property.Path] = "not-a-value";
            Parse(wrong).Problems.Should().NotBeEmpty();
        }
    }

    [Theory, MemberData(nameof(Types))]
    public void Numbers_are_refused_outside_the_listed_range_and_accepted_at_its_bounds(string type)
    {
        var info = StepTypeCatalogue.Find(type)!;
        foreach (var property in info.Properties.Where(p => p.Kind == StepPropertyKind.Number))
        {
            property.Min.Should().NotBeNull();
            var below = property.MinExclusive ? property.Min!.Value : property.Min!.Value - 1;
            Parse(With(info, property.Path, below)).Problems.Should().NotBeEmpty($"{type}.{property.Path} below its minimum");
            if (!property.MinExclusive) Parse(With(info, property.Path, property.Min.Value)).Problems.Should().BeEmpty();
            if (property.Max is { } max)
            {
                Parse(With(info, property.Path, max)).Problems.Should().BeEmpty();
                Parse(With(info, property.Path, max + 0.5m)).Problems.Should().NotBeEmpty($"{type}.{property.Path} above its maximum");
            }
        }
    }

    [Theory, MemberData(nameof(Types))]
    public void A_meaning_is_accepted_exactly_when_the_catalogue_offers_it_for_the_type(string type)
    {
        var info = StepTypeCatalogue.Find(type)!;
        foreach (var meaning in Enum.GetValues<StepMeaning>())
        {
            var step = Generate(info);
            step["meaning"] = StepTypeCatalogue.MeaningValue(meaning);
            var problems = Parse(step).Problems.Where(p => p.Path == "$.steps[1].meaning" && MeaningPlacement.Contains(p.Template));
            if (info.Meanings.Contains(meaning)) problems.Should().BeEmpty($"{type} offers {meaning}");
            else problems.Should().NotBeEmpty($"{type} does not offer {meaning}");
        }
    }

    [Theory, MemberData(nameof(Types))]
    public void A_step_without_a_required_outcome_is_refused(string type)
    {
        var info = StepTypeCatalogue.Find(type)!;
        foreach (var outcome in info.Outcomes)
        {
            var step = Generate(info);
            step["transitions"]!.AsObject().Remove(outcome.Name);
            var problems = Parse(step).Problems;
            if (outcome.Required) problems.Should().NotBeEmpty($"{type} must wire {outcome.Name}");
            else problems.Should().BeEmpty($"{type} need not wire {outcome.Name}");
        }
        if (info.AnyOutcome)
        {
            var none = Generate(info);
            none["transitions"] = new JsonObject();
            Parse(none).Problems.Should().NotBeEmpty($"{type} must wire at least one outcome");
        }
    }

    [Fact]
    public void Every_name_and_description_of_the_catalogue_has_its_english()
    {
        var texts = StepTypeCatalogue.All.SelectMany(t => new[] { t.Name, t.Description }
            .Concat(t.Properties.Select(p => p.Name)).Concat(t.Outcomes.Select(o => o.DisplayName))
            .Concat(t.Meanings.Select(StepTypeCatalogue.MeaningDisplayName)))
            .Concat(StepTypeCatalogue.ActionMeanings.Select(m => m.Name));
        texts.Where(t => !EnglishCatalog.All.ContainsKey(t)).Distinct().Should().BeEmpty();
    }

    private static readonly string[] MeaningPlacement =
    [
        "Bước đề nghị của đơn vị (proposal) phải là một công việc (task).",
        "Bước quyết định (decision) phải là một công việc (task).",
        "Bước chuyển lên cấp trên (forwarding) phải là một công việc (task).",
        "Ý nghĩa công khai (disclosure) chỉ dùng cho bước chờ (wait).",
        "Ý nghĩa '{0}' chỉ dùng cho bước có người xử lý (công việc, duyệt, bỏ phiếu, nhánh song song, quy trình con).",
    ];

    /// <summary>
    /// The properties any step of the type may carry; those only a step of one meaning declares (a decision step's
    /// signing) are tested with a decision in <see cref="Signing_is_offered_only_on_the_decision_step_and_parses_there"/>.
    /// </summary>
    private static IEnumerable<StepPropertyInfo> Generic(StepTypeInfo info) => info.Properties.Where(p => p.OnlyForMeaning is null);

    [Fact]
    public void Signing_is_offered_only_on_the_decision_step_and_parses_there()
    {
        var task = StepTypeCatalogue.Find("task")!;
        var signing = task.Properties.Where(p => p.OnlyForMeaning is not null).ToList();
        signing.Select(p => p.Path).Should().Equal("signing.leader", "signing.seal.role", "signing.seal.scope");
        signing.Should().OnlyContain(p => p.OnlyForMeaning == StepMeaning.Decision && !p.Required);
        signing[0].Values!.Select(v => v.Value).Should().Equal("required", "optional", "none");

        var decision = new JsonObject
        {
            ["type"] = "task", ["key"] = "generated", ["meaning"] = "decision",
            ["assignee"] = new JsonObject { ["role"] = "provincialLeader", ["scope"] = "province" },
            ["actions"] = new JsonArray(new JsonObject { ["name"] = "award", ["meaning"] = "award", ["target"] = "awarded" }),
            ["deadline"] = new JsonObject { ["workingDays"] = 5 },
        };
        foreach (var property in signing)
            Set(decision, property.Path, property.Kind == StepPropertyKind.Enum ? property.Values![0].Value : property.Kind == StepPropertyKind.Role ? "clerk" : "province");
        var root = new JsonObject
        {
            ["id"] = "generated-route", ["version"] = 1, ["name"] = "Generated",
            ["appliesTo"] = new JsonObject { ["nomineeKinds"] = new JsonArray("individual"), ["awardForms"] = new JsonArray("bang-khen") },
            ["start"] = "generated",
            ["steps"] = new JsonArray(decision, new JsonObject { ["type"] = "end", ["key"] = "awarded", ["result"] = "Awarded" }),
        };
        var parsed = WorkflowDefinitionParser.Parse(root.ToJsonString());
        parsed.Problems.Select(p => $"{p.Path}: {p.Message}").Should().BeEmpty();
        var step = (TaskStep)parsed.Definition!.Steps[0];
        step.Signing.Should().BeEquivalentTo(new SigningRequirement { Leader = SignatureNeed.Required, Seal = new SealRequirement { Role = "clerk", Scope = "province" } });
    }

    /// <summary>A step of the type with every listed property set to a value of its kind and every outcome wired.</summary>
    private static JsonObject Generate(StepTypeInfo info)
    {
        var step = new JsonObject { ["type"] = info.Key };
        foreach (var property in Generic(info))
        {
            Set(step, property.Path, Sample(info, property));
        }
        if (info.Outcomes.Count > 0)
        {
            step["transitions"] = new JsonObject(info.Outcomes.Select(o => KeyValuePair.Create(o.Name, (JsonNode?)Target)));
        }
        return step;
    }

    private static JsonNode Sample(StepTypeInfo info, StepPropertyInfo property) => property.Kind switch
    {
        StepPropertyKind.Text => property.Path == "key" ? "generated" : "text",
        StepPropertyKind.LocalizedText => new JsonObject { ["vi"] = "Tên", ["en"] = "Name" },
        StepPropertyKind.Number => property.Max is { } max ? JsonValue.Create(max / 2) : JsonValue.Create(property.Min ?? 1),
        StepPropertyKind.Duration => new JsonObject { ["workingDays"] = 5 },
        StepPropertyKind.Boolean => true,
        StepPropertyKind.StepTarget => Target,
        StepPropertyKind.Enum => property.Values![0].Value,
        StepPropertyKind.Committee => "council",
        StepPropertyKind.Role => "appraiser",
        StepPropertyKind.Scope => "appraisal",
        StepPropertyKind.Definition => "called-route",
        // A meaning the type may carry that needs no other step (the proposal must be the start, the decision award).
        StepPropertyKind.Meaning => StepTypeCatalogue.MeaningValue(info.Meanings.FirstOrDefault(m => m is not (StepMeaning.Proposal or StepMeaning.Decision), StepMeaning.Review)),
        StepPropertyKind.List => property.Path switch
        {
            "actions" => new JsonArray(new JsonObject { ["name"] = "agree", ["target"] = Target }),
            "conditions" => new JsonArray(new JsonObject { ["when"] = new JsonObject { ["fact"] = "kind", ["op"] = "eq", ["value"] = "collective" }, ["target"] = Target }),
            "branches" => new JsonArray(Branch("first"), Branch("second")),
            "reminders" => new JsonArray(new JsonObject { ["workingDaysBefore"] = 1 }),
            "escalation" => new JsonObject { ["notifyRole"] = "appraiser" },
            _ => throw new InvalidOperationException($"No sample for the list {property.Path}."),
        },
        _ => throw new InvalidOperationException($"No sample for {property.Kind}."),
    };

    private static JsonObject Branch(string key) => new()
    {
        ["key"] = key,
        ["assignee"] = new JsonObject { ["role"] = "appraiser", ["scope"] = "appraisal" },
        ["deadline"] = new JsonObject { ["workingDays"] = 5 },
    };

    private static JsonObject With(StepTypeInfo info, string path, decimal value)
    {
        var step = Generate(info);
        Set(step, path, JsonValue.Create(value));
        return step;
    }

    /// <summary>
    /// A definition whose start is a task that sends the dossier to the step or ends it; the step's outcomes go to the
    /// end, its return back to the start.
    /// </summary>
    private static DefinitionParseResult Parse(JsonObject step)
    {
        step = step.DeepClone().AsObject();
        if (step["transitions"]?["returned"] is not null) step["transitions"]!["returned"] = Before;
        var before = new JsonObject
        {
            ["type"] = "task", ["key"] = Before,
            ["assignee"] = new JsonObject { ["role"] = "appraiser", ["scope"] = "appraisal" },
            ["actions"] = new JsonArray(
                new JsonObject { ["name"] = "send", ["target"] = step["key"]?.DeepClone() ?? "missing" },
                new JsonObject { ["name"] = "close", ["target"] = Target }),
            ["deadline"] = new JsonObject { ["workingDays"] = 5 },
        };
        var definition = new JsonObject
        {
            ["id"] = "catalogue-test",
            ["version"] = 1,
            ["name"] = "Catalogue",
            ["appliesTo"] = new JsonObject { ["nomineeKinds"] = new JsonArray("collective"), ["awardForms"] = new JsonArray("bang-khen-tinh") },
            ["start"] = Before,
            ["steps"] = new JsonArray(before, step, new JsonObject { ["type"] = "end", ["key"] = Target, ["result"] = "Rejected" }),
        };
        return WorkflowDefinitionParser.Parse(definition.ToJsonString());
    }

    private static void Set(JsonObject target, string path, JsonNode value)
    {
        var parts = path.Split('.');
        for (var i = 0; i < parts.Length - 1; i++)
        {
            target = (target[parts[i]] ??= new JsonObject()).AsObject();
        }
        target[parts[^1]] = value;
    }

    private static JsonNode? Get(JsonObject source, string path)
    {
        JsonNode? node = source;
        foreach (var part in path.Split('.')) node = node?[part];
        return node;
    }

    private static void Remove(JsonObject target, string path)
    {
        var parts = path.Split('.');
        for (var i = 0; i < parts.Length - 1; i++) target = target[parts[i]]!.AsObject();
        target.Remove(parts[^1]);
    }
}
