using Commendations.Common.Security;
using Microsoft.AspNetCore.Authorization;

namespace Commendations.Web.Auth;

/// <summary>Named authorisation policies, one per role: <c>.RequireAuthorization(Policies.ProvincialLeader)</c>.</summary>
public static class Policies
{
    public const string EmulationOfficer = "role:" + Roles.EmulationOfficer;
    public const string CommitteeMember = "role:" + Roles.CommitteeMember;
    public const string Appraiser = "role:" + Roles.Appraiser;
    public const string ProvincialLeader = "role:" + Roles.ProvincialLeader;
    public const string Administrator = "role:" + Roles.Administrator;
    public const string UnitHead = "role:" + Roles.UnitHead;
    public const string Clerk = "role:" + Roles.Clerk;

    public static readonly IReadOnlyDictionary<string, string> RoleOf = new Dictionary<string, string>
    {
        [EmulationOfficer] = Roles.EmulationOfficer,
        [CommitteeMember] = Roles.CommitteeMember,
        [Appraiser] = Roles.Appraiser,
        [ProvincialLeader] = Roles.ProvincialLeader,
        [Administrator] = Roles.Administrator,
        [UnitHead] = Roles.UnitHead,
        [Clerk] = Roles.Clerk,
    };

    internal static AuthorizationBuilder AddRolePolicies(this AuthorizationBuilder builder)
    {
        foreach (var (policy, role) in RoleOf)
            builder.AddPolicy(policy, p => p.RequireAuthenticatedUser().RequireRole(role));
        return builder;
    }
}
