using System.Text.Json;

namespace Commendations.Engine.Tests.Support;

/// <summary>A scenario file: a definition, a context, a script of commands with expectations, and the expected outcome.</summary>
public sealed record Scenario
{
    public required string Description { get; init; }

    /// <summary>Path of the definition relative to the repository root.</summary>
    public required string Definition { get; init; }

    /// <summary>Definitions its sub-route steps call, as the latest published versions (paths relative to the repository root).</summary>
    public string[] Callees { get; init; } = [];

    public required DateTimeOffset Start { get; init; }
    public Dictionary<string, JsonElement> Facts { get; init; } = [];
    public Dictionary<string, string[]> Committees { get; init; } = [];
    public Dictionary<string, string>? UnitScopes { get; init; }
    public Dictionary<string, ScenarioActor> Actors { get; init; } = [];
    public DateOnly[] Holidays { get; init; } = [];
    public Expectation? StartExpect { get; init; }
    public List<ScriptStep> Script { get; init; } = [];
    public string[]? ExpectedPath { get; init; }
    public string? ExpectedResult { get; init; }
    public string? ExpectedStatus { get; init; }
    public int? ExpectedRound { get; init; }
    public string[] ExpectedHistory { get; init; } = [];
}

public sealed record ScenarioActor(string UserId, string[] Roles, string? UnitId);

public sealed record ScriptStep
{
    public string? Note { get; init; }

    /// <summary>The command's time; defaults to the task's due time (deadline), the wait's end (waitElapsed) or the previous time.</summary>
    public DateTimeOffset? At { get; init; }

    public ActCommand? Act { get; init; }
    public VoteCommand? Vote { get; init; }
    public StepCommand? CloseVote { get; init; }
    public DeadlineCommand? Deadline { get; init; }
    public StepCommand? WaitElapsed { get; init; }
    public WithdrawCommand? Withdraw { get; init; }
    public Expectation Expect { get; init; } = new();
}

public sealed record ActCommand(string Task, string By, string Action, string? Comment);
public sealed record VoteCommand(string Step, string By, VoteChoice Choice);
public sealed record StepCommand(string Step, string? By);
public sealed record DeadlineCommand(string Task, DateTimeOffset? Due);
public sealed record WithdrawCommand(string By, string? Comment);

public sealed record Expectation
{
    public bool Ok { get; init; } = true;
    public string? Error { get; init; }
    public string? Step { get; init; }
    public int? Round { get; init; }
    public string? Status { get; init; }

    /// <summary>Open tasks after the command, rendered as "{taskId} {assignee}".</summary>
    public string[]? OpenTasks { get; init; }

    /// <summary>The exact list of effects, rendered by <see cref="EffectText"/>.</summary>
    public string[]? Effects { get; init; }

    /// <summary>Effects that must appear (in this order, other effects between them allowed).</summary>
    public string[]? EffectsInclude { get; init; }
}
