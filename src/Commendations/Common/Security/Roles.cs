namespace Commendations.Common.Security;

/// <summary>Role names. The task roles match those named by workflow definitions (task steps' assignee.role).</summary>
public static class Roles
{
    public const string EmulationOfficer = "emulationOfficer";
    public const string CommitteeMember = "committeeMember";
    public const string Appraiser = "appraiser";
    public const string ProvincialLeader = "provincialLeader";
    public const string Administrator = "administrator";

    /// <summary>Thủ trưởng đơn vị: the head of a unit, who signs the unit's submission letters (issue 19).</summary>
    public const string UnitHead = "unitHead";

    /// <summary>The clerk (văn thư): applies the agency's seal signature to a decision the leader has signed.</summary>
    public const string Clerk = "clerk";

    public static readonly IReadOnlyList<string> All = [EmulationOfficer, CommitteeMember, Appraiser, ProvincialLeader, Administrator, UnitHead, Clerk];
}

/// <summary>Claim types added to a signed-in user's principal beyond the standard ones.</summary>
public static class AppClaims
{
    public const string UnitId = "unit_id";
    public const string DisplayName = "display_name";
}
