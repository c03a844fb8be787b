namespace Commendations.Domain.Incidents;

/// <summary>Why a running route cannot move on by itself.</summary>
public enum IncidentKind
{
    /// <summary>A task is assigned to an account that is locked.</summary>
    AssigneeLocked,

    /// <summary>A task is assigned to an account that no longer exists.</summary>
    AssigneeRemoved,

    /// <summary>A role task whose role is held by no active account in its unit.</summary>
    NoEligibleAssignee,

    /// <summary>A scheduled consequence (deadline, notification, wait) keeps failing in the outbox.</summary>
    OutboxFailing,

    /// <summary>A wait whose end is in the future but was never scheduled: nothing would ever end it.</summary>
    WaitNotScheduled,

    /// <summary>A scheduled job (a deadline, a wait's end) threw, and nobody ran it again (<see cref="JobFailure"/>).</summary>
    JobFailed,

    /// <summary>A step's committee no longer exists or has no active member: the next turn cannot be given to anyone.</summary>
    CommitteeUnresolved,
}

/// <summary>
/// A running route stuck for a reason the system can name. Found by the incident sweep (a Quartz job) and at the moment
/// it happens (an account locked); first seen, last seen, and resolved when the sweep no longer finds it (repaired, or
/// the cause went away). One open incident per kind and subject (<see cref="SubjectKey"/>).
/// </summary>
public class Incident
{
    public const int SubjectKeyMaxLength = 200;

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public IncidentKind Kind { get; private set; }

    /// <summary>What the incident is about, e.g. <c>task:{id}</c> or <c>outbox:{id}</c>: the sweep's identity for it.</summary>
    public string SubjectKey { get; private set; } = "";

    public Guid? NominationId { get; private set; }
    public Guid? TaskId { get; private set; }
    public long? OutboxMessageId { get; private set; }

    /// <summary>For <see cref="IncidentKind.JobFailed"/>: the failure to run again.</summary>
    public Guid? JobFailureId { get; private set; }

    /// <summary>For <see cref="IncidentKind.CommitteeUnresolved"/>: the committee's code as the definition names it.</summary>
    public string? Committee { get; private set; }

    /// <summary>The account or role concerned, when there is one (named in the reason).</summary>
    public Guid? UserId { get; private set; }
    public string? Role { get; private set; }
    public Guid? UnitId { get; private set; }

    public DateTimeOffset FirstSeenAt { get; private set; }
    public DateTimeOffset LastSeenAt { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }

    private Incident() { }

    public Incident(IncidentKind kind, string subjectKey, DateTimeOffset now, Guid? nominationId = null, Guid? taskId = null,
        long? outboxMessageId = null, Guid? userId = null, string? role = null, Guid? unitId = null, Guid? jobFailureId = null, string? committee = null)
    {
        JobFailureId = jobFailureId;
        Committee = committee;
        Kind = kind;
        SubjectKey = subjectKey;
        NominationId = nominationId;
        TaskId = taskId;
        OutboxMessageId = outboxMessageId;
        UserId = userId;
        Role = role;
        UnitId = unitId;
        FirstSeenAt = LastSeenAt = now;
    }

    public void SeenAgain(DateTimeOffset now) => LastSeenAt = now;

    public void Resolve(DateTimeOffset now) => ResolvedAt = now;
}
