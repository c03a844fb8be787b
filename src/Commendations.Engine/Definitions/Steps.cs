using System.Text.Json.Serialization;

namespace Commendations.Engine;

/// <summary>An outgoing edge of a step: the JSON property it comes from (relative to the step) and its target key.</summary>
public readonly record struct StepTransition(string Path, string Target);

/// <summary>A step of a workflow, identified by a stable kebab-case key; the JSON <c>type</c> property selects the kind.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TaskStep), "task")]
[JsonDerivedType(typeof(SequentialApprovalStep), "sequentialApproval")]
[JsonDerivedType(typeof(ParallelApprovalStep), "parallelApproval")]
[JsonDerivedType(typeof(VoteStep), "vote")]
[JsonDerivedType(typeof(WaitStep), "wait")]
[JsonDerivedType(typeof(BranchStep), "branch")]
[JsonDerivedType(typeof(EndStep), "end")]
[JsonDerivedType(typeof(ParallelStep), "parallel")]
[JsonDerivedType(typeof(SubRouteStep), "subRoute")]
public abstract record StepDefinition
{
    /// <summary>The JSON <c>type</c> discriminators, in declaration order.</summary>
    public static IReadOnlyList<string> TypeNames { get; } =
        ["task", "sequentialApproval", "parallelApproval", "vote", "wait", "branch", "end", "parallel", "subRoute"];

    [JsonPropertyOrder(-10)]
    public required string Key { get; init; }

    /// <summary>What the step is for (proposal, disclosure, decision...): the application asks this, never the key.</summary>
    [JsonPropertyOrder(-9)]
    public StepMeaning? Meaning { get; init; }

    /// <summary>The step's name as people read it. Without one, a generic name by meaning or type is shown, never the key.</summary>
    [JsonPropertyOrder(-8)]
    public LocalizedText? Title { get; init; }

    /// <summary>A longer explanation for people.</summary>
    [JsonPropertyOrder(-7)]
    public LocalizedText? Description { get; init; }

    /// <summary>Outgoing transitions, with the JSON path of each relative to the step.</summary>
    public abstract IEnumerable<StepTransition> Edges();
}

/// <summary>A step performed by people: it has a deadline policy, reminders and an escalation.</summary>
public abstract record HumanStep : StepDefinition
{
    /// <summary>Required: when the step's tasks are due.</summary>
    [JsonPropertyOrder(10)]
    public Deadline? Deadline { get; init; }

    /// <summary>Reminders before the due day (see <see cref="Reminder"/>).</summary>
    [JsonPropertyOrder(11)]
    public IReadOnlyList<Reminder>? Reminders { get; init; }

    /// <summary>What happens when a task of the step is overdue.</summary>
    [JsonPropertyOrder(12)]
    public Escalation? Escalation { get; init; }

    /// <summary>An escalation chain: levels in time order, each before or after the due time (instead of <see cref="Escalation"/>).</summary>
    [JsonPropertyOrder(13)]
    public IReadOnlyList<Escalation>? Escalations { get; init; }

    /// <summary>Actions an escalation may take on this step's tasks.</summary>
    public abstract IEnumerable<string> EscalationActions();
}

/// <summary>One actor, chosen by role within a unit scope, picks one of the named actions.</summary>
public sealed record TaskStep : HumanStep
{
    public required TaskAssignee Assignee { get; init; }
    public required IReadOnlyList<TaskAction> Actions { get; init; }

    /// <summary>Values the step records for later branches (see <see cref="OutputDeclaration"/>), set by its actions.</summary>
    public IReadOnlyList<OutputDeclaration>? Outputs { get; init; }

    /// <summary>A decision step's signatures before the decision takes effect (<see cref="SigningRequirement"/>).</summary>
    public SigningRequirement? Signing { get; init; }

    public TaskAction? FindAction(string name)
    {
        foreach (var action in Actions)
        {
            if (string.Equals(action.Name, name, StringComparison.Ordinal))
            {
                return action;
            }
        }
        return null;
    }

    public override IEnumerable<StepTransition> Edges()
    {
        for (var i = 0; i < Actions.Count; i++)
        {
            yield return new StepTransition($"actions[{i}].target", Actions[i].Target);
        }
    }

