using System.Globalization;
using Commendations.Common.Security;
using Commendations.Common.Text;
using Commendations.Engine;
using Commendations.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Workflow;

/// <summary>
/// The engine's sentences (runtime refusals, simulation refusals, migration problems, diff descriptions) as messages a
/// person reads: the Vietnamese template is translated through the catalog, and every <see cref="Named"/> argument —
/// a step key, a user or unit id, a committee code — is replaced by its name in the reader's language: the step's title
/// (<see cref="DefinitionSemantics"/>), the person's display name, the unit's and committee's names. No key or id is
/// left in what a person reads.
/// </summary>
public sealed class EngineMessages(CommendationsDbContext db)
{
    /// <summary>The definitions whose steps the sentence names (the first that has a key names it), and their callees.</summary>
    public sealed record Scope(IReadOnlyList<WorkflowDefinition> Definitions, CalleeDefinitions? Callees = null)
    {
        public static Scope Of(WorkflowDefinition? definition, CalleeDefinitions? callees = null) =>
            new(definition is null ? [] : [definition], callees);
    }

    public Task<Message> OfAsync(RuntimeError error, Scope scope, CancellationToken cancellationToken) =>
        OfAsync(error.Template, error.Args, scope, cancellationToken);

    public async Task<Message> OfAsync(string template, IReadOnlyList<object?> args, Scope scope, CancellationToken cancellationToken)
    {
        var names = await LookUpAsync(args, cancellationToken);
        return Build(template, args, scope, names);
    }

    /// <summary>Several sentences at once (one lookup for all their names), in the order given.</summary>
    public async Task<IReadOnlyList<Message>> OfAllAsync(IReadOnlyList<(string Template, object?[] Args)> sentences, Scope scope, CancellationToken cancellationToken)
    {
        var names = await LookUpAsync(sentences.SelectMany(s => s.Args).ToList(), cancellationToken);
        return sentences.Select(s => Build(s.Template, s.Args, scope, names)).ToList();
    }

    /// <summary>A sentence naming only steps, actions and engine words (no database lookup): diff descriptions.</summary>
    public static Message WithoutLookup(string template, IReadOnlyList<object?> args, Scope scope) =>
        Build(template, args, scope, Lookup.Empty);

    private static Message Build(string template, IReadOnlyList<object?> args, Scope scope, Lookup names) =>
        new(template, [.. args.Select(a => Name(a, scope, names))]);

    private static object? Name(object? argument, Scope scope, Lookup names) => argument switch
    {
        Named named => Name(named, scope, names),
        NamedList list => Message.List(list.Items.Select(i => Name(i, scope, names))),
        RuntimeError error => Build(error.Template, error.Args, scope, names),
        ValidationProblem problem => Build(problem.Template, problem.Args, scope, names),
        _ => argument,
    };

    private static object Name(Named named, Scope scope, Lookup names) => named.Kind switch
    {
        NameKind.Step => Message.Name(c => StepName(scope, named.Value, c)),
        NameKind.Action => Message.Name(c => DefinitionSemantics.ActionName(Defining(scope, named.StepKey), named.StepKey, named.Value, c)),
        NameKind.Outcome => OutcomeName(scope, named.StepKey, named.Value),
        NameKind.User => names.Users.TryGetValue(named.Value, out var user) ? user : new Message("người được giao"),
        NameKind.Unit => names.Units.TryGetValue(named.Value, out var unit) ? unit : new Message("đơn vị được giao"),
        NameKind.Committee => names.Committees.TryGetValue(named.Value, out var committee) ? committee : new Message("Hội đồng / Ban được giao"),
        NameKind.Definition => names.Definitions.TryGetValue(named.Value, out var definition) ? definition
            : scope.Definitions.FirstOrDefault(d => d.Id == named.Value)?.Name ?? named.Value,
        NameKind.Role => RoleNames.Of(named.Value),
        NameKind.Output => Names.Output(named.Value),
        NameKind.Result => Names.Result(named.Value),
        NameKind.StepType => Names.StepType(named.Value),
        NameKind.Text => new Message(named.Value),
        _ => named.Value,
    };

    /// <summary>The step's title in the first definition that has it (nested keys through callees), else the generic name.</summary>
    private static string StepName(Scope scope, string key, CultureInfo culture)
    {
        var definition = Defining(scope, key);
        return DefinitionSemantics.StepName(definition, key, culture, scope.Callees);
    }

