namespace Commendations.Domain.Substitutions;

/// <summary>
/// A person away from office (the principal) names who covers their personal tasks for a range of Vietnam dates, both
/// days included. While today is in the range, the principal's open personal tasks show in the substitute's inbox and the
/// substitute may act on them "thay mặt" the principal — never cast their council ballot (docs/substitutes.md). Revoking
/// ends it at once; nothing is deleted, so the audit and history keep who covered whom.
/// </summary>
public class Substitution
{
    public const int ReasonMaxLength = 500;

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid PrincipalUserId { get; private set; }
    public Guid SubstituteUserId { get; private set; }

    /// <summary>First and last day covered, Vietnam local dates (UTC+7).</summary>
    public DateOnly From { get; private set; }

    public DateOnly To { get; private set; }

    public string? Reason { get; private set; }
    public Guid CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public Guid? RevokedBy { get; private set; }

    private Substitution() { }

    public Substitution(Guid principalUserId, Guid substituteUserId, DateOnly from, DateOnly to, string? reason, Guid createdBy, DateTimeOffset now)
    {
        PrincipalUserId = principalUserId;
        SubstituteUserId = substituteUserId;
        From = from;
        To = to;
        Reason = reason;
        CreatedBy = createdBy;
        CreatedAt = now;
    }

    public bool Covers(DateOnly day) => RevokedAt is null && From <= day && day <= To;

    public void Revoke(Guid by, DateTimeOffset now)
    {
        RevokedAt = now;
        RevokedBy = by;
    }
}
