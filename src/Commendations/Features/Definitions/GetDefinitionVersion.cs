using Commendations.Common.Security;
using Commendations.Common;
using Commendations.Common.Text;
using Commendations.Domain.Workflows;
using Commendations.Engine;
using MediatR;

namespace Commendations.Features.Definitions;

/// <summary>One version's document, its status, and its validation problems (empty when it could be published).</summary>
[Allowed(Roles.Administrator)]
public sealed record GetDefinitionVersion(string DefinitionId, int Version) : IQuery<DefinitionVersionView>;

public sealed record DefinitionVersionView(
    string DefinitionId, int Version, DefinitionStatus Status, string Content, string ContentHash, uint RowVersion,
    bool AwaitingApproval, string? PublicationRequestedBy, IReadOnlyList<DefinitionProblem> Problems)
{
    /// <summary>Where the version comes from: an administrator or a shipped file (and that file's version number).</summary>
    public DefinitionOrigin Origin { get; init; }

    public int? ShippedVersion { get; init; }

    /// <summary>Published, but a newer version is published too (see <see cref="ListDefinitionsHandler.IsSuperseded"/>).</summary>
    public bool Superseded { get; init; }

    /// <summary>The status in the reader's language.</summary>
    public string StatusName { get; init; } = "";
}

public sealed class GetDefinitionVersionHandler(DefinitionAdmin admin) : IRequestHandler<GetDefinitionVersion, DefinitionVersionView>
{
    public async Task<DefinitionVersionView> Handle(GetDefinitionVersion request, CancellationToken cancellationToken)
    {
        var record = await admin.VersionAsync(request.DefinitionId, request.Version, cancellationToken);
        var validation = await admin.ValidateAsync(record.Content, cancellationToken);
        var superseded = ListDefinitionsHandler.IsSuperseded(record, await admin.LatestPublishedAsync(record.DefinitionId, cancellationToken));
        return new DefinitionVersionView(record.DefinitionId, record.Version, record.Status, record.Content, record.ContentHash,
            record.RowVersion, record.IsAwaitingApproval, record.PublicationRequestedBy,
            validation.Sentences())
        {
            Origin = record.Origin,
            ShippedVersion = record.ShippedVersion,
            Superseded = superseded,
            StatusName = Names.DefinitionStatus(record.Status, superseded).Format(),
        };
    }
}
