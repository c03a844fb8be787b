using System.Globalization;

namespace Commendations.Engine;

/// <summary>What an <see cref="Named"/> argument of an engine sentence refers to.</summary>
public enum NameKind
{
    /// <summary>A step, by its key (nested keys included): the application names it by its title.</summary>
    Step,

    /// <summary>An action of a step (<see cref="Named.StepKey"/>), by its name: named by its label.</summary>
    Action,

    /// <summary>A user, by id: named by their display name.</summary>
    User,

    /// <summary>A role, by its code.</summary>
    Role,

    /// <summary>A committee, by its code: named by the committee's name.</summary>
    Committee,

    /// <summary>A unit, by id: named by the unit's name.</summary>
    Unit,

    /// <summary>A unit scope of a definition (<c>appraisal</c>, <c>nominating</c>…).</summary>
    Scope,

    /// <summary>A workflow definition, by id: named by its name.</summary>
    Definition,

    /// <summary>An output a step records (or one of its options), in code form.</summary>
    Output,

    /// <summary>How an instance ended (<see cref="EndResult"/>), by name.</summary>
    Result,

    /// <summary>An outcome of a step (<see cref="Named.StepKey"/>): an action's name or a transition (<c>approved</c>, <c>passed</c>, <c>default</c>…).</summary>
    Outcome,

    /// <summary>A step type in its JSON form (<c>task</c>, <c>vote</c>…).</summary>
    StepType,

    /// <summary>A Vietnamese text of the engine (a template without arguments) the application translates.</summary>
    Text,
}

/// <summary>
/// An argument of an engine sentence that refers to something people know by name. The engine is pure and knows only
/// keys and ids; the application replaces each by its name in the reader's language (a step's title, a person's
/// display name) before anyone reads the sentence — a key or an id never reaches a person.
/// <see cref="ToString"/> is the raw key, for logs and the engine's own tests.
/// </summary>
public sealed record Named(NameKind Kind, string Value, string? StepKey = null)
{
    public static Named Step(string key) => new(NameKind.Step, key);
    public static Named Action(string? stepKey, string action) => new(NameKind.Action, action, stepKey);
    public static Named User(string? userId) => new(NameKind.User, userId ?? "");
    public static Named Role(string? role) => new(NameKind.Role, role ?? "");
    public static Named Committee(string? code) => new(NameKind.Committee, code ?? "");
    public static Named Unit(string? unitId) => new(NameKind.Unit, unitId ?? "");
    public static Named Scope(string? scope) => new(NameKind.Scope, scope ?? "");
    public static Named Definition(string id) => new(NameKind.Definition, id);
    public static Named Output(string name) => new(NameKind.Output, name);
    public static Named Result(EndResult? result) => new(NameKind.Result, result?.ToString() ?? "");
    public static Named Outcome(string stepKey, string outcome) => new(NameKind.Outcome, outcome, stepKey);
    public static Named StepType(string type) => new(NameKind.StepType, type);
    public static Named Text(string vietnamese) => new(NameKind.Text, vietnamese);

    public override string ToString() => Value;
}

/// <summary>
/// The engine writes every sentence for a person as a Vietnamese template with arguments (composite format), like
/// <see cref="ValidationProblem"/>: runtime refusals, simulation refusals, migration problems, diff descriptions.
/// The application translates the template through its catalog and names the <see cref="Named"/> arguments.
/// </summary>
public static class EngineText
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>The sentence in Vietnamese, references written as their keys.</summary>
    public static string Format(string template, IReadOnlyList<object?> args) =>
        args.Count == 0 ? template : string.Format(Vietnamese, template, [.. args.Select(a => a switch { ValidationProblem p => p.Message, RuntimeError e => e.Message, _ => a })]);

    /// <summary>An instant as people read it in the calendar's time zone: 17:00 10/03/2027.</summary>
    public static string Time(DateTimeOffset instant, TimeSpan offset) =>
        instant.ToOffset(offset).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>A list of items, written "a, b, c" (each item a value or a <see cref="Named"/>).</summary>
    public static NamedList List(IEnumerable<object?> items) => new([.. items]);
}

/// <summary>Several values or names in one argument; the application names each.</summary>
public sealed record NamedList(IReadOnlyList<object?> Items)
{
    public override string ToString() => string.Join(", ", Items);
}
