namespace Commendations.Domain.Workflows;

public enum WorkflowTaskStatus
{
    Open,
    Closed,
}

/// <summary>
/// A unit of human work the engine opened: for a user (a committee member's turn) or for a role within a unit
/// (the officer of the nominating unit, the appraisal office). Mirrors the engine's open tasks for inboxes and deadlines.
/// </summary>
public class WorkflowTask
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid InstanceId { get; private set; }
    public Guid NominationId { get; private set; }

    /// <summary>
    /// The nomination's campaign and nominee name, copied here so the task list filters by campaign, searches and sorts by
    /// name from the task's own indexes (per part: my turns, my role's tasks) instead of joining every task of a person to
    /// its nomination (measured at 1,000,000 nominations: RESULTS.md). The campaign never changes; the name follows
    /// <see cref="Nominations.Nomination.Edit"/> on the open tasks (<see cref="RenameNominee"/>).
    /// </summary>
    public Guid CampaignId { get; private set; }

    public string NomineeName { get; private set; } = "";

    /// <summary>The engine's deterministic task id, e.g. <c>committee-review:r1:2</c>; unique within the instance.</summary>
    public string TaskKey { get; private set; } = "";
    public string StepKey { get; private set; } = "";
    public int Round { get; private set; }
    public Guid? AssigneeUserId { get; private set; }
    public string? AssigneeRole { get; private set; }
    public Guid? AssigneeUnitId { get; private set; }
    public int Sequence { get; private set; }
    public DateTimeOffset OpenedAt { get; private set; }
    public DateTimeOffset DueAt { get; private set; }
    public List<DateTimeOffset> ReminderTimes { get; private set; } = [];
    public DateTimeOffset? EscalateAt { get; private set; }
    public WorkflowTaskStatus Status { get; private set; } = WorkflowTaskStatus.Open;
    public string? Outcome { get; private set; }
    public Guid? ClosedBy { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public uint Version { get; private set; }

    /// <summary>
    /// Who took a role task (several people hold the role; one works on it): only they may act until they release it.
    /// The application's own record — the engine assigns to the role and knows nothing of claims.
    /// </summary>
    public Guid? ClaimedBy { get; private set; }
    public DateTimeOffset? ClaimedAt { get; private set; }

    private WorkflowTask() { }

    public WorkflowTask(Guid instanceId, Guid nominationId, Guid campaignId, string nomineeName, string taskKey, string stepKey, int round, Guid? assigneeUserId,
        string? assigneeRole, Guid? assigneeUnitId, int sequence, DateTimeOffset openedAt, DateTimeOffset dueAt,
        IEnumerable<DateTimeOffset> reminderTimes, DateTimeOffset? escalateAt)
    {
        InstanceId = instanceId;
        NominationId = nominationId;
        CampaignId = campaignId;
        NomineeName = nomineeName;
        TaskKey = taskKey;
        StepKey = stepKey;
        Round = round;
        AssigneeUserId = assigneeUserId;
        AssigneeRole = assigneeRole;
        AssigneeUnitId = assigneeUnitId;
        Sequence = sequence;
        OpenedAt = openedAt;
        DueAt = dueAt;
        ReminderTimes = reminderTimes.Select(t => t.ToUniversalTime()).ToList();
        EscalateAt = escalateAt;
    }

    /// <summary>The engine computed the task's times again (the working calendar changed).</summary>
    public void Reschedule(DateTimeOffset dueAt, IEnumerable<DateTimeOffset> reminderTimes, DateTimeOffset? escalateAt)
    {
        DueAt = dueAt;
        ReminderTimes = reminderTimes.Select(t => t.ToUniversalTime()).ToList();
        EscalateAt = escalateAt;
    }

    /// <summary>The unit corrected the nominee's name while it holds the dossier: its open tasks list the new name.</summary>
    public void RenameNominee(string nomineeName) => NomineeName = nomineeName;

    public void Close(string outcome, Guid? closedBy, DateTimeOffset now)
    {
        Status = WorkflowTaskStatus.Closed;
        Outcome = outcome;
        ClosedBy = closedBy;
        ClosedAt = now;
    }

    /// <summary>
    /// When the deadline sweep handled this task's due time (the engine's DeadlinePassed ran, or found nothing to do).
    /// Null while the due time is still to be handled: the open tasks with a null here and a due time passed are what the
    /// sweep takes — the task row is the deadline's own row, written in the transaction that opened the task.
    /// </summary>
    public DateTimeOffset? DeadlinePassedAt { get; private set; }

    /// <summary>The deadline sweep took this task: never again, whatever the engine did with it.</summary>
    public void DeadlineHandled(DateTimeOffset now) => DeadlinePassedAt ??= now;

    /// <summary>A repair gave the open task to another person (same due time, reminders and escalations).</summary>
    public void Reassign(Guid userId) => AssigneeUserId = userId;
}
