namespace Commendations.Engine;

/// <summary>One problem of a definition: a JSON path such as <c>$.steps[2].transitions.approved</c> and a sentence.</summary>
public sealed record ValidationProblem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>What validation may know beyond the document: committee sizes by committee code.</summary>
public sealed record ValidationContext
{
    /// <summary>Committee code → number of members. When null, committee sizes are not checked.</summary>
    public IReadOnlyDictionary<string, int>? CommitteeSizes { get; init; }

    /// <summary>
    /// The published definitions (latest version of each id, and other published versions), for sub-route steps: the
    /// callee exists, calls make no cycle, every result a callee can reach has a transition — and, when the definition
    /// validated is itself called, every caller can receive each of its results. When null, calls are not checked.
    /// </summary>
    public CalleeDefinitions? PublishedDefinitions { get; init; }
}

/// <summary>The result of <see cref="WorkflowDefinitionParser.Parse"/>: a definition only when there is no problem.</summary>
public sealed record DefinitionParseResult(WorkflowDefinition? Definition, IReadOnlyList<ValidationProblem> Problems)
{
    public bool IsValid => Definition is not null && Problems.Count == 0;
}
