using Commendations.Audit;
using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Domain.Users;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace Commendations.Features.Admin.Users;

/// <summary>
/// An administrator locks (disables) an account — it can no longer sign in, and its open sessions end at once — or unlocks
/// it. Nobody can lock their own account. Failed sign-ins never lock an account (they are throttled per client address).
/// </summary>
[Allowed(Roles.Administrator)]
public sealed record SetUserLock(Guid UserId, bool Locked) : ICommand<bool>;

public sealed class SetUserLockHandler(UserManager<AppUser> users, ICurrentUser user, AuditTrail audit, Incidents.IncidentDetector incidents)
    : IRequestHandler<SetUserLock, bool>
{
    public async Task<bool> Handle(SetUserLock request, CancellationToken cancellationToken)
    {
        if (request.Locked && request.UserId == user.UserId)
            throw new ConflictException("self-lockout", "You cannot lock your own account.");
        var account = await UserRules.FindAsync(users, request.UserId);
        if (request.Locked)
        {
            UserRules.ThrowIfFailed(await users.SetLockoutEnabledAsync(account, true));
            UserRules.ThrowIfFailed(await users.SetLockoutEndDateAsync(account, DateTimeOffset.MaxValue));
            // SetLockoutEndDateAsync leaves the security stamp as it is; a new stamp is what ends the account's open
            // sessions (cookies and bearer tokens) on every node at the next request.
            UserRules.ThrowIfFailed(await users.UpdateSecurityStampAsync(account));
        }
        else
        {
            UserRules.ThrowIfFailed(await users.SetLockoutEndDateAsync(account, null));
            UserRules.ThrowIfFailed(await users.ResetAccessFailedCountAsync(account));
        }
        await audit.RecordAsync(AdminAccess.UsersStream, request.Locked ? "user.locked" : "user.unlocked",
            data: new { account.Id, account.UserName }, cancellationToken: cancellationToken);
        // A locked account's open tasks are stuck from this moment: the incident list says so now, not at the next sweep
        // (and unlocking resolves them as soon).
        await incidents.SweepAsync(cancellationToken);
        return true;
    }
}
