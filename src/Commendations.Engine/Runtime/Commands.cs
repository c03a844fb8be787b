using System.Text.Json.Serialization;

namespace Commendations.Engine;

/// <summary>Who acts. For a role task the actor must have the role and belong to the unit of the task's scope.</summary>
public sealed record Actor(string UserId, IReadOnlySet<string> Roles, string? UnitId)
{
    public static Actor User(string userId, string? unitId = null, params string[] roles) => new(userId, new HashSet<string>(roles, StringComparer.Ordinal), unitId);

    /// <summary>The user id recorded when the runtime acts on its own (escalation actions).</summary>
    public const string SystemUserId = "system";

    /// <summary>
    /// Set when a substitute acts in this person's place (out of office, a date range the application checked): the
    /// engine still sees <see cref="UserId"/> as the one whose turn it is, and records who really acted
    /// (<see cref="HistoryEntry.SubstituteUserId"/>). A council ballot is personal: a vote with a substitute is refused.
    /// </summary>
    public string? SubstituteUserId { get; init; }
}

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ActOnTask), "actOnTask")]
[JsonDerivedType(typeof(CastVote), "castVote")]
[JsonDerivedType(typeof(CloseVote), "closeVote")]
[JsonDerivedType(typeof(DeadlinePassed), "deadlinePassed")]
[JsonDerivedType(typeof(WaitElapsed), "waitElapsed")]
[JsonDerivedType(typeof(Withdraw), "withdraw")]
[JsonDerivedType(typeof(Escalate), "escalate")]
[JsonDerivedType(typeof(CastSecretBallots), "castSecretBallots")]
[JsonDerivedType(typeof(RecomputeDeadlines), "recomputeDeadlines")]
[JsonDerivedType(typeof(ReassignTask), "reassignTask")]
public abstract record WorkflowCommand;

/// <summary>
/// A repair: an open task assigned to a person goes to another person (the assignee's account was locked, they left).
/// The application checks who may receive it; the engine keeps the step's own rules: a vote is personal (never moved),
/// a member already in the review cannot take a second turn, and a role's task is anyone's in that role already.
/// </summary>
public sealed record ReassignTask(string TaskId, string NewUserId, string ByUserId, string Reason) : WorkflowCommand;

/// <summary>Act on an open task: <c>approve</c>, <c>return</c>, <c>reject</c> for approvals, or a task step's named action.</summary>
public sealed record ActOnTask(string TaskId, Actor Actor, string Action, string? Comment = null) : WorkflowCommand
{
    /// <summary>The outputs the action asks the actor to choose (<see cref="TaskAction.Asks"/>), by name.</summary>
    public IReadOnlyDictionary<string, System.Text.Json.JsonElement>? Outputs { get; init; }
}

/// <summary>A member's ballot in the current vote step.</summary>
public sealed record CastVote(string StepKey, Actor Actor, VoteChoice Choice, string? Comment = null) : WorkflowCommand;

/// <summary>Decide the current vote with the ballots cast so far.</summary>
public sealed record CloseVote(string StepKey, Actor? Actor = null) : WorkflowCommand;

/// <summary>A scheduled deadline fired. Refused when the task is closed or its due time changed.</summary>
public sealed record DeadlinePassed(string TaskId, DateTimeOffset ExpectedDueAt) : WorkflowCommand;

/// <summary>A scheduled wait ended. Refused before <see cref="InstanceState.WaitUntil"/>.</summary>
public sealed record WaitElapsed(string StepKey) : WorkflowCommand
{
    /// <summary>
    /// Set when an administrator ends the wait before its time (e.g. a disclosure shortened by a legal decision): the user
    /// id recorded, with <see cref="Reason"/>, as <see cref="HistoryEvent.WaitEndedEarly"/>. Unset, a wait ends only when due.
    /// </summary>
    public string? EndedEarlyBy { get; init; }

    public string? Reason { get; init; }
}

/// <summary>Withdraw the nomination from any non-final step. Authorisation is the application's business.</summary>
public sealed record Withdraw(Actor Actor, string? Comment = null) : WorkflowCommand;

/// <summary>
/// An escalation level's instant came (scheduled from <see cref="DeadlineScheduled.Escalations"/>). Performs every level
/// not yet done up to <paramref name="Level"/>, in order, each once; refused when the task is closed, its due time
/// changed, the level is done, or its instant has not come.
/// </summary>
public sealed record Escalate(string TaskId, int Level, DateTimeOffset ExpectedDueAt) : WorkflowCommand;

/// <summary>
/// Ballots of a secret vote handed over without who chose what: the members who voted and the counts of their choices
/// (e.g. a council session's ballot box at its close). Refused on an open vote.
/// </summary>
public sealed record CastSecretBallots(string StepKey, IReadOnlyList<string> Voters, VoteTally Tally, string? Comment = null) : WorkflowCommand;

/// <summary>
/// The working calendar changed (a holiday added or removed, a compensatory working day): every open task whose due time
/// is still to come gets its due time, reminders and escalation levels computed again from the instant it opened and the
/// policy it opened under, with <see cref="RuntimeContext.Calendar"/> — as if it had opened with this calendar. A task
/// whose deadline has passed (overdue, or due by now) keeps it: that is history. Reminders and levels before the due time
/// that are past by now are dropped, like at opening; levels already done stay done. A wait still running ends at its
/// recomputed instant. Changes come out as <see cref="DeadlineRecomputed"/> (and <see cref="DeadlineScheduled"/> to
/// replace the schedule; <see cref="WaitScheduled"/> for a wait); the assignee of a task whose due time moved is told
/// (<c>deadline-moved</c>). Nothing changes when the calendar changes nothing for the instance, so sending it twice is
/// harmless.
/// </summary>
public sealed record RecomputeDeadlines : WorkflowCommand
{
    /// <summary>
    /// When tasks opened, by task id, for tasks whose state does not record it (states written before
    /// <see cref="OpenTask.OpenedAt"/>); a task with neither is left as it is.
    /// </summary>
    public IReadOnlyDictionary<string, DateTimeOffset>? OpenedAt { get; init; }
}
