using System.Text.Json.Serialization;

namespace Commendations.Engine;

/// <summary>Who a notification is for: a user or a role (within a unit when known).</summary>
public sealed record Recipient(string? UserId = null, string? Role = null, string? UnitId = null)
{
    public static Recipient From(Assignee assignee) => new(assignee.UserId, assignee.Role, assignee.UnitId);

    public override string ToString() => UserId is not null ? $"user:{UserId}" : $"role:{Role}@{UnitId ?? "-"}";
}

/// <summary>What the application must do after a transition, in order.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(StepEntered), "stepEntered")]
[JsonDerivedType(typeof(TaskOpened), "taskOpened")]
[JsonDerivedType(typeof(TaskClosed), "taskClosed")]
[JsonDerivedType(typeof(DeadlineScheduled), "deadlineScheduled")]
[JsonDerivedType(typeof(DeadlineCancelled), "deadlineCancelled")]
[JsonDerivedType(typeof(WaitScheduled), "waitScheduled")]
[JsonDerivedType(typeof(NotificationRequested), "notificationRequested")]
[JsonDerivedType(typeof(InstanceCompleted), "instanceCompleted")]
[JsonDerivedType(typeof(DeadlineRecomputed), "deadlineRecomputed")]
[JsonDerivedType(typeof(TaskReassigned), "taskReassigned")]
public abstract record WorkflowEffect;

/// <summary>An open task now belongs to <see cref="ToUserId"/> (a repair); its due time and reminders are unchanged.</summary>
public sealed record TaskReassigned(string TaskId, string StepKey, string? FromUserId, string ToUserId) : WorkflowEffect;

public sealed record StepEntered(string StepKey, int Round) : WorkflowEffect;

public sealed record TaskOpened(
    string TaskId,
    string StepKey,
    Assignee Assignee,
    int Sequence,
    DateTimeOffset DueAt,
    IReadOnlyList<DateTimeOffset> ReminderTimes,
    DateTimeOffset? EscalateAt) : WorkflowEffect
{
    /// <summary>The instants of the escalation levels still to come (see <see cref="OpenTask.Escalations"/>).</summary>
    public IReadOnlyList<EscalationTime>? Escalations { get; init; }

    /// <summary>True when the due time was already past as the task opened (<see cref="PastDeadlineRule.OpenOverdue"/>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool PastAtEntry { get; init; }
}

/// <summary>Outcome: the action taken, a vote choice (lowercase), <c>cancelled</c> when the step ended otherwise, or <c>withdrawn</c>.</summary>
public sealed record TaskClosed(string TaskId, string Outcome, string? ActorUserId) : WorkflowEffect;

/// <summary>Schedule reminders at <see cref="ReminderTimes"/> and the deadline (DeadlinePassed) at <see cref="DueAt"/>.</summary>
public sealed record DeadlineScheduled(string TaskId, DateTimeOffset DueAt, IReadOnlyList<DateTimeOffset> ReminderTimes, DateTimeOffset? EscalateAt) : WorkflowEffect
{
    /// <summary>
    /// Every escalation level's instant; send <see cref="Escalate"/> at each one that differs from <see cref="DueAt"/>
    /// (levels at the due time happen with <see cref="DeadlinePassed"/>).
    /// </summary>
    public IReadOnlyList<EscalationTime>? Escalations { get; init; }
}

public sealed record DeadlineCancelled(string TaskId) : WorkflowEffect;

/// <summary>
/// An open task's times were computed again (<see cref="RecomputeDeadlines"/>): its due time (moved when
/// <see cref="PreviousDueAt"/> differs), reminders and escalation levels. A <see cref="DeadlineScheduled"/> with the same
/// times follows: it replaces the task's schedule.
/// </summary>
public sealed record DeadlineRecomputed(string TaskId, string StepKey, DateTimeOffset PreviousDueAt, DateTimeOffset DueAt,
    IReadOnlyList<DateTimeOffset> ReminderTimes, DateTimeOffset? EscalateAt) : WorkflowEffect
{
    public IReadOnlyList<EscalationTime>? Escalations { get; init; }

    [JsonIgnore]
    public bool DueMoved => PreviousDueAt != DueAt;
}

/// <summary>Send <see cref="WaitElapsed"/> at <see cref="Until"/>.</summary>
public sealed record WaitScheduled(string StepKey, DateTimeOffset Until) : WorkflowEffect;

/// <summary>
/// Templates: <c>task-overdue</c> (to the assignee), <c>task-escalated</c> (to the escalation role), <c>deadline-moved</c> (to
/// the assignee, with <c>previousDueAt</c>). Data: taskId, stepKey, dueAt, round; for a level of an escalation chain also
/// <c>level</c> (0 = first) and <c>escalateAt</c>.
/// </summary>
public sealed record NotificationRequested(Recipient Recipient, string Template, IReadOnlyDictionary<string, string> Data) : WorkflowEffect;

public sealed record InstanceCompleted(EndResult Result) : WorkflowEffect;