    public override IEnumerable<string> EscalationActions() => Actions.Select(a => a.Name);
}

/// <summary>Role plus unit scope (a name resolved through <see cref="RuntimeContext.UnitScopes"/>).</summary>
public sealed record TaskAssignee
{
    /// <summary>Role name, e.g. <c>emulationOfficer</c>, <c>appraiser</c>, <c>provincialLeader</c>.</summary>
    public required string Role { get; init; }

    /// <summary>Unit scope: <c>nominating</c>, <c>appraisal</c>, <c>province</c>, <c>committee-secretariat</c>, ...</summary>
    public required string Scope { get; init; }
}

/// <summary>A named action of a task step.</summary>
public sealed record TaskAction
{
    public required string Name { get; init; }

    /// <summary>The button's text as people read it; without one, a generic name by meaning is shown, never the name.</summary>
    public LocalizedText? Label { get; init; }

    /// <summary>What the action does (submit, approve, returnForSupplement, reject, award).</summary>
    public ActionMeaning? Meaning { get; init; }

    public required string Target { get; init; }

    /// <summary>True when the action sends the dossier back for supplement: the round counter increases.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool ReturnsForSupplement { get; init; }

    /// <summary>A return for supplement, by flag or by meaning, starts a new round.</summary>
    [JsonIgnore]
    public bool IncreasesRound => ReturnsForSupplement || Meaning == ActionMeaning.ReturnForSupplement;
    /// <summary>Outputs this action records with fixed values, e.g. <c>{ "finding": "eligible" }</c>.</summary>
    public IReadOnlyDictionary<string, System.Text.Json.JsonElement>? Outputs { get; init; }

    /// <summary>Outputs the actor chooses when taking this action (from the declared options).</summary>
    public IReadOnlyList<string>? Asks { get; init; }
}

/// <summary>Outcomes of an approval step. <c>returned</c> always counts as a return for supplement (round + 1).</summary>
public sealed record ApprovalTransitions
{
    public required string Approved { get; init; }
    public string? Returned { get; init; }
    public string? Rejected { get; init; }
}

/// <summary>Committee members act one after another in rank order (rank 1 first); one open task at a time.</summary>
public sealed record SequentialApprovalStep : HumanStep
{
    public required string Committee { get; init; }
    public required ApprovalTransitions Transitions { get; init; }

    public override IEnumerable<StepTransition> Edges() => ApprovalEdges(Transitions);

    public override IEnumerable<string> EscalationActions() => ApprovalActions(Transitions);

    internal static IEnumerable<StepTransition> ApprovalEdges(ApprovalTransitions t)
    {
        yield return new StepTransition("transitions.approved", t.Approved);
        if (t.Returned is not null) yield return new StepTransition("transitions.returned", t.Returned);
        if (t.Rejected is not null) yield return new StepTransition("transitions.rejected", t.Rejected);
    }

    internal static IEnumerable<string> ApprovalActions(ApprovalTransitions t)
    {
        yield return ApprovalAction.Approve;
        if (t.Returned is not null) yield return ApprovalAction.Return;
        if (t.Rejected is not null) yield return ApprovalAction.Reject;
    }
}

/// <summary>All committee members get a task at once; <see cref="Required"/> approvals (M of N) approve the step.</summary>
public sealed record ParallelApprovalStep : HumanStep
{
    public required string Committee { get; init; }

    /// <summary>M: approvals needed.</summary>
    public required int Required { get; init; }

    public OnRejection OnRejection { get; init; } = OnRejection.RejectImmediately;

    public required ApprovalTransitions Transitions { get; init; }

    public override IEnumerable<StepTransition> Edges() => SequentialApprovalStep.ApprovalEdges(Transitions);

    public override IEnumerable<string> EscalationActions() => SequentialApprovalStep.ApprovalActions(Transitions);
}

/// <summary>What one rejection does in a parallel approval.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OnRejection>))]
public enum OnRejection
{
    /// <summary>The step ends at once with <c>rejected</c>.</summary>
    [JsonStringEnumMemberName("rejectImmediately")] RejectImmediately,

