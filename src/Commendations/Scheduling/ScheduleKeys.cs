using Quartz;

namespace Commendations.Scheduling;

/// <summary>
/// Deterministic Quartz keys: the same instant, wait or job always maps to the same key, so planning or applying an
/// outbox message twice replaces a trigger instead of adding a second one.
/// </summary>
public static class ScheduleKeys
{
    /// <summary>Jobs an administrator runs again after they failed (<see cref="Domain.Incidents.JobFailure"/>).</summary>
    public const string RetryGroup = "retries";

    public const string DeadlineSlotGroup = "deadline-slots";
    public const string WaitGroup = "waits";
    public const string SystemGroup = "system";
    public const string ReminderSlotGroup = "reminder-slots";
    public const string EscalationSlotGroup = "escalation-slots";
    public const string WaitSlotGroup = "wait-slots";

    /// <summary>The one trigger of every task due at <paramref name="dueAt"/> (thousands share each 17:00), like <see cref="ReminderSlot"/>.</summary>
    public static TriggerKey DeadlineSlot(DateTimeOffset dueAt) => new($"deadlines/{dueAt.UtcTicks}", DeadlineSlotGroup);

    /// <summary>
    /// The one trigger of every reminder due at <paramref name="remindAt"/> (any task): the same instant always maps to the
    /// same key, so the thousands of tasks reminded at one 08:00 share it. UTC ticks keep the key exact and sortable.
    /// </summary>
    public static TriggerKey ReminderSlot(DateTimeOffset remindAt) => new($"reminders/{remindAt.UtcTicks}", ReminderSlotGroup);

    /// <summary>The one trigger of every escalation level due at <paramref name="escalateAt"/> (any task), like <see cref="ReminderSlot"/>.</summary>
    public static TriggerKey EscalationSlot(DateTimeOffset escalateAt) => new($"escalations/{escalateAt.UtcTicks}", EscalationSlotGroup);

    /// <summary>The one trigger of every wait ending at <paramref name="until"/> (the disclosures ending at one 17:00 share it).</summary>
    public static TriggerKey WaitSlot(DateTimeOffset until) => new($"waits/{until.UtcTicks}", WaitSlotGroup);

    /// <summary>A wait's own job, as stored before waits became rows (still fired and still found in upgraded stores).</summary>
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
    public static readonly JobKey DeadlineSlotJob = new("deadline-slots", DeadlineSlotGroup);
    public static readonly TriggerKey DeadlinesCatchUpTrigger = new("deadlines-catch-up", SystemGroup);
    public static readonly JobKey SlotPlannerJob = new("slot-planner", SystemGroup);
    public static readonly TriggerKey SlotPlannerTrigger = new("slot-planner-every-minute", SystemGroup);
    public static readonly TriggerKey EscalationsCatchUpTrigger = new("escalations-catch-up", SystemGroup);
    public static readonly JobKey WaitSlotJob = new("wait-slots", WaitSlotGroup);
    public static readonly TriggerKey WaitsCatchUpTrigger = new("waits-catch-up", SystemGroup);
    public static readonly TriggerKey CampaignProgressCompactionTrigger = new("campaign-progress-compaction-every-5-minutes", SystemGroup);

    /// <summary>Job data names (strings only: the job store serialises data as JSON).</summary>
    public static class Data
    {
        public const string NominationId = "nominationId";
        public const string StepKey = "stepKey";
    }
}
