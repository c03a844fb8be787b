using Commendations.Common.Security;
using Commendations.Common;
using Commendations.Engine;
using MediatR;

namespace Commendations.Features.Definitions;

/// <summary>What changed between two versions: steps added, removed and changed (property from → to), transitions; each described in the reader's language.</summary>
[Allowed(Roles.Administrator)]
public sealed record DiffVersions(string DefinitionId, int From, int To) : IQuery<IReadOnlyList<DefinitionChange>>;

public sealed class DiffVersionsHandler(DefinitionAdmin admin) : IRequestHandler<DiffVersions, IReadOnlyList<DefinitionChange>>
{
    public async Task<IReadOnlyList<DefinitionChange>> Handle(DiffVersions request, CancellationToken cancellationToken)
    {
        var before = DefinitionAdmin.ReadForComparison(await admin.VersionAsync(request.DefinitionId, request.From, cancellationToken));
        var after = DefinitionAdmin.ReadForComparison(await admin.VersionAsync(request.DefinitionId, request.To, cancellationToken));
        return Describe(before, after);
    }

    /// <summary>The changes from <paramref name="before"/> to <paramref name="after"/>, each a sentence in the reader's language.</summary>
    public static IReadOnlyList<DefinitionChange> Describe(WorkflowDefinition before, WorkflowDefinition after)
    {
        // Steps, outcomes and types by their titles and names in the reader's language, never their keys.
        var scope = new Workflow.EngineMessages.Scope([after, before]);
        return [.. DefinitionDiff.Compare(before, after)
            .Select(c => c with { Description = Workflow.EngineMessages.WithoutLookup(c.Template, c.Args, scope).Format() })];
    }
}
