using Commendations.Common.Text;
using Commendations.Features.Nominations;
using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Domain.Disclosure;
using Commendations.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Disclosure;

/// <summary>The comments received on a nomination, for committee members, appraisers, the leader and administrators.</summary>
[Allowed(Roles.CommitteeMember, Roles.Appraiser, Roles.ProvincialLeader, Roles.Administrator)]
public sealed record ListDisclosureComments(Guid NominationId) : IQuery<IReadOnlyList<DisclosureCommentView>>, INominationRequest;

public sealed record DisclosureCommentView(Guid Id, Guid NominationId, string? AuthorName, string? Contact, string Text, CommentKind Kind,
    DateTimeOffset ReceivedAt, string? Handling, DateTimeOffset? HandledAt, bool OpenComplaint);

public sealed class ListDisclosureCommentsHandler(CommendationsDbContext db)
    : IRequestHandler<ListDisclosureComments, IReadOnlyList<DisclosureCommentView>>
{
    public async Task<IReadOnlyList<DisclosureCommentView>> Handle(ListDisclosureComments request, CancellationToken cancellationToken)
    {
        if (!await db.Nominations.AnyAsync(n => n.Id == request.NominationId, cancellationToken))
            throw new NotFoundException(Things.Nomination);
        var comments = await db.DisclosureComments.AsNoTracking().Where(c => c.NominationId == request.NominationId)
            .OrderBy(c => c.ReceivedAt).ToListAsync(cancellationToken);
        return comments.Select(c => new DisclosureCommentView(c.Id, c.NominationId, c.AuthorName, c.Contact, c.Text, c.Kind, c.ReceivedAt,
            c.Handling, c.HandledAt, c.IsOpenComplaint)).ToList();
    }
}
