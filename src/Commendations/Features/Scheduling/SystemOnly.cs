using Commendations.Common.Errors;
using Commendations.Common.Security;

namespace Commendations.Features.Scheduling;

internal static class SystemOnly
{
    /// <summary>Scheduler commands are sent by jobs as the system, never by a signed-in user.</summary>
    public static void Demand(ICurrentUser user)
    {
        if (user.UserId != FixedCurrentUser.SystemUserId)
            throw new ForbiddenException("Only the scheduler sends this command.");
    }
}
