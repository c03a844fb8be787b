namespace Commendations.Domain.Workflows;

/// <summary>
/// One reminder still to send for an open task's deadline. Reminders are rows, not Quartz triggers: the engine puts
/// them at 08:00 on working days, so thousands share one instant, and one Quartz trigger per instant (a "reminder slot")
/// sweeps them all in a few transactions instead of taking Quartz's cluster-wide lock once per reminder.
/// The row is deleted once sent (the notification is the record) or when the task's deadline is cancelled.
/// </summary>
public class TaskReminder
{
    public Guid InstanceId { get; private set; }
    public string TaskKey { get; private set; } = "";
    public Guid NominationId { get; private set; }
    public DateTimeOffset RemindAt { get; private set; }

    /// <summary>The task's due time this reminder was computed for: if the task has moved on since, the row is dropped.</summary>
    public DateTimeOffset DueAt { get; private set; }

    private TaskReminder() { }

    public TaskReminder(Guid instanceId, string taskKey, Guid nominationId, DateTimeOffset remindAt, DateTimeOffset dueAt)
    {
        InstanceId = instanceId;
        TaskKey = taskKey;
        NominationId = nominationId;
        RemindAt = remindAt.ToUniversalTime();
        DueAt = dueAt.ToUniversalTime();
    }
}
