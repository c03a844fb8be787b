using Commendations.Engine;

namespace Commendations.Workflow;

/// <summary>What a transition decided for the nomination as a whole, when it decided something beyond moving on.</summary>
public enum HandOverKind
{
    /// <summary>An action meaning <c>returnForSupplement</c> sent the dossier back.</summary>
    Returned,

    /// <summary>The route ended not awarded: an action meaning <c>reject</c>, a council vote that did not pass, or the system.</summary>
    Rejected,

    Withdrawn,

    /// <summary>The decision's award action ended the route awarded.</summary>
    Awarded,
}

/// <summary>An administrator's repair that moved the route: a wait ended early, or the instance moved to another step.</summary>
public enum RepairKind
{
    WaitEndedEarly,
    Moved,
}

/// <summary>What a repair did, for the people it concerns: from which step, to which, and the written reason.</summary>
public sealed record RepairNotice(RepairKind Kind, string? FromStep, string? ToStep, string? Reason);

/// <summary>A task a transition opened or cancelled, with whom it is (was) for.</summary>
public sealed record HandOverTask(string TaskId, string StepKey, string? UserId, string? Role, string? UnitId, DateTimeOffset DueAt);

/// <summary>
/// The counts a council vote was decided on, with the rule it was decided by: yes / no / abstain of the whole
/// membership (recused members out of the denominator when the step says so), quorum and pass threshold met or not.
/// Never who voted what. Stored in the <c>vote.counted</c> audit entry and read back by the timeline.
/// </summary>
public sealed record VoteCount(int Yes, int No, int Abstain, int Recused, int Members, int Denominator, decimal Quorum, decimal PassThreshold,
    string Outcome, bool Secret)
{
    public int Participants => Yes + No + Abstain;

    public bool QuorumMet => Denominator > 0 && (decimal)Participants / Denominator >= Quorum;

    public bool ThresholdMet => Denominator > 0 && (decimal)Yes / Denominator >= PassThreshold;

    public bool Passed => Outcome == Outcomes.Passed;

    public static VoteCount Of(VoteStep step, VoteResult vote) => new(vote.Yes, vote.No, vote.Abstain, vote.Recused, vote.Members,
        vote.Members - (step.Recusal == RecusalRule.ReducesMembership ? vote.Recused : 0), step.Quorum, step.PassThreshold, vote.Outcome, step.Secret);
}

/// <summary>
/// What one transition handed over, read from the engine's effects and history and the definition's meanings (never
/// from step keys or action names), written to the outbox in the transition's transaction
/// (<see cref="OutboxKinds.HandOver"/>). The dispatcher tells whoever it concerns (<c>HandOverNotifier</c>), never the
/// actor.
/// </summary>
public sealed record HandOver(Guid InstanceId, Guid NominationId, string? ActorUserId, int Round)
{
    /// <summary>Tasks opened: someone's turn (a member in sequence, each voter, a branch, a step of a sub-route).</summary>
    public IReadOnlyList<HandOverTask> Opened { get; init; } = [];

    /// <summary>Tasks closed without being acted on (a withdrawal, the step decided otherwise).</summary>
    public IReadOnlyList<HandOverTask> Cancelled { get; init; } = [];

    public HandOverKind? Kind { get; init; }

    /// <summary>Where <see cref="Kind"/> happened: the acted step (returned, rejected, awarded) or the decided vote.</summary>
    public string? Step { get; init; }

    /// <summary>The acted task (a return's dedupe key: one notification per return).</summary>
    public string? TaskId { get; init; }

    /// <summary>The written reason of a return, rejection or withdrawal; the decision number of an award.</summary>
    public string? Reason { get; init; }

    /// <summary>A council vote decided in this transition.</summary>
    public VoteCount? Vote { get; init; }

    public string? VoteStep { get; init; }

    /// <summary>A public-disclosure wait entered (meaning <c>disclosure</c>), and until when.</summary>
    public string? DisclosureStep { get; init; }

    public DateTimeOffset? DisclosureUntil { get; init; }

