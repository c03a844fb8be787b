using System.Text.Json;

namespace Commendations.Engine;

/// <summary>
/// Runs a definition (a draft or any version) in memory with the real runtime and calendar, following a
/// <see cref="SimulationScenario"/>. Nothing is stored; the result shows what people would get and when.
/// </summary>
public static class WorkflowSimulator
{
    /// <param name="unitScopes">Scope name → unit id. A scope the definition uses but this map lacks is simulated with
    /// the scope name as its unit id, so a draft with a new scope can still be tried.</param>
    /// <param name="callees">Definitions its sub-route steps call (the latest published of each); their tasks are acted on like any other.</param>
    public static SimulationResult Run(
        WorkflowDefinition def,
        SimulationScenario scenario,
        WorkingCalendar calendar,
        IReadOnlyDictionary<string, IReadOnlyList<string>> committees,
        IReadOnlyDictionary<string, string> unitScopes,
        CalleeDefinitions? callees = null)
    {
        callees ??= CalleeDefinitions.Empty;
        ArgumentNullException.ThrowIfNull(def);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(committees);
        ArgumentNullException.ThrowIfNull(unitScopes);
        var empty = new InstanceState { DefinitionId = def.Id, DefinitionVersion = def.Version, Status = InstanceStatus.NotStarted };

        // The runtime assumes a valid definition; a draft may not be one.
        if (WorkflowDefinitionValidator.Validate(def) is { Count: > 0 } problems)
        {
            return Refused(empty, SimulationErrors.InvalidDefinition, "Định nghĩa quy trình có {0} lỗi; lỗi đầu tiên ở {1}: {2}", problems.Count, problems[0].Path, problems[0]);
        }
        if (ReadFacts(scenario.Facts, out var facts) is { } factError) return Refused(empty, SimulationErrors.InvalidFact, factError.Template, factError.Args);

        var context = new RuntimeContext
        {
            Now = scenario.Start,
            Facts = facts,
            Calendar = calendar,
            Committees = committees,
            UnitScopes = WithDefaultScopes(def, unitScopes, callees),
            Callees = callees,
        };
        return new SimulationRun(def, scenario, context).Run();
    }

    private static SimulationResult Refused(InstanceState state, string code, string template, params object?[] args) =>
        new([], [], [], state, new SimulationRefusal(null, null, code, template, args));

    private static RuntimeError? ReadFacts(IReadOnlyDictionary<string, JsonElement> values, out NominationFacts facts)
    {
        facts = NominationFacts.Empty;
        foreach (var (name, value) in values)
        {
            if (!FactCatalog.TryGet(name, out var fact)) return new(SimulationErrors.InvalidFact, "Kịch bản nêu thông tin “{0}” mà hồ sơ không có.", name);
            if (fact.Source == FactSource.Route) return new(SimulationErrors.InvalidFact, "“{0}” là dữ liệu quy trình tự ghi nhận (vòng xét, kết quả bỏ phiếu), không phải thông tin của hồ sơ.", name);
            FactValue? typed = (fact.Type, value.ValueKind) switch
            {
                (FactType.String, JsonValueKind.String) when fact.Name == FactCatalog.Eligibility && !fact.AllowedValues!.Contains(value.GetString()!) => null,
                (FactType.String, JsonValueKind.String) => FactValue.Of(value.GetString()!),
                (FactType.Number, JsonValueKind.Number) => FactValue.Of(value.GetDecimal()),
                (FactType.Date, JsonValueKind.String) when ConditionValidator.TryParseDate(value.GetString()!, out var date) => FactValue.Of(date),
                _ => null,
            };
            if (typed is not { } ok)
            {
                return fact.Type == FactType.Date
                    ? new(SimulationErrors.InvalidFact, "Thông tin “{0}” phải là một ngày (yyyy-MM-dd).", name)
                    : new(SimulationErrors.InvalidFact, "Thông tin “{0}” phải có kiểu {1}.", name, fact.Type.ToString().ToLowerInvariant());
            }
            facts = facts.With(name, ok);
        }
        return null;
    }

    private static Dictionary<string, string> WithDefaultScopes(WorkflowDefinition def, IReadOnlyDictionary<string, string> unitScopes, CalleeDefinitions callees)
    {
        var scopes = new Dictionary<string, string>(unitScopes, StringComparer.Ordinal);
        foreach (var d in callees.All.Prepend(def))
        {
            foreach (var human in StepPaths.HumanSteps(d))
            {
                if (human is TaskStep task) scopes.TryAdd(task.Assignee.Scope, task.Assignee.Scope);
                foreach (var level in human.EscalationLevels())
                {
                    if (level.Scope is { } scope) scopes.TryAdd(scope, scope);
                }
            }
        }
        return scopes;
    }
}
