using System.Text.Json;
using Commendations.Common.Errors;
using Commendations.Common.Text;
using Commendations.Engine;
using Commendations.Workflow;

namespace Commendations.Features.Definitions;

/// <summary>
/// A document's validation as a person reads it. The engine names steps in its problems as <see cref="Named"/> step
/// references; here they become the step's title in the reader's language (or its generic name by meaning or type),
/// read from the document itself and from the published routes it calls or that call it. A key is shown only where it
/// is the subject — a code that names no step — and the sentence says so.
/// </summary>
public sealed record DefinitionValidation(DefinitionParseResult Result, EngineMessages.Scope Names)
{
    public WorkflowDefinition? Definition => Result.Definition;

    public IReadOnlyList<ValidationProblem> Problems => Result.Problems;

    public bool IsValid => Result.IsValid;

    /// <summary>Validates <paramref name="content"/> and keeps what its problems' step references are named from.</summary>
    public static DefinitionValidation Of(string content, ValidationContext? context = null) =>
        Of(WorkflowDefinitionParser.Parse(content, context), content, context);

    public static DefinitionValidation Of(DefinitionParseResult result, string content, ValidationContext? context)
    {
        var document = result.Definition ?? ReadShape(content);
        IEnumerable<WorkflowDefinition> others = context?.PublishedDefinitions?.All ?? [];
        // The document first: its own keys name its own steps; a published caller's step is found in that caller.
        return new(result, new EngineMessages.Scope([.. document is null ? others : others.Prepend(document)], context?.PublishedDefinitions));
    }

    /// <summary>One problem as a sentence in the reader's language.</summary>
    public Message MessageOf(ValidationProblem problem) => EngineMessages.WithoutLookup(problem.Template, problem.Args, Names);

    /// <summary>Every problem at its JSON path, formatted in the current culture.</summary>
    public IReadOnlyList<DefinitionProblem> Sentences() =>
        [.. Problems.Select(p => new DefinitionProblem(p.Path, MessageOf(p).Format()))];

    /// <summary>The problems as field errors by JSON path (400), each sentence in the reader's language.</summary>
    public InputException Refusal() =>
        new(Problems.GroupBy(p => p.Path).ToDictionary(g => g.Key, g => g.Select(MessageOf).ToArray()));

    /// <summary>A document with problems does not parse strictly; its steps and titles usually still read.</summary>
    private static WorkflowDefinition? ReadShape(string content)
    {
        try
        {
            return JsonSerializer.Deserialize<WorkflowDefinition>(content, WorkflowJson.Options);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }
}
