using Quartz;

namespace Commendations.Scheduling;

/// <summary>
/// Deterministic Quartz keys: the same task and kind always map to the same key, so applying an outbox message twice
/// replaces a trigger instead of adding a second one, and cancelling finds every trigger of a task.
/// </summary>
public static class ScheduleKeys
{
    /// <summary>Jobs an administrator runs again after they failed (<see cref="Domain.Incidents.JobFailure"/>).</summary>
    public const string RetryGroup = "retries";

    public const string TaskGroup = "task-deadlines";
    public const string WaitGroup = "waits";
    public const string SystemGroup = "system";
    public const string ReminderSlotGroup = "reminder-slots";
    public const string EscalationSlotGroup = "escalation-slots";

    /// <summary>Kind of the per-task reminder triggers stored before reminder slots; one still firing sweeps the slots.</summary>
    public const string KindReminder = "reminder";
    public const string KindDue = "due";

    public static JobKey TaskJob(Guid instanceId, string taskKey) => new($"{instanceId:N}/{taskKey}", TaskGroup);

    public static TriggerKey Due(Guid instanceId, string taskKey) => new($"{instanceId:N}/{taskKey}/due", TaskGroup);

    /// <summary>
    /// The one trigger of every reminder due at <paramref name="remindAt"/> (any task): the same instant always maps to the
    /// same key, so the thousands of tasks reminded at one 08:00 share it. UTC ticks keep the key exact and sortable.
    /// </summary>
    public static TriggerKey ReminderSlot(DateTimeOffset remindAt) => new($"reminders/{remindAt.UtcTicks}", ReminderSlotGroup);

    /// <summary>The one trigger of every escalation level due at <paramref name="escalateAt"/> (any task), like <see cref="ReminderSlot"/>.</summary>
    public static TriggerKey EscalationSlot(DateTimeOffset escalateAt) => new($"escalations/{escalateAt.UtcTicks}", EscalationSlotGroup);

    public static JobKey WaitJob(Guid instanceId, string stepKey) => new($"{instanceId:N}/{stepKey}", WaitGroup);

    public static TriggerKey WaitTrigger(Guid instanceId, string stepKey) => new($"{instanceId:N}/{stepKey}/until", WaitGroup);

    public static readonly JobKey CampaignDeadlinesJob = new("campaign-deadlines", SystemGroup);
    public static readonly JobKey IncidentSweepJob = new("incident-sweep", SystemGroup);
    public static readonly TriggerKey IncidentSweepTrigger = new("incident-sweep-every-few-minutes", SystemGroup);
    public static readonly TriggerKey CampaignDeadlinesTrigger = new("campaign-deadlines-daily", SystemGroup);
    public static readonly JobKey CampaignProgressCompactionJob = new("campaign-progress-compaction", SystemGroup);
    public static readonly JobKey ReminderSlotJob = new("reminder-slots", ReminderSlotGroup);
    public static readonly TriggerKey RemindersCatchUpTrigger = new("reminders-catch-up", SystemGroup);
    public static readonly JobKey EscalationSlotJob = new("escalation-slots", EscalationSlotGroup);
    public static readonly TriggerKey EscalationsCatchUpTrigger = new("escalations-catch-up", SystemGroup);
    public static readonly TriggerKey CampaignProgressCompactionTrigger = new("campaign-progress-compaction-every-5-minutes", SystemGroup);

    /// <summary>Job data names (strings only: the job store serialises data as JSON).</summary>
    public static class Data
    {
        public const string Kind = "kind";
        public const string InstanceId = "instanceId";
        public const string NominationId = "nominationId";
        public const string TaskKey = "taskKey";
        public const string StepKey = "stepKey";
        public const string DueAt = "dueAt";
        public const string FireAt = "fireAt";
    }
}
