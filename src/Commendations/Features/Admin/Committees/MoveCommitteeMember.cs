using Commendations.Common.Text;
using Commendations.Audit;
using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Admin.Committees;

/// <summary>
/// An administrator changes the order of committee members: one place up (acting earlier) or down. Sequential reviews
/// that start afterwards follow the new order; tasks already opened keep theirs. Returns the members in their new order.
/// </summary>
[Allowed(Roles.Administrator)]
public sealed record MoveCommitteeMember(Guid CommitteeId, Guid UserId, bool Up) : ICommand<IReadOnlyList<Guid>>;

public sealed class MoveCommitteeMemberHandler(CommendationsDbContext db, AuditTrail audit)
    : IRequestHandler<MoveCommitteeMember, IReadOnlyList<Guid>>
{
    public async Task<IReadOnlyList<Guid>> Handle(MoveCommitteeMember request, CancellationToken cancellationToken)
    {
        var committee = await db.Committees.SingleOrDefaultAsync(c => c.Id == request.CommitteeId, cancellationToken)
                        ?? throw new NotFoundException(Things.Committee);
        if (!committee.IsMember(request.UserId))
            throw new NotFoundException(Things.CommitteeMember);
        if (!committee.MoveMember(request.UserId, request.Up))
            throw new ConflictException("already-at-end", request.Up ? new Message("Thành viên này đã ở đầu danh sách.") : new Message("Thành viên này đã ở cuối danh sách."));
        var order = committee.MembersInOrder();
        await audit.RecordAsync(AdminAccess.CommitteesStream, "committee.member-moved",
            data: new { committee.Id, committee.Code, request.UserId, Direction = request.Up ? "up" : "down", Order = order }, cancellationToken: cancellationToken);
        return order;
    }
}
