namespace Commendations.Engine;

/// <summary>Everything a transition needs besides the definition, state and command. Time comes in here, never from a clock.</summary>
public sealed record RuntimeContext
{
    public required DateTimeOffset Now { get; init; }
    public NominationFacts Facts { get; init; } = NominationFacts.Empty;
    public WorkingCalendar Calendar { get; init; } = WorkingCalendar.Vietnam;

    /// <summary>Committee code → member user ids in rank order (rank 1 first).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Committees { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Unit scope name → unit id, e.g. <c>nominating</c> → <c>u-123</c>.</summary>
    public IReadOnlyDictionary<string, string> UnitScopes { get; init; } = new Dictionary<string, string>();

    /// <summary>Definitions sub-route steps call (latest published, and versions instances are pinned to).</summary>
    public CalleeDefinitions Callees { get; init; } = CalleeDefinitions.Empty;
}

/// <summary>
/// Why a command was refused: a code (<see cref="RuntimeErrors"/>) and a Vietnamese template with arguments, keys and
/// ids given as <see cref="Named"/> (the application names them and translates the template). <see cref="Message"/> is
/// the Vietnamese sentence with the raw keys, for logs and tests.
/// </summary>
public sealed record RuntimeError(string Code, string Template, params object?[] Args)
{
    public string Message => EngineText.Format(Template, Args);

    public override string ToString() => $"{Code}: {Message}";
}

/// <summary>The result of a transition. On failure <see cref="State"/> is the input state and <see cref="Effects"/> is empty.</summary>
public sealed record TransitionResult(bool Succeeded, InstanceState State, IReadOnlyList<WorkflowEffect> Effects, RuntimeError? Error);

/// <summary>Refusal codes.</summary>
public static class RuntimeErrors
{
    public const string InstanceCompleted = "instance-completed";
    public const string DefinitionMismatch = "definition-mismatch";
    public const string UnknownTask = "unknown-task";
    public const string TaskClosed = "task-closed";
    public const string NotAssignee = "not-assignee";
    public const string NotYourTurn = "not-your-turn";
    public const string InvalidAction = "invalid-action";
    public const string NotCurrentStep = "not-current-step";
    public const string NotReassignable = "not-reassignable";
    public const string NotAMember = "not-a-member";
    public const string AlreadyVoted = "already-voted";
    public const string NoQuorum = "no-quorum";
    public const string StaleDeadline = "stale-deadline";
    public const string AlreadyOverdue = "already-overdue";
    public const string WaitNotElapsed = "wait-not-elapsed";
    public const string NotApplicable = "not-applicable";
    public const string UnknownCommittee = "unknown-committee";
    public const string CommitteeTooSmall = "committee-too-small";
    public const string UnknownUnitScope = "unknown-unit-scope";
    public const string MissingFact = "missing-fact";
    public const string UnknownStep = "unknown-step";
    public const string Loop = "loop";
    public const string UnknownCommand = "unknown-command";

    /// <summary>A sub-route step calls a definition (or version) the context does not provide.</summary>
    public const string UnknownCallee = "unknown-callee";

    /// <summary>A called definition ended with a result the sub-route step has no transition for.</summary>
    public const string UnhandledCalleeResult = "unhandled-callee-result";
    public const string InvalidOutput = "invalid-output";
    public const string AlreadyEscalated = "already-escalated";
    public const string EscalationNotDue = "escalation-not-due";
    public const string DeadlinePast = "deadline-past";
    public const string InvalidTally = "invalid-tally";

    /// <summary>A ballot sent by a substitute: a council vote is the member's own and cannot be cast in their place.</summary>
    public const string PersonalVote = "vote-personal";
}
