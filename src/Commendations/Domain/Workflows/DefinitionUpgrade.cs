namespace Commendations.Domain.Workflows;

/// <summary>
/// A stored version rewritten by an upgrade at start-up (today: meanings and display names added to versions written
/// before meanings existed). Each version is upgraded at most once; the row says what changed and proves it by hashes.
/// </summary>
public class DefinitionUpgrade
{
    public const string LegacyMeanings = "legacy-meanings";

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid RecordId { get; private set; }
    public string DefinitionId { get; private set; } = "";
    public int Version { get; private set; }
    public string Kind { get; private set; } = "";

    /// <summary><c>annotated</c>, <c>nothing-to-annotate</c> or <c>skipped</c> (the annotated version would not validate).</summary>
    public string Outcome { get; private set; } = "";
    public string FromHash { get; private set; } = "";
    public string ToHash { get; private set; } = "";

    /// <summary>What was added, one line each (JSON array), or why nothing was.</summary>
    public string Changes { get; private set; } = "[]";
    public DateTimeOffset At { get; private set; }

    private DefinitionUpgrade() { }

    public DefinitionUpgrade(WorkflowDefinitionRecord record, string kind, string outcome, string fromHash, string toHash, string changes, DateTimeOffset at)
    {
        RecordId = record.Id;
        DefinitionId = record.DefinitionId;
        Version = record.Version;
        Kind = kind;
        Outcome = outcome;
        FromHash = fromHash;
        ToHash = toHash;
        Changes = changes;
        At = at;
    }
}
