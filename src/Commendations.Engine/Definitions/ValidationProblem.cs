using System.Globalization;

namespace Commendations.Engine;

/// <summary>
/// One problem of a definition: a JSON path such as <c>$.steps[2].transitions.approved</c> and a sentence. The engine
/// is pure, so the sentence is a Vietnamese <see cref="Template"/> with <see cref="Args"/> (composite format); the
/// application translates the template (its English is in the application's message catalog). <see cref="Message"/>
/// is the Vietnamese sentence.
/// </summary>
public sealed record ValidationProblem(string Path, string Template, params object?[] Args)
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>The formatted Vietnamese sentence.</summary>
    public string Message => Args.Length == 0 ? Template : string.Format(Vietnamese, Template, Args);

    public override string ToString() => $"{Path}: {Message}";

    public bool Equals(ValidationProblem? other) =>
        other is not null && Path == other.Path && Template == other.Template && Args.SequenceEqual(other.Args);

    public override int GetHashCode() => HashCode.Combine(Path, Template);
}

/// <summary>The result of <see cref="WorkflowDefinitionParser.Parse"/>: a definition only when there is no problem.</summary>
public sealed record DefinitionParseResult(WorkflowDefinition? Definition, IReadOnlyList<ValidationProblem> Problems)
{
    public bool IsValid => Definition is not null && Problems.Count == 0;
}
