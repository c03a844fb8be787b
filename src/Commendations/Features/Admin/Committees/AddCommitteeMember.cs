using Commendations.Common.Text;
using Commendations.Audit;
using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Admin.Committees;

/// <summary>
/// An administrator adds a committee member (an account with the committee-member role) at the end of the rank order.
/// Tasks already opened keep their assignee; the new order applies to reviews that start afterwards.
/// </summary>
[Allowed(Roles.Administrator)]
public sealed record AddCommitteeMember(Guid CommitteeId, Guid UserId, string Position, bool IsChair = false, bool IsSecretary = false) : ICommand<int>;

public sealed class AddCommitteeMemberValidator : AbstractValidator<AddCommitteeMember>
{
    public AddCommitteeMemberValidator()
    {
        RuleFor(c => c.UserId).NotEmpty();
        RuleFor(c => c.Position).NotEmpty().MaximumLength(200);
    }
}

public sealed class AddCommitteeMemberHandler(CommendationsDbContext db, AuditTrail audit) : IRequestHandler<AddCommitteeMember, int>
{
    public async Task<int> Handle(AddCommitteeMember request, CancellationToken cancellationToken)
    {
        var committee = await db.Committees.SingleOrDefaultAsync(c => c.Id == request.CommitteeId, cancellationToken)
                        ?? throw new NotFoundException(Things.Committee);
        var roleHolders = from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id
                          where r.Name == Roles.CommitteeMember select ur.UserId;
        if (!await db.Users.AnyAsync(u => u.Id == request.UserId, cancellationToken))
            throw new InputException("userId", new Message("Tài khoản này không tồn tại."));
        if (!await roleHolders.AnyAsync(id => id == request.UserId, cancellationToken))
            throw new InputException("userId", new Message("Chỉ tài khoản có vai trò thành viên Ban Chỉ đạo / Hội đồng mới tham gia Hội đồng / Ban."));
        if (committee.IsMember(request.UserId))
            throw new InputException("userId", new Message("Người này đã là thành viên của Hội đồng / Ban."));
        committee.AddMember(request.UserId, request.Position.Trim(), request.IsChair, request.IsSecretary);
        var rank = committee.Members.Count;
        await audit.RecordAsync(AdminAccess.CommitteesStream, "committee.member-added",
            data: new { committee.Id, committee.Code, request.UserId, Rank = rank, request.Position }, cancellationToken: cancellationToken);
        return rank;
    }
}
