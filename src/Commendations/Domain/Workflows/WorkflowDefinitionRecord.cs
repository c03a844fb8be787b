namespace Commendations.Domain.Workflows;

public enum DefinitionStatus
{
    Draft,
    Published,
    Retired,
}

/// <summary>A stored version of a workflow definition. Published versions are immutable; instances pin the version they started on.</summary>
public class WorkflowDefinitionRecord
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public string DefinitionId { get; private set; } = "";
    public int Version { get; private set; }
    public string Name { get; private set; } = "";
    public DefinitionStatus Status { get; private set; }

    /// <summary>The definition document (canonical JSON), stored as jsonb.</summary>
    public string Content { get; private set; } = "";
    public string ContentHash { get; private set; } = "";
    public string Author { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public string? PublishedBy { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    public uint RowVersion { get; private set; }

    private WorkflowDefinitionRecord() { }

    public WorkflowDefinitionRecord(string definitionId, int version, string name, string content, string contentHash,
        string author, DateTimeOffset now)
    {
        DefinitionId = definitionId;
        Version = version;
        Name = name;
        Content = content;
        ContentHash = contentHash;
        Author = author;
        CreatedAt = now;
        Status = DefinitionStatus.Draft;
    }

    public void Publish(string publishedBy, DateTimeOffset now)
    {
        if (Status != DefinitionStatus.Draft)
            throw new InvalidOperationException($"Only a draft can be published; {DefinitionId} v{Version} is {Status}.");
        Status = DefinitionStatus.Published;
        PublishedBy = publishedBy;
        PublishedAt = now;
    }
}
