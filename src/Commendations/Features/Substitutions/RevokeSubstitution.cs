using Commendations.Audit;
using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Common.Text;
using Commendations.Domain.Notifications;
using Commendations.Persistence;
using Commendations.Scheduling;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Substitutions;

/// <summary>
/// Ends a substitution now (back early, or the wrong person named): by the principal, whoever set it, or an administrator.
/// To anyone else it does not exist. The record stays, revoked, so the history still says who covered whom.
/// </summary>
[Allowed(Audience.SignedIn)]
public sealed record RevokeSubstitution(Guid Id) : ICommand<SubstitutionView>;

public sealed class RevokeSubstitutionHandler(CommendationsDbContext db, Substitutes substitutes, ICurrentUser user, AuditTrail audit, Notifier notifier,
    TimeProvider clock) : IRequestHandler<RevokeSubstitution, SubstitutionView>
{
    public async Task<SubstitutionView> Handle(RevokeSubstitution request, CancellationToken cancellationToken)
    {
        var substitution = await db.Substitutions.SingleOrDefaultAsync(s => s.Id == request.Id, cancellationToken);
        if (substitution is null || !(user.IsInRole(Roles.Administrator) || substitution.PrincipalUserId == user.UserId || substitution.CreatedBy == user.UserId))
            throw new NotFoundException(Things.Substitution);
        var today = substitutes.Today;
        var status = SubstitutionView.StatusOf(substitution, today);
        if (status is SubstitutionStatus.Revoked or SubstitutionStatus.Ended)
            throw new ConflictException("substitution-over", new Message("Việc thay thế này đã kết thúc hoặc đã được thu hồi."));
        substitution.Revoke(user.UserId, clock.GetUtcNow());
        await audit.RecordAsync(SubstitutionWriter.Stream, SubstitutionWriter.RevokedEvent, null, null,
            new { substitution.Id, principal = substitution.PrincipalUserId, substitute = substitution.SubstituteUserId }, cancellationToken);
        var names = await db.Users.AsNoTracking().Where(u => u.Id == substitution.PrincipalUserId || u.Id == substitution.SubstituteUserId)
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var principalName = names[substitution.PrincipalUserId];
        var substituteName = names[substitution.SubstituteUserId];
        await notifier.NotifyAsync([substitution.PrincipalUserId, substitution.SubstituteUserId], new NotificationDraft(NotificationKinds.SubstitutionRevoked,
            new Message("Thu hồi việc thay thế: {0} thay mặt {1}", substituteName, principalName),
            new Message("Việc {0} xử lý thay mặt {1} (từ ngày {2} đến ngày {3}) đã được thu hồi; các việc của {1} trở lại với chính người đó.",
                substituteName, principalName, substitution.From, substitution.To), null, $"substitution-revoked:{substitution.Id:N}", PageLinks.MySubstitutes),
            cancellationToken);
        return SubstitutionView.Of(substitution, principalName, substituteName, today);
    }
}
