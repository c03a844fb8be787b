using System.Text.Json.Serialization;

namespace Commendations.Engine;

/// <summary>
/// What the runtime does when a step's deadline is already past at the moment its task opens (a campaign date that has
/// gone by). Never silent: the choice is the definition's, and the default is recorded in the history.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<PastDeadlineRule>))]
public enum PastDeadlineRule
{
    /// <summary>
    /// The default: the task opens with its past due time, flagged (<see cref="TaskOpened.PastAtEntry"/>, a
    /// <see cref="HistoryEvent.DeadlinePastAtEntry"/> entry); its deadline fires at once, so the assignee is told it is
    /// overdue and the escalation levels follow.
    /// </summary>
    [JsonStringEnumMemberName("openOverdue")] OpenOverdue,

    /// <summary>The command that would enter the step is refused (<c>deadline-past</c>); nothing changes.</summary>
    [JsonStringEnumMemberName("refuse")] Refuse,
}

/// <summary>The instant of one escalation level of a task (<see cref="Level"/> indexes <see cref="HumanSteps.EscalationLevels"/>).</summary>
public readonly record struct EscalationTime(int Level, DateTimeOffset At);

/// <summary>Helpers over the time policies of human steps.</summary>
public static class HumanSteps
{
    /// <summary>The step's escalation levels in order: <c>escalations</c>, or the single <c>escalation</c>, or none.</summary>
    public static IReadOnlyList<Escalation> EscalationLevels(this HumanStep step) =>
        step.Escalations ?? (step.Escalation is { } single ? [single] : []);

    /// <summary>Working days from the due time: negative before it, 0 at it.</summary>
    public static int OffsetWorkingDays(this Escalation level) => level.AfterWorkingDays ?? -(level.BeforeWorkingDays ?? 0);
}
