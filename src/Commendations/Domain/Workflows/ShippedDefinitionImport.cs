namespace Commendations.Domain.Workflows;

/// <summary>What became of a shipped file's content: published into an empty database, offered as a draft, or already present.</summary>
public enum ShippedImportOutcome
{
    Published,
    Offered,
    AlreadyPresent,
}

/// <summary>
/// The memory of shipped files (id, file version, content hash): each content is seeded or offered once, so a draft an
/// administrator deleted or published under another number is not offered again at the next start.
/// </summary>
public class ShippedDefinitionImport
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public string DefinitionId { get; private set; } = "";
    public int ShippedVersion { get; private set; }
    public string ContentHash { get; private set; } = "";
    public string FileName { get; private set; } = "";
    public ShippedImportOutcome Outcome { get; private set; }

    /// <summary>The version it is stored under (its own number, or the next free one when offered).</summary>
    public int StoredVersion { get; private set; }
    public DateTimeOffset At { get; private set; }

    private ShippedDefinitionImport() { }

    public ShippedDefinitionImport(string definitionId, int shippedVersion, string contentHash, string fileName, ShippedImportOutcome outcome,
        int storedVersion, DateTimeOffset at)
    {
        DefinitionId = definitionId;
        ShippedVersion = shippedVersion;
        ContentHash = contentHash;
        FileName = fileName;
        Outcome = outcome;
        StoredVersion = storedVersion;
        At = at;
    }
}
