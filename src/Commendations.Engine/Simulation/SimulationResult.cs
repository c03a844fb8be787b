namespace Commendations.Engine;

/// <summary>
/// What a simulation did: the steps entered, every task with its times, all effects in order, and the final state.
/// It either completed (<see cref="Result"/>), stopped waiting at <see cref="StoppedAt"/> when the actions ran out,
/// or was refused (<see cref="Refusal"/>; <see cref="FinalState"/> is the state after the last accepted command).
/// </summary>
public sealed record SimulationResult(
    IReadOnlyList<SimulatedStep> Path,
    IReadOnlyList<SimulatedTask> Tasks,
    IReadOnlyList<SimulatedEffect> Effects,
    InstanceState FinalState,
    SimulationRefusal? Refusal)
{
    public EndResult? Result => FinalState.Status == InstanceStatus.Completed ? FinalState.Result : null;

    public string? StoppedAt => FinalState.Status == InstanceStatus.Completed ? null : FinalState.CurrentStep;
}

public sealed record SimulatedStep(string StepKey, int Round, DateTimeOffset EnteredAt)
{
    /// <summary>For a wait step: when it ends.</summary>
    public DateTimeOffset? WaitUntil { get; init; }
}

/// <summary>A task a person would get, with the step's escalation policy, and how it ended (if it did).</summary>
public sealed record SimulatedTask(
    string TaskId,
    string StepKey,
    Assignee Assignee,
    int Sequence,
    DateTimeOffset OpenedAt,
    DateTimeOffset DueAt,
    IReadOnlyList<DateTimeOffset> Reminders,
    DateTimeOffset? EscalateAt,
    Escalation? Escalation)
{
    public DateTimeOffset? ClosedAt { get; init; }
    public string? Outcome { get; init; }
    public string? ClosedBy { get; init; }
    public bool Overdue { get; init; }

    /// <summary>The instants of the step's escalation levels for this task (see <see cref="OpenTask.Escalations"/>).</summary>
    public IReadOnlyList<EscalationTime>? EscalationTimes { get; init; }

    /// <summary>The levels that happened, in order, with their time.</summary>
    public IReadOnlyList<EscalationTime> Escalated { get; init; } = [];

    /// <summary>True when the task opened with its due time already past.</summary>
    public bool PastAtEntry { get; init; }
}

/// <summary>An effect with when it happened and which scenario action caused it (null: the start).</summary>
public sealed record SimulatedEffect(int? ActionIndex, DateTimeOffset At, WorkflowEffect Effect);

/// <summary>
/// Why the simulation stopped early: the action (null: the start), the step, a code and a sentence — a Vietnamese
/// template with arguments (<see cref="Named"/> for keys and ids) that the application translates and names;
/// <see cref="Reason"/> is the sentence (Vietnamese with raw keys until the application replaces it).
/// </summary>
public sealed record SimulationRefusal(int? ActionIndex, string? StepKey, string Code,
    [property: System.Text.Json.Serialization.JsonIgnore] string Template,
    [property: System.Text.Json.Serialization.JsonIgnore] params object?[] Args)
{
    public string Reason { get; init; } = EngineText.Format(Template, Args);
}

/// <summary>Refusal codes of the simulator itself; the runtime's codes (<see cref="RuntimeErrors"/>) pass through.</summary>
public static class SimulationErrors
{
    public const string InvalidDefinition = "invalid-definition";
    public const string InvalidFact = "invalid-fact";
    public const string NoOpenTask = "no-open-task";
    public const string NotAWait = "not-a-wait";
    public const string NotAVote = "not-a-vote";
    public const string TimeGoesBack = "time-goes-back";
    public const string TooManyVotes = "too-many-votes";
}
