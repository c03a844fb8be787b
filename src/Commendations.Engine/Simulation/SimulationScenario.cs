using System.Text.Json;

namespace Commendations.Engine;

/// <summary>
/// A saved "what if": a nomination's facts, a start time and an ordered list of actions, re-runnable against any
/// version. JSON shape (camelCase, see <c>workflows/README.md</c>): <c>{ name?, start, facts, delayWorkingHours?, actions }</c>.
/// </summary>
public sealed record SimulationScenario
{
    public string? Name { get; init; }

    public required DateTimeOffset Start { get; init; }

    /// <summary>Facts by name (<see cref="FactCatalog"/>): strings, numbers, dates as <c>"yyyy-MM-dd"</c>.</summary>
    public IReadOnlyDictionary<string, JsonElement> Facts { get; init; } = new Dictionary<string, JsonElement>();

    /// <summary>Default delay between a task opening (or the previous action) and acting on it, in working hours.</summary>
    public decimal DelayWorkingHours { get; init; } = 1;

    public IReadOnlyList<SimulationAction> Actions { get; init; } = [];

    public string ToJson() => JsonSerializer.Serialize(this, WorkflowJson.Options);

    /// <summary>Strict: unknown properties are refused, like definitions.</summary>
    public static SimulationScenario FromJson(string json) =>
        JsonSerializer.Deserialize<SimulationScenario>(json, WorkflowJson.Options) ?? throw new JsonException("The scenario is null.");
}

/// <summary>
/// One scripted action. <see cref="Action"/> is <c>vote</c>, <c>closeVote</c>, <c>letDeadlinePass</c>,
/// <c>waitElapses</c>, <c>withdraw</c>, or else the name of an action on the open task (<c>approve</c>, <c>return</c>,
/// <c>reject</c> on approvals; a task step's own action names), performed as that task's assignee.
/// </summary>
public sealed record SimulationAction
{
    public required string Action { get; init; }

    /// <summary>When several tasks are open (parallel approval), the assignee to act as: a user id or a role.</summary>
    public string? As { get; init; }

    /// <summary>
    /// When several tasks are open, the step whose task to act on: its key, a nested key (<c>joint-check/inspectorate</c>,
    /// <c>discipline-check/complaint-check</c>) or the last part of one (<c>inspectorate</c>).
    /// </summary>
    public string? Step { get; init; }

    /// <summary>An explicit time; otherwise the delay after the task opened (or the previous action), in working hours.</summary>
    public DateTimeOffset? At { get; init; }

    public decimal? DelayWorkingHours { get; init; }

    public string? Comment { get; init; }

    /// <summary>For <c>vote</c>: counts, given to members in rank order (yes first, then no, abstain, recuse).</summary>
    public VoteCounts? Votes { get; init; }

    /// <summary>For <c>vote</c>: each member's choice, by user id, cast in the order given.</summary>
    public IReadOnlyDictionary<string, VoteChoice>? Ballots { get; init; }

    /// <summary>For a task action that asks outputs: the values chosen, by output name.</summary>
    public IReadOnlyDictionary<string, JsonElement>? Outputs { get; init; }
}

public sealed record VoteCounts
{
    public int Yes { get; init; }
    public int No { get; init; }
    public int Abstain { get; init; }
    public int Recuse { get; init; }
}

/// <summary>The reserved action names of <see cref="SimulationAction.Action"/>.</summary>
public static class SimulationActions
{
    public const string Vote = "vote";
    public const string CloseVote = "closeVote";
    public const string LetDeadlinePass = "letDeadlinePass";
    public const string WaitElapses = "waitElapses";

    /// <summary>Time jumps to the next escalation level of the open tasks (or to <c>at</c>) and every level due by then happens.</summary>
    public const string Escalate = "escalate";
    public const string Withdraw = "withdraw";
}
