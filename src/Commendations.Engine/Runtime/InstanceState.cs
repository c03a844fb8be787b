using System.Text.Json;
using System.Text.Json.Serialization;

namespace Commendations.Engine;

[JsonConverter(typeof(JsonStringEnumConverter<InstanceStatus>))]
public enum InstanceStatus
{
    /// <summary>Only in the state of a failed <see cref="WorkflowRuntime.Start"/>.</summary>
    NotStarted,
    Running,
    Completed,
}

/// <summary>
/// The state of one workflow instance, pinned to the definition id and version it started on. Immutable; serialize it
/// with System.Text.Json (any options; <see cref="WorkflowJson.Options"/> gives camelCase).
/// </summary>
public sealed record InstanceState
{
    public required string DefinitionId { get; init; }
    public required int DefinitionVersion { get; init; }
    public required InstanceStatus Status { get; init; }

    /// <summary>Key of the step the instance is in (the end step once completed; null if withdrawn without an end step).</summary>
    public string? CurrentStep { get; init; }

    /// <summary>Starts at 1; +1 each time the dossier is returned for supplement.</summary>
    public int Round { get; init; } = 1;

    public EndResult? Result { get; init; }

    public IReadOnlyList<OpenTask> OpenTasks { get; init; } = [];

    /// <summary>Progress of the current approval or vote step.</summary>
    public StepProgress? Progress { get; init; }

    /// <summary>When the current wait step may continue.</summary>
    public DateTimeOffset? WaitUntil { get; init; }

    public IReadOnlyList<HistoryEntry> History { get; init; } = [];

    /// <summary>The number of tasks opened so far; task ids are <c>{stepKey}:r{round}:{counter}</c>.</summary>
    public int TaskCounter { get; init; }

    /// <summary>Route data: the last decided vote (counts only), read by conditions as <c>lastVote.*</c>.</summary>
    public VoteResult? LastVote { get; init; }

    /// <summary>Route data: outputs recorded by task actions, by <c>step-key.name</c>; the latest value counts.</summary>
    public IReadOnlyDictionary<string, JsonElement>? Outputs { get; init; }

    public OpenTask? FindTask(string taskId)
    {
        foreach (var task in OpenTasks)
        {
            if (string.Equals(task.TaskId, taskId, StringComparison.Ordinal)) return task;
        }
        return null;
    }

    /// <summary>
    /// Unindented: the state is stored (a jsonb column keeps no layout anyway) and rewritten on every action, so
    /// indentation would only add bytes to write, send and parse.
    /// </summary>
    public string ToJson() => JsonSerializer.Serialize(this, WorkflowJson.Compact);

    public static InstanceState FromJson(string json) =>
        JsonSerializer.Deserialize<InstanceState>(json, WorkflowJson.Options) ?? throw new JsonException("The instance state is null.");
}

/// <summary>Who a task is for: a user (committee member) or a role within a unit.</summary>
public sealed record Assignee(string? UserId = null, string? Role = null, string? UnitId = null)
{
    public static Assignee User(string userId) => new(userId, null, null);
    public static Assignee RoleInUnit(string role, string? unitId) => new(null, role, unitId);

    public override string ToString() => UserId is not null ? $"user:{UserId}" : $"role:{Role}@{UnitId ?? "-"}";
}

/// <summary>An open task with its deterministic id (use it for idempotent trigger keys).</summary>
public sealed record OpenTask(
    string TaskId,
    string StepKey,
    Assignee Assignee,
    int Sequence,
    DateTimeOffset DueAt,
    IReadOnlyList<DateTimeOffset> ReminderTimes,
    DateTimeOffset? EscalateAt = null)
{
    /// <summary>True once its deadline passed and was handled (a second DeadlinePassed is refused).</summary>
    public bool Overdue { get; init; }

    /// <summary>The instants of the step's escalation levels for this task (levels already past when it opened are left out).</summary>
    public IReadOnlyList<EscalationTime>? Escalations { get; init; }

    /// <summary>How many escalation levels are done (performed, or skipped because past at opening): each happens once.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int EscalationsDone { get; init; }

    /// <summary>When the task opened: what its due time is counted from (null in states written before it was kept).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? OpenedAt { get; init; }

    /// <summary>True when the due time came from <c>deadline.onReentry</c> (the step was entered again).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool OnReentry { get; init; }
}

/// <summary>Progress of the current step.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(SequentialProgress), "sequential")]
[JsonDerivedType(typeof(ParallelProgress), "parallel")]
[JsonDerivedType(typeof(VoteProgress), "vote")]
[JsonDerivedType(typeof(BranchesProgress), "branches")]
[JsonDerivedType(typeof(SubRouteProgress), "subRoute")]
public abstract record StepProgress
{
    /// <summary>Snapshot of the committee's members in rank order when the step was entered.</summary>
    public required IReadOnlyList<string> Members { get; init; }
}

