using Commendations.Common.Errors;
using Commendations.Common.Security;

namespace Commendations.Features.Admin;

/// <summary>Administration is for administrators only (declared on each request); every change is audited in one stream per area.</summary>
public static class AdminAccess
{
    public const string UnitsStream = "admin:units";
    public const string UsersStream = "admin:users";
    public const string CommitteesStream = "admin:committees";
    public const string CampaignsStream = "admin:campaigns";
    public const string AwardFormsStream = "admin:award-forms";
    public const string CalendarStream = "admin:calendar";
    public const string RepairsStream = "admin:repairs";

}
