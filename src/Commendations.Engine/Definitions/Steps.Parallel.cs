using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;

namespace Commendations.Engine;

/// <summary>
/// A fork/join: every branch acts at once — a role within a unit scope (one task) or a committee whose members
/// approve in rank order — each with its own deadline, reminders and escalation. Branch actions are
/// <c>approve</c>, <c>return</c> (when <c>transitions.returned</c> is set) and <c>reject</c> (when
/// <c>transitions.rejected</c> is set). Every branch approving takes <c>approved</c>; a return ends the step at once
/// and increases the round; what a rejection does is <see cref="OnRejection"/>.
/// The instance stays at this one step; the branches' progress is in its <see cref="BranchesProgress"/>, and a branch
/// task's step key is <c>{step}/{branch}</c> (e.g. <c>joint-check/inspectorate</c>).
/// </summary>
public sealed record ParallelStep : StepDefinition
{
    public required IReadOnlyList<ParallelBranch> Branches { get; init; }

    public BranchRejection OnRejection { get; init; } = BranchRejection.RejectImmediately;

    public required ApprovalTransitions Transitions { get; init; }

    public override IEnumerable<StepTransition> Edges() => SequentialApprovalStep.ApprovalEdges(Transitions);

    /// <summary>The actions a branch task offers (and an escalation may take).</summary>
    public IEnumerable<string> BranchActions() => SequentialApprovalStep.ApprovalActions(Transitions);

    /// <summary>Index of the branch with this key, or -1.</summary>
    public int BranchIndex(string key)
    {
        for (var i = 0; i < Branches.Count; i++)
        {
            if (string.Equals(Branches[i].Key, key, StringComparison.Ordinal)) return i;
        }
        return -1;
    }

    private static readonly ConditionalWeakTable<ParallelStep, HumanStep[]> Virtual = new();

    /// <summary>
    /// The branch as the human step its tasks belong to, keyed <c>{step}/{branch}</c>: a task step (role branch) whose
    /// actions are the branch actions, or a sequential approval (committee branch); with the branch's deadline,
    /// reminders and escalation. Deadlines, task ids and escalations of branches reuse the ordinary rules through it.
    /// </summary>
    public HumanStep BranchStep(int index) => Virtual.GetValue(this, static step => [.. step.Branches.Select(step.MakeBranchStep)])[index];

    private HumanStep MakeBranchStep(ParallelBranch branch)
    {
        var key = string.Concat(Key, StepPaths.SeparatorText, branch.Key);
        if (branch.Committee is { } committee)
        {
            return new SequentialApprovalStep
            {
                Key = key, Title = branch.Title, Meaning = Meaning, Committee = committee, Transitions = Transitions,
                Deadline = branch.Deadline, Reminders = branch.Reminders, Escalation = branch.Escalation,
            };
        }
        // A branch's actions are the approval actions, with their fixed meanings (a return or a rejection needs a reason).
        var actions = new List<TaskAction> { new() { Name = ApprovalAction.Approve, Target = Transitions.Approved, Meaning = ActionMeaning.Approve } };
        if (Transitions.Returned is { } returned)
            actions.Add(new TaskAction { Name = ApprovalAction.Return, Target = returned, ReturnsForSupplement = true, Meaning = ActionMeaning.ReturnForSupplement });
        if (Transitions.Rejected is { } rejected) actions.Add(new TaskAction { Name = ApprovalAction.Reject, Target = rejected, Meaning = ActionMeaning.Reject });
        return new TaskStep
        {
            Key = key, Title = branch.Title, Meaning = Meaning, Assignee = branch.Assignee ?? new TaskAssignee { Role = "", Scope = "" }, Actions = actions,
            Deadline = branch.Deadline, Reminders = branch.Reminders, Escalation = branch.Escalation,
        };
    }
}

/// <summary>One branch of a <see cref="ParallelStep"/>: exactly one of <see cref="Assignee"/> or <see cref="Committee"/>.</summary>
public sealed record ParallelBranch
{
    /// <summary>Kebab-case, unique within the step.</summary>
    [JsonPropertyOrder(-10)]
    public required string Key { get; init; }

    /// <summary>How people call the branch (e.g. "Thanh tra tỉnh cho ý kiến"); without it, a generic name by kind.</summary>
    public LocalizedText? Title { get; init; }

    /// <summary>A role within a unit scope: one task for whoever holds the role in that unit.</summary>
    public TaskAssignee? Assignee { get; init; }

    /// <summary>A committee (code) whose members approve one after another in rank order.</summary>
    public string? Committee { get; init; }

    /// <summary>Required: when the branch's tasks are due (each member of a committee branch gets the full deadline).</summary>
    [JsonPropertyOrder(10)]
    public Deadline? Deadline { get; init; }

    [JsonPropertyOrder(11)]
    public IReadOnlyList<Reminder>? Reminders { get; init; }

    /// <summary>What happens when a task of the branch is overdue; an <c>action</c> is one of the branch actions.</summary>
    [JsonPropertyOrder(12)]
    public Escalation? Escalation { get; init; }
}

/// <summary>What one branch's rejection does in a <see cref="ParallelStep"/>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BranchRejection>))]
public enum BranchRejection
{
    /// <summary>The step ends at once with <c>rejected</c>; the other branches' tasks are cancelled.</summary>
    [JsonStringEnumMemberName("rejectImmediately")] RejectImmediately,

    /// <summary>The other branches go on; once every branch has decided, the step takes <c>rejected</c> (a return still ends it at once).</summary>
    [JsonStringEnumMemberName("waitForAll")] WaitForAll,
}
