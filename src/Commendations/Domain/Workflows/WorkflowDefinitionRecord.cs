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

    /// <summary>Four eyes: the administrator who asked for publication; another one must approve.</summary>
    public Guid? PublicationRequestedById { get; private set; }
    public string? PublicationRequestedBy { get; private set; }
    public DateTimeOffset? PublicationRequestedAt { get; private set; }
    public DateTimeOffset? RetiredAt { get; private set; }
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

    public bool IsAwaitingApproval => Status == DefinitionStatus.Draft && PublicationRequestedById is not null;

    /// <summary>Drafts change freely until published; the content is kept as written (it may not be valid yet).</summary>
    public void ReviseDraft(string name, string content, string contentHash)
    {
        if (Status != DefinitionStatus.Draft)
            throw new InvalidOperationException($"{DefinitionId} v{Version} is {Status}: published versions are immutable.");
        Name = name;
        Content = content;
        ContentHash = contentHash;
        // A changed draft needs a fresh request: the approver must see what is published.
        PublicationRequestedById = null;
        PublicationRequestedBy = null;
        PublicationRequestedAt = null;
    }

    /// <summary>At publication the document is stored in canonical form, keeping the request and its approver trail.</summary>
    public void ReviseDraftForPublication(string canonicalContent, string contentHash)
    {
        Content = canonicalContent;
        ContentHash = contentHash;
    }

    public void RequestPublication(Guid requesterId, string requester, DateTimeOffset now)
    {
        PublicationRequestedById = requesterId;
        PublicationRequestedBy = requester;
        PublicationRequestedAt = now;
    }

    public void Publish(string publishedBy, DateTimeOffset now)
    {
        if (Status != DefinitionStatus.Draft)
            throw new InvalidOperationException($"Only a draft can be published; {DefinitionId} v{Version} is {Status}.");
        Status = DefinitionStatus.Published;
        PublishedBy = publishedBy;
        PublishedAt = now;
    }

    public void Retire(DateTimeOffset now)
    {
        if (Status != DefinitionStatus.Published)
            throw new InvalidOperationException($"Only a published version can be retired; {DefinitionId} v{Version} is {Status}.");
        Status = DefinitionStatus.Retired;
        RetiredAt = now;
    }
}
