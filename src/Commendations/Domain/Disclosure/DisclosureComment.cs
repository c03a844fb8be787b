namespace Commendations.Domain.Disclosure;

public enum CommentKind
{
    Comment,
    /// <summary>A complaint (khiếu nại, tố cáo) about the nominee: the nomination waits until it is resolved.</summary>
    Complaint,
}

/// <summary>
/// A comment from the public on a nominee during public disclosure (công khai, lấy ý kiến). The sender's name and contact
/// are optional. The committee's secretary records how each was handled; an unresolved complaint pauses the nomination.
/// </summary>
public class DisclosureComment
{
    public const int TextMaxLength = 4000;
    public const int NameMaxLength = 200;
    public const int ContactMaxLength = 200;

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid NominationId { get; private set; }
    public Guid CampaignId { get; private set; }
    public string? AuthorName { get; private set; }
    public string? Contact { get; private set; }
    public string Text { get; private set; } = "";
    public CommentKind Kind { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }
    public string? IpAddress { get; private set; }
    public string? Handling { get; private set; }
    public Guid? HandledBy { get; private set; }
    public DateTimeOffset? HandledAt { get; private set; }
    public uint Version { get; private set; }

    private DisclosureComment() { }

    public DisclosureComment(Guid nominationId, Guid campaignId, string? authorName, string? contact, string text, CommentKind kind,
        string? ipAddress, DateTimeOffset now)
    {
        NominationId = nominationId;
        CampaignId = campaignId;
        AuthorName = authorName;
        Contact = contact;
        Text = text;
        Kind = kind;
        IpAddress = ipAddress;
        ReceivedAt = now;
    }

    public bool IsHandled => HandledAt is not null;
    public bool IsOpenComplaint => Kind == CommentKind.Complaint && !IsHandled;

    /// <summary>The secretary treats the comment as a complaint (or not); a handled comment keeps its kind.</summary>
    public void Classify(CommentKind kind) => Kind = kind;

    /// <summary>How the comment was handled; for a complaint, its resolution.</summary>
    public void RecordHandling(string handling, Guid by, DateTimeOffset now)
    {
        Handling = handling;
        HandledBy = by;
        HandledAt = now;
    }
}