    private static WorkflowDefinition? Defining(Scope scope, string? key) =>
        key is null ? scope.Definitions.FirstOrDefault()
            : scope.Definitions.FirstOrDefault(d => StepPaths.Resolve(d, key, null, scope.Callees) is not null) ?? scope.Definitions.FirstOrDefault();

    private static object OutcomeName(Scope scope, string? stepKey, string outcome) => outcome switch
    {
        Outcomes.Approved => new Message("Đồng ý"),
        Outcomes.Returned => new Message("Trả lại, yêu cầu bổ sung"),
        Outcomes.Rejected => new Message("Không đồng ý"),
        Outcomes.Passed => new Message("Thông qua"),
        Outcomes.Failed => new Message("Không thông qua"),
        Outcomes.NoQuorum => new Message("Không đủ tỷ lệ tham dự"),
        "next" or "elapsed" => new Message("Tiếp theo"),
        "default" => new Message("Các trường hợp còn lại"),
        Outcomes.Awarded => new Message("Đã khen thưởng"),
        Outcomes.Withdrawn => new Message("Đã rút"),
        _ when outcome.StartsWith("conditions[", StringComparison.Ordinal)
               && int.TryParse(outcome.AsSpan(11, outcome.Length - 12), NumberStyles.None, CultureInfo.InvariantCulture, out var i)
            => new Message("Điều kiện {0}", i + 1),
        _ => Message.Name(c => DefinitionSemantics.ActionName(Defining(scope, stepKey), stepKey, outcome, c)),
    };

    private sealed record Lookup(
        IReadOnlyDictionary<string, string> Users, IReadOnlyDictionary<string, string> Units,
        IReadOnlyDictionary<string, string> Committees, IReadOnlyDictionary<string, string> Definitions)
    {
        public static readonly Lookup Empty = new(new Dictionary<string, string>(), new Dictionary<string, string>(),
            new Dictionary<string, string>(), new Dictionary<string, string>());
    }

    private async Task<Lookup> LookUpAsync(IReadOnlyList<object?> args, CancellationToken cancellationToken)
    {
        var refs = Flatten(args).ToList();
        if (refs.Count == 0)
            return Lookup.Empty;
        List<Guid> Ids(NameKind kind) => [.. refs.Where(r => r.Kind == kind).Select(r => Guid.TryParse(r.Value, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).Distinct()];
        List<string> Codes(NameKind kind) => [.. refs.Where(r => r.Kind == kind).Select(r => r.Value).Distinct()];

        var userIds = Ids(NameKind.User);
        var unitIds = Ids(NameKind.Unit);
        var committeeCodes = Codes(NameKind.Committee);
        var definitionIds = Codes(NameKind.Definition);
        var users = userIds.Count == 0 ? [] : await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id.ToString(), u => u.DisplayName, cancellationToken);
        var units = unitIds.Count == 0 ? [] : await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id.ToString(), u => u.Name, cancellationToken);
        var committees = committeeCodes.Count == 0 ? [] : await db.Committees.AsNoTracking().Where(c => committeeCodes.Contains(c.Code))
            .ToDictionaryAsync(c => c.Code, c => c.Name, cancellationToken);
        var definitions = new Dictionary<string, string>(StringComparer.Ordinal);
        if (definitionIds.Count > 0)
        {
            foreach (var d in await db.WorkflowDefinitions.AsNoTracking().Where(d => definitionIds.Contains(d.DefinitionId))
                         .OrderBy(d => d.Version).Select(d => new { d.DefinitionId, d.Name }).ToListAsync(cancellationToken))
                definitions[d.DefinitionId] = d.Name;
        }
        return new Lookup(users, units, committees, definitions);
    }

    private static IEnumerable<Named> Flatten(IEnumerable<object?> args)
    {
        foreach (var arg in args)
        {
            switch (arg)
            {
                case Named named:
                    yield return named;
                    break;
                case NamedList list:
                    foreach (var inner in Flatten(list.Items)) yield return inner;
                    break;
                case RuntimeError error:
                    foreach (var inner in Flatten(error.Args)) yield return inner;
                    break;
            }
        }
    }
}
