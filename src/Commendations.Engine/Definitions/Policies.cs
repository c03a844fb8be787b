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
}

/// <summary>A reminder at 08:00 local on the working day <c>workingDaysBefore</c> working days before the due day (0 = the due day).</summary>
public sealed record Reminder
{
    public required int WorkingDaysBefore { get; init; }
}

/// <summary>
/// What happens at the due time of an overdue task. Exactly one of <see cref="NotifyRole"/> or <see cref="Action"/>:
/// notify a role (optionally within a unit scope), or have the system perform a named action on the task
/// (a task action, <c>approve</c>/<c>return</c>/<c>reject</c> for approvals, <c>close</c> for votes).
/// </summary>
public sealed record Escalation
{
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