public sealed record SequentialProgress : StepProgress
{
    /// <summary>Index in <see cref="StepProgress.Members"/> of the member whose turn it is.</summary>
    public required int Index { get; init; }
}

public sealed record ParallelProgress : StepProgress
{
    public required IReadOnlyList<string> Approvals { get; init; }
    public required IReadOnlyList<string> Rejections { get; init; }
}

public sealed record VoteProgress : StepProgress
{
    /// <summary>Each member's ballot (open votes). Empty in a secret vote.</summary>
    public required IReadOnlyList<Ballot> Ballots { get; init; }

    /// <summary>Secret vote: who has voted (refuses a second ballot, gives participation), in no meaningful order.</summary>
    public IReadOnlyList<string>? Voters { get; init; }

    /// <summary>Secret vote: the counts, kept apart from <see cref="Voters"/>.</summary>
    public VoteTally? Tally { get; init; }

    /// <summary>Members who have voted, whatever the kind of vote.</summary>
    [JsonIgnore]
    public int VotedCount => Voters?.Count ?? Ballots.Count;

    public bool HasVoted(string userId)
    {
        if (Voters is { } voters) return voters.Contains(userId);
        foreach (var ballot in Ballots) if (ballot.UserId == userId) return true;
        return false;
    }
}

[JsonConverter(typeof(JsonStringEnumConverter<VoteChoice>))]
public enum VoteChoice
{
    Yes,
    No,
    Abstain,
    Recuse,
}

public sealed record Ballot(string UserId, VoteChoice Choice);

[JsonConverter(typeof(JsonStringEnumConverter<HistoryEvent>))]
public enum HistoryEvent
{
    StepEntered,
    StepLeft,
    Acted,
    Voted,
    VoteCounted,
    Overdue,
    Withdrawn,
    Completed,

    /// <summary>Moved to another definition version by an administrator (see <see cref="InstanceMigrator"/>).</summary>
    Migrated,

    /// <summary>An escalation level of an escalation chain happened (<see cref="HistoryEntry.Level"/>).</summary>
    Escalated,

    /// <summary>A task opened with a due time already past (<see cref="PastDeadlineRule.OpenOverdue"/>).</summary>
    DeadlinePastAtEntry,

    /// <summary>An administrator ended a wait before its time, with a written reason (<see cref="WaitElapsed.EndedEarlyBy"/>).</summary>
    WaitEndedEarly,

    /// <summary>An open task was given to another person by an administrator (<see cref="ReassignTask"/>): Outcome is the new assignee.</summary>
    Reassigned,

    /// <summary>
    /// A task's due time moved because the working calendar changed (<see cref="RecomputeDeadlines"/>):
    /// <see cref="HistoryEntry.PreviousDueAt"/> → <see cref="HistoryEntry.DueAt"/>.
    /// </summary>
    DeadlineMoved,

    /// <summary>
    /// An administrator moved the instance to another step of its version (<see cref="InstanceMover"/>): <see cref="HistoryEntry.FromStep"/>
    /// → <see cref="HistoryEntry.StepKey"/>, with the reason as the comment.
    /// </summary>
    Moved,
}

/// <summary>One line of the instance's history; nothing is ever removed, returns included.</summary>
public sealed record HistoryEntry(
    DateTimeOffset At,
    int Round,
    HistoryEvent Event,
    string? StepKey = null,
    string? Outcome = null,
    string? ActorUserId = null,
    string? Comment = null,
    string? TaskId = null)
{
    /// <summary>For <see cref="HistoryEvent.Migrated"/>: the version left; <see cref="ToVersion"/> the version joined.</summary>
    public int? FromVersion { get; init; }

    public int? ToVersion { get; init; }

    /// <summary>
    /// For <see cref="HistoryEvent.Migrated"/>: the step left in the old version (<see cref="StepKey"/> is the mapped step);
    /// for <see cref="HistoryEvent.Moved"/>: the step left.
    /// </summary>
    public string? FromStep { get; init; }

    /// <summary>For <see cref="HistoryEvent.Acted"/>: the outputs the action recorded.</summary>
    public IReadOnlyDictionary<string, JsonElement>? Outputs { get; init; }

    /// <summary>For <see cref="HistoryEvent.Escalated"/>: the level (0 = first).</summary>
    public int? Level { get; init; }

    /// <summary>For <see cref="HistoryEvent.VoteCounted"/>: the counts the vote was decided on (never who voted what).</summary>
    public VoteResult? Vote { get; init; }

    /// <summary>
    /// For <see cref="HistoryEvent.Acted"/> by a substitute: who acted, in the place of <see cref="ActorUserId"/> (whose turn
    /// it was, and who stays the one counted in the review).
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SubstituteUserId { get; init; }

    /// <summary>For <see cref="HistoryEvent.DeadlineMoved"/>: the due time before and after.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? PreviousDueAt { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? DueAt { get; init; }
}
