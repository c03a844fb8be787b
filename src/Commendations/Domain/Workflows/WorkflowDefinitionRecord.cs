namespace Commendations.Domain.Workflows;

public enum DefinitionStatus
{
    Draft,
    Published,
    Retired,
}

/// <summary>Who a stored version comes from: an administrator (designer, import, API) or a file shipped in workflows/.</summary>
public enum DefinitionOrigin
{
    Administrator,
    Shipped,
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

    /// <summary>Shipped versions seed an empty database or are offered as drafts; they never take an administrator's number.</summary>
    public DefinitionOrigin Origin { get; private set; } = DefinitionOrigin.Administrator;

    /// <summary>For a shipped version, the version number of the file it came from (it may be stored under another number).</summary>
    public int? ShippedVersion { get; private set; }

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

    /// <summary>This version came from a shipped file (its version number in the file).</summary>
    public void MarkShipped(int shippedVersion)
    {
        Origin = DefinitionOrigin.Shipped;
        ShippedVersion = shippedVersion;
    }

    /// <summary>
    /// The one change a published version may receive: meanings and display names added by the recorded upgrade of
    /// definitions written before meanings existed (<c>LegacyMeanings</c>), which proves the routing itself is unchanged.
    /// </summary>
    public void AnnotateForUpgrade(string content, string contentHash)
    {
        Content = content;
        ContentHash = contentHash;
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
