using Commendations.Common.Text;
using Commendations.Audit;
using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Admin.Committees;

/// <summary>An administrator removes a member; those ranked below move up one place.</summary>
[Allowed(Roles.Administrator)]
public sealed record RemoveCommitteeMember(Guid CommitteeId, Guid UserId) : ICommand<bool>;

public sealed class RemoveCommitteeMemberHandler(CommendationsDbContext db, AuditTrail audit) : IRequestHandler<RemoveCommitteeMember, bool>
{
    public async Task<bool> Handle(RemoveCommitteeMember request, CancellationToken cancellationToken)
    {
        var committee = await db.Committees.SingleOrDefaultAsync(c => c.Id == request.CommitteeId, cancellationToken)
                        ?? throw new NotFoundException(Things.Committee);
        if (!committee.IsMember(request.UserId))
            throw new NotFoundException(Things.CommitteeMember);
        committee.RemoveMember(request.UserId);
        await audit.RecordAsync(AdminAccess.CommitteesStream, "committee.member-removed",
            data: new { committee.Id, committee.Code, request.UserId, Order = committee.MembersInOrder() }, cancellationToken: cancellationToken);
        return true;
    }
}
