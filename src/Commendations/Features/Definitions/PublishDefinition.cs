using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Domain.Workflows;
using Commendations.Engine;
using MediatR;
using Microsoft.Extensions.Options;
using Commendations.Common.Text;

namespace Commendations.Features.Definitions;

/// <summary>
/// Publishes a draft whole, only if it validates: nominations started afterwards use it; running ones stay on their
/// version. With four eyes on, the first call records the request and a different administrator's call publishes.
/// </summary>
[Allowed(Roles.Administrator)]
public sealed record PublishDefinition(string DefinitionId, int Version) : ICommand<PublicationOutcome>;

public sealed record PublicationOutcome(DefinitionStatus Status, bool AwaitingSecondApproval, string? RequestedBy, string? PublishedBy);

public sealed class PublishDefinitionHandler(DefinitionAdmin admin, ICurrentUser user, TimeProvider clock, IOptions<Commendations.Workflow.WorkflowOptions> options)
    : IRequestHandler<PublishDefinition, PublicationOutcome>
{
    public async Task<PublicationOutcome> Handle(PublishDefinition request, CancellationToken cancellationToken)
    {
        var record = await admin.VersionAsync(request.DefinitionId, request.Version, cancellationToken);
        if (record.Status != DefinitionStatus.Draft)
            throw new ConflictException("not-a-draft", new Message("Phiên bản {0} đã ở trạng thái “{1}”.", record.Version, Names.DefinitionStatus(record.Status)));
        var validation = await admin.ValidateAsync(record.Content, cancellationToken);
        if (!validation.IsValid)
            throw validation.Refusal();
        if (validation.Definition!.Version != record.Version || validation.Definition.Id != record.DefinitionId)
            throw new InputException("content", new Message("Mã và số phiên bản trong tệp phải trùng với bản nháp."));

        var now = clock.GetUtcNow();
        if (options.Value.RequireSecondApproval)
        {
            if (record.PublicationRequestedById is null)
            {
                record.RequestPublication(user.UserId, user.DisplayName, now);
                await admin.AuditAsync(record.DefinitionId, "definition.publication-requested", null, new { version = record.Version, hash = record.ContentHash }, cancellationToken);
                return new PublicationOutcome(record.Status, true, user.DisplayName, null);
            }
            if (record.PublicationRequestedById == user.UserId)
                throw new ConflictException("four-eyes", new Message("{0} đã đề nghị ban hành phiên bản này; cần một quản trị viên khác phê duyệt.", record.PublicationRequestedBy));
        }
        // The stored document becomes the canonical form of what validated: published versions are immutable from here.
        record.ReviseDraftForPublication(WorkflowDefinitionSerializer.Serialize(validation.Definition), WorkflowDefinitionSerializer.ContentHash(validation.Definition));
        record.Publish(user.DisplayName, now);
        await admin.AuditAsync(record.DefinitionId, "definition.published", null,
            new { version = record.Version, hash = record.ContentHash, requestedBy = record.PublicationRequestedBy }, cancellationToken);
        return new PublicationOutcome(record.Status, false, record.PublicationRequestedBy, record.PublishedBy);
    }
}
