namespace Commendations.Engine;

/// <summary>
/// When a human step's tasks are due. Exactly one of the three is set.
/// <list type="bullet">
/// <item><c>workingDays</c> N: 17:00 local on the Nth working day after the local date the task opened.</item>
/// <item><c>calendarDays</c> N: 17:00 local on the opening date + N, moved forward to the next working day if needed.</item>
/// <item><c>campaignDate</c>: a date fact (e.g. <c>dossierClose</c>): 17:00 local on that date, moved forward to the next working day if needed.</item>
/// </list>
/// </summary>
public sealed record Deadline
{
    public int? WorkingDays { get; init; }
    public int? CalendarDays { get; init; }
    public string? CampaignDate { get; init; }

    /// <summary>The deadline when the step is entered again in the same instance (e.g. a returned dossier back at the unit).</summary>
    public Deadline? OnReentry { get; init; }

    /// <summary>What happens when the due time is already past at entry (see <see cref="PastDeadlineRule"/>).</summary>
    public PastDeadlineRule? WhenPast { get; init; }
}

/// <summary>
/// A reminder at 08:00 local on the working day <c>workingDaysBefore</c> working days before the due day (0 = the due day),
/// or <c>workingDaysAfter</c> working days after it (an overdue reminder). Exactly one of the two.
/// </summary>
public sealed record Reminder
{
    public int? WorkingDaysBefore { get; init; }

    public int? WorkingDaysAfter { get; init; }
}

/// <summary>
/// One escalation level: what happens at its instant — the due time, or a number of working days before or after it
/// (<see cref="HumanStep.Escalations"/> chains several). Exactly one of <see cref="NotifyRole"/> or <see cref="Action"/>:
/// notify a role (optionally within a unit scope), or have the system perform a named action on the task
/// (a task action, <c>approve</c>/<c>return</c>/<c>reject</c> for approvals, <c>close</c> for votes).
/// </summary>
public sealed record Escalation
{
    /// <summary>When: this many working days after the due time (17:00 local); with neither timing, at the due time.</summary>
    public int? AfterWorkingDays { get; init; }

    /// <summary>When: this many working days before the due time (17:00 local).</summary>
    public int? BeforeWorkingDays { get; init; }

    public string? NotifyRole { get; init; }

    /// <summary>Unit scope of the notified role; defaults to the task's own scope for task steps.</summary>
    public string? Scope { get; init; }

    public string? Action { get; init; }
}

/// <summary>A wait duration: exactly one of working days or calendar days, computed like a <see cref="Deadline"/>.</summary>
public sealed record WaitDuration
{
    public int? WorkingDays { get; init; }
    public int? CalendarDays { get; init; }
}
