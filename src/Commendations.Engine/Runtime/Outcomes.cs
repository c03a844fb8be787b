namespace Commendations.Engine;

/// <summary>
/// The engine's own outcome vocabulary — how a step ended, whatever the definition calls its steps: an approval approved,
/// returned or rejected; a vote passed, failed or without quorum; a called route's result; a task closed by a withdrawal,
/// a leave, a move or a migration. Callers name these constants, never the strings, so a string in application code that
/// equals a step key of some definition is always a mistake (NoStepKeysInCodeTests).
/// </summary>
public static class Outcomes
{
    public const string Approved = "approved";
    public const string Returned = "returned";
    public const string Rejected = "rejected";
    public const string Passed = "passed";
    public const string Failed = "failed";
    public const string NoQuorum = "noQuorum";

    /// <summary>A called route's results, as the calling step's transitions name them.</summary>
    public const string Awarded = "awarded";

    public const string Withdrawn = "withdrawn";

    /// <summary>A task closed because its step was left otherwise (another branch decided, the vote was counted).</summary>
    public const string Cancelled = "cancelled";
}
