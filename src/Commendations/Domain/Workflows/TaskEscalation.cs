namespace Commendations.Domain.Workflows;

/// <summary>
/// One escalation level still to happen for an open task (a level of the step's escalation chain whose instant is not the
/// due time: levels at the due time happen with the deadline). Like <see cref="TaskReminder"/>, a row, not a Quartz
/// trigger: the engine puts levels at 17:00 of working days, so many tasks share each instant, and one Quartz trigger per
/// instant (an "escalation slot") sweeps them all. The row is deleted when swept or when the task's deadline is cancelled.
/// </summary>
public class TaskEscalation
{
    public Guid InstanceId { get; private set; }
    public string TaskKey { get; private set; } = "";

    /// <summary>The level's index in the step's chain (0 = first).</summary>
    public int Level { get; private set; }

    public Guid NominationId { get; private set; }
    public DateTimeOffset EscalateAt { get; private set; }

    /// <summary>The task's due time the instant was computed for: if the task has moved on since, the row is dropped.</summary>
    public DateTimeOffset DueAt { get; private set; }

    private TaskEscalation() { }

    public TaskEscalation(Guid instanceId, string taskKey, int level, Guid nominationId, DateTimeOffset escalateAt, DateTimeOffset dueAt)
    {
        InstanceId = instanceId;
        TaskKey = taskKey;
        Level = level;
        NominationId = nominationId;
        EscalateAt = escalateAt.ToUniversalTime();
        DueAt = dueAt.ToUniversalTime();
    }
}
