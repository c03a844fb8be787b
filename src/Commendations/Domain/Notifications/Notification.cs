namespace Commendations.Domain.Notifications;

/// <summary>Kinds of in-app notification (stored as text).</summary>
public static class NotificationKinds
{
    public const string TaskReminder = "task-reminder";
    public const string TaskOverdue = "task-overdue";
    public const string TaskEscalated = "task-escalated";
    public const string CampaignDraftReminder = "campaign-draft-reminder";
    public const string CampaignSummary = "campaign-summary";
    public const string DisclosureComment = "disclosure-comment";

    // Hand-overs: what happened to a nomination, to whoever it concerns (never to whoever did it).
    public const string TaskAssigned = "task-assigned";
    public const string NominationReturned = "nomination-returned";
    public const string NominationRejected = "nomination-rejected";
    public const string NominationWithdrawn = "nomination-withdrawn";
    public const string NominationAwarded = "nomination-awarded";
    public const string DisclosureStarted = "disclosure-started";
    public const string SessionOpened = "session-opened";

    // Repairs: an administrator changed the route's course (a wait ended early, a move, a task given to another person).
    public const string RouteRepaired = "route-repaired";
    public const string TaskReassigned = "task-reassigned";
    public const string RepairRequested = "repair-requested";
    public const string RepairDecided = "repair-decided";
    // Substitutes (out of office): named or revoked (to both people), a task opened for someone away (to whoever covers).
    public const string SubstitutionSet = "substitution-set";
    public const string SubstitutionRevoked = "substitution-revoked";
    public const string TaskCovered = "task-covered";
    // Claims: an administrator gave back to the pool a role task someone had taken (to the person who had it).
    public const string TaskClaimReleased = "task-claim-released";
}

/// <summary>
/// A message to one user (a hand-over, reminder, overdue task, escalation, campaign notice), in their language. The dedupe key is unique:
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

    /// <summary>The recipient turned e-mail off before this one was sent: it stays in-app only.</summary>
    public void CancelEmail() => EmailTo = null;

    public void MarkEmailFailed(string error)
    {
        EmailAttempts++;
        EmailLastError = error.Length > 2000 ? error[..2000] : error;
    }
}