    /// <summary>A repair in this transition (the unit is told even when no task opened for it).</summary>
    public RepairNotice? Repair { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsNews => Opened.Count > 0 || Kind is not null || DisclosureStep is not null || Repair is not null;

    /// <summary>
    /// Reads a transition: <paramref name="before"/> is the state it started from (its history is the prefix of the new
    /// one), <paramref name="cancelled"/> the tasks it closed without an action (the caller knows their assignees).
    /// </summary>
    public static HandOver Describe(Guid instanceId, Guid nominationId, string? actorUserId, WorkflowDefinition definition, InstanceState before,
        CalleeDefinitions? callees, TransitionResult result, IReadOnlyList<HandOverTask> cancelled)
    {
        var state = result.State;
        var handOver = new HandOver(instanceId, nominationId, actorUserId, state.Round)
        {
            Opened = result.Effects.OfType<TaskOpened>()
                .Select(t => new HandOverTask(t.TaskId, t.StepKey, t.Assignee.UserId, t.Assignee.Role, t.Assignee.UnitId, t.DueAt)).ToList(),
            Cancelled = cancelled,
        };
        var news = state.History.Skip(before.History.Count).ToList();
        StepDefinition? Step(string key) => StepPaths.Resolve(definition, key, before, callees) ?? StepPaths.Resolve(definition, key, state, callees);

        // The decisive action, by what it means.
        HistoryEntry? returned = null, rejected = null, acted = null;
        foreach (var entry in news.Where(e => e.Event == HistoryEvent.Acted && e.StepKey is not null && e.Outcome is not null))
        {
            acted = entry;
            switch (DefinitionMeanings.MeaningOf(Step(entry.StepKey!), entry.Outcome!))
            {
                case ActionMeaning.ReturnForSupplement:
                    returned = entry;
                    break;
                case ActionMeaning.Reject:
                    rejected = entry;
                    break;
            }
        }
        var counted = news.LastOrDefault(e => e.Event == HistoryEvent.VoteCounted && e.Vote is not null && e.StepKey is not null);
        if (counted is not null && Step(counted.StepKey!) is VoteStep voteStep)
            handOver = handOver with { Vote = VoteCount.Of(voteStep, counted.Vote!), VoteStep = counted.StepKey };

        if (result.Effects.OfType<InstanceCompleted>().FirstOrDefault() is { } completed)
        {
            handOver = completed.Result switch
            {
                EndResult.Awarded => handOver with { Kind = HandOverKind.Awarded, Step = acted?.StepKey, TaskId = acted?.TaskId, Reason = acted?.Comment },
                EndResult.Withdrawn => handOver with
                {
                    Kind = HandOverKind.Withdrawn,
                    Reason = news.LastOrDefault(e => e.Event == HistoryEvent.Withdrawn)?.Comment,
                },
                _ => rejected is not null
                    ? handOver with { Kind = HandOverKind.Rejected, Step = rejected.StepKey, TaskId = rejected.TaskId, Reason = rejected.Comment }
                    : handOver with { Kind = HandOverKind.Rejected, Step = handOver.VoteStep ?? acted?.StepKey, TaskId = acted?.TaskId },
            };
        }
        else if (returned is not null)
        {
            handOver = handOver with { Kind = HandOverKind.Returned, Step = returned.StepKey, TaskId = returned.TaskId, Reason = returned.Comment };
        }

        foreach (var entry in news)
        {
            handOver = entry.Event switch
            {
                HistoryEvent.WaitEndedEarly => handOver with { Repair = new RepairNotice(RepairKind.WaitEndedEarly, entry.StepKey, state.CurrentStep, entry.Comment) },
                HistoryEvent.Moved => handOver with { Repair = new RepairNotice(RepairKind.Moved, entry.FromStep, entry.StepKey, entry.Comment) },
                _ => handOver,
            };
        }

        foreach (var entered in result.Effects.OfType<StepEntered>())
        {
            if (Step(entered.StepKey) is WaitStep { Meaning: StepMeaning.Disclosure }
                && result.Effects.OfType<WaitScheduled>().FirstOrDefault(w => w.StepKey == entered.StepKey) is { } wait)
                handOver = handOver with { DisclosureStep = entered.StepKey, DisclosureUntil = wait.Until };
        }
        return handOver;
    }
}