    /// <summary>The rejection only closes that member's task; the step is rejected once M approvals can no longer be reached.</summary>
    [JsonStringEnumMemberName("countAgainst")] CountAgainst,
}

/// <summary>The action names of approval steps.</summary>
public static class ApprovalAction
{
    public const string Approve = "approve";
    public const string Return = "return";
    public const string Reject = "reject";
}

/// <summary>
/// A council vote. Every member gets a ballot task. Participants are members who voted yes, no or abstain.
/// Quorum: participants / denominator ≥ <see cref="Quorum"/>; pass: yes / denominator ≥ <see cref="PassThreshold"/>,
/// where the denominator is the total membership (recusal <c>countsAsAbsent</c>, the default, as DOMAIN.md counts
/// thresholds against total membership) or the membership minus recused members (<c>reducesMembership</c>).
/// </summary>
public sealed record VoteStep : HumanStep
{
    public required string Committee { get; init; }

    /// <summary>Share of the denominator that must take part, in (0, 1].</summary>
    public required decimal Quorum { get; init; }

    /// <summary>Share of the denominator that must vote yes, in (0, 1].</summary>
    public required decimal PassThreshold { get; init; }

    public RecusalRule Recusal { get; init; } = RecusalRule.CountsAsAbsent;

    /// <summary>
    /// A secret ballot: the instance keeps who has voted and the counts, never who voted what (the application's session
    /// ballots likewise). A cast secret ballot cannot be changed.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Secret { get; init; }

    public required VoteTransitions Transitions { get; init; }

    public override IEnumerable<StepTransition> Edges()
    {
        yield return new StepTransition("transitions.passed", Transitions.Passed);
        yield return new StepTransition("transitions.failed", Transitions.Failed);
        if (Transitions.NoQuorum is not null) yield return new StepTransition("transitions.noQuorum", Transitions.NoQuorum);
    }

    /// <summary>The only escalation action of a vote is <c>close</c>: decide with the ballots cast so far.</summary>
    public override IEnumerable<string> EscalationActions() { yield return VoteStep.CloseAction; }

    public const string CloseAction = "close";
}

/// <summary>How recused members count in a vote.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RecusalRule>))]
public enum RecusalRule
{
    /// <summary>A recused member is not a participant and stays in the denominator (strict; the default).</summary>
    [JsonStringEnumMemberName("countsAsAbsent")] CountsAsAbsent,

    /// <summary>A recused member leaves the denominator of both quorum and pass threshold.</summary>
    [JsonStringEnumMemberName("reducesMembership")] ReducesMembership,
}

public sealed record VoteTransitions
{
    public required string Passed { get; init; }
    public required string Failed { get; init; }

    /// <summary>Optional. Without it a vote lacking quorum stays open and <c>CloseVote</c> is refused with <c>no-quorum</c>.</summary>
    public string? NoQuorum { get; init; }
}

/// <summary>Waits a number of working or calendar days (e.g. public disclosure), then goes to <see cref="Next"/>.</summary>
public sealed record WaitStep : StepDefinition
{
    public required WaitDuration Duration { get; init; }
    public required string Next { get; init; }

    public override IEnumerable<StepTransition> Edges() { yield return new StepTransition("next", Next); }
}

/// <summary>Routes on the nomination's facts: the first case whose condition holds wins, else <see cref="Default"/>.</summary>
public sealed record BranchStep : StepDefinition
{
    public required IReadOnlyList<BranchCase> Conditions { get; init; }
    public required string Default { get; init; }

    public override IEnumerable<StepTransition> Edges()
    {
        for (var i = 0; i < Conditions.Count; i++)
        {
            yield return new StepTransition($"conditions[{i}].target", Conditions[i].Target);
        }
        yield return new StepTransition("default", Default);
    }
}

public sealed record BranchCase
{
    public required Condition When { get; init; }
    public required string Target { get; init; }
}

/// <summary>Ends the instance with a result.</summary>
public sealed record EndStep : StepDefinition
{
    public required EndResult Result { get; init; }

    public override IEnumerable<StepTransition> Edges() => [];
}
