namespace Commendations.Domain.Notifications;

/// <summary>Kinds of in-app notification (stored as text).</summary>
public static class NotificationKinds
{
    public const string TaskReminder = "task-reminder";
    public const string TaskOverdue = "task-overdue";
    public const string TaskEscalated = "task-escalated";
    public const string CampaignDraftReminder = "campaign-draft-reminder";
    public const string CampaignSummary = "campaign-summary";
}

/// <summary>
/// A message to one user (reminder, overdue task, escalation, campaign notice), in Vietnamese. The dedupe key is unique:
/// a job or an outbox message applied twice delivers nothing new. When SMTP is configured the same text is mailed
/// after commit by the email sender (<see cref="EmailTo"/> set, <see cref="EmailSentAt"/> filled once sent).
/// </summary>
public class Notification
{
    public const int TitleMaxLength = 300;
    public const int BodyMaxLength = 4000;

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid RecipientUserId { get; private set; }
    public string Kind { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string Body { get; private set; } = "";
    public string? Link { get; private set; }
    public Guid? NominationId { get; private set; }
    public string DedupeKey { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ReadAt { get; private set; }
    public string? EmailTo { get; private set; }
    public DateTimeOffset? EmailSentAt { get; private set; }
    public int EmailAttempts { get; private set; }
    public string? EmailLastError { get; private set; }

    private Notification() { }

    public Notification(Guid recipientUserId, string kind, string title, string body, string? link, Guid? nominationId,
        string dedupeKey, DateTimeOffset createdAt, string? emailTo)
    {
        RecipientUserId = recipientUserId;
        Kind = kind;
        Title = title.Length > TitleMaxLength ? title[..TitleMaxLength] : title;
        Body = body.Length > BodyMaxLength ? body[..BodyMaxLength] : body;
        Link = link;
        NominationId = nominationId;
        DedupeKey = dedupeKey;
        CreatedAt = createdAt;
        EmailTo = emailTo;
    }

    public bool IsRead => ReadAt is not null;

    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;

    public void MarkEmailSent(DateTimeOffset now) => EmailSentAt = now;

    public void MarkEmailFailed(string error)
    {
        EmailAttempts++;
        EmailLastError = error.Length > 2000 ? error[..2000] : error;
    }
}
