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
                        ?? throw new NotFoundException("Committee", request.CommitteeId);
        var roleHolders = from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id
                          where r.Name == Roles.CommitteeMember select ur.UserId;
        if (!await db.Users.AnyAsync(u => u.Id == request.UserId, cancellationToken))
            throw new InputException("userId", "This account does not exist.");
        if (!await roleHolders.AnyAsync(id => id == request.UserId, cancellationToken))
            throw new InputException("userId", "Only accounts with the committee member role can sit on a committee.");
        if (committee.IsMember(request.UserId))
            throw new InputException("userId", "This person is already a member of the committee.");
        committee.AddMember(request.UserId, request.Position.Trim(), request.IsChair, request.IsSecretary);
        var rank = committee.Members.Count;
        await audit.RecordAsync(AdminAccess.CommitteesStream, "committee.member-added",
            data: new { committee.Id, committee.Code, request.UserId, Rank = rank, request.Position }, cancellationToken: cancellationToken);
        return rank;
    }
}
