using System.Text.Json.Serialization;

namespace Commendations.Engine;

/// <summary>
/// What a step is for in the commendation procedure, whatever its key. The application asks these instead of naming
/// keys: the proposal is where the unit submits, the disclosure wait is what unresolved complaints pause, the decision is
/// where the leader's award action ends the route.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<StepMeaning>))]
public enum StepMeaning
{
    /// <summary>The unit's proposal: the start step, a task of the nominating unit with exactly one <c>submit</c> action.</summary>
    [JsonStringEnumMemberName("proposal")] Proposal,

    /// <summary>Review by a committee or office.</summary>
    [JsonStringEnumMemberName("review")] Review,

    /// <summary>Public disclosure for comments: a wait that an unresolved complaint pauses.</summary>
    [JsonStringEnumMemberName("disclosure")] Disclosure,

    /// <summary>Appraisal by the commendation office.</summary>
    [JsonStringEnumMemberName("appraisal")] Appraisal,

    /// <summary>Any other check (e.g. a legal check).</summary>
    [JsonStringEnumMemberName("check")] Check,

    /// <summary>A council vote.</summary>
    [JsonStringEnumMemberName("vote")] Vote,

    /// <summary>The award decision: a task with exactly one <c>award</c> action.</summary>
    [JsonStringEnumMemberName("decision")] Decision,

    /// <summary>
    /// Forwarding to the central level, for awards decided above the province: a task of the province where its officer
    /// sends the dossier package upward and then records the central decision — its one <c>award</c> action (to an
    /// Awarded end) is that recording. It stands in for the decision step: the province decides nothing itself.
    /// </summary>
    [JsonStringEnumMemberName("forwarding")] Forwarding,
}

/// <summary>What a task action does, whatever its name.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ActionMeaning>))]
public enum ActionMeaning
{
    /// <summary>The unit sends its dossier (the proposal's one action through the dossier checks).</summary>
    [JsonStringEnumMemberName("submit")] Submit,

    /// <summary>Agrees and sends the dossier on.</summary>
    [JsonStringEnumMemberName("approve")] Approve,

    /// <summary>Sends the dossier back to an earlier step for supplement: the round increases; a written reason is required.</summary>
    [JsonStringEnumMemberName("returnForSupplement")] ReturnForSupplement,

    /// <summary>Refuses the nomination: a written reason is required.</summary>
    [JsonStringEnumMemberName("reject")] Reject,

    /// <summary>The decision's action: the decision number is its comment.</summary>
    [JsonStringEnumMemberName("award")] Award,
}

/// <summary>
/// The questions the application asks a definition about meanings: which step is the proposal, the disclosure, the
/// decision; which action of a task means submit or award; what an action means. Approval steps' built-in actions have
/// fixed meanings (approve, return = return for supplement, reject).
/// </summary>
public static class DefinitionMeanings
{
    /// <summary>The meaning of a task action: its own, or return for supplement when it is flagged so.</summary>
    public static ActionMeaning? MeaningOf(TaskAction action) =>
        action.Meaning ?? (action.ReturnsForSupplement ? ActionMeaning.ReturnForSupplement : null);

    /// <summary>The fixed meaning of an approval step's built-in action.</summary>
    public static ActionMeaning? ApprovalMeaning(string action) => action switch
    {
        ApprovalAction.Approve => ActionMeaning.Approve,
        ApprovalAction.Return => ActionMeaning.ReturnForSupplement,
        ApprovalAction.Reject => ActionMeaning.Reject,
        _ => null,
    };

    /// <summary>What doing <paramref name="action"/> at <paramref name="step"/> means, or null when nothing is declared.</summary>
    public static ActionMeaning? MeaningOf(StepDefinition? step, string action) => step switch
    {
        TaskStep task => task.FindAction(action) is { } found ? MeaningOf(found) : null,
        SequentialApprovalStep or ParallelApprovalStep => ApprovalMeaning(action),
        _ => null,
    };

    /// <summary>A return for supplement or a rejection must give a written reason.</summary>
    public static bool NeedsReason(ActionMeaning? meaning) => meaning is ActionMeaning.ReturnForSupplement or ActionMeaning.Reject;

    /// <summary>Every step declared with <paramref name="meaning"/>, in document order.</summary>
    public static IEnumerable<StepDefinition> StepsMeaning(this WorkflowDefinition definition, StepMeaning meaning) =>
        definition.Steps.Where(s => s.Meaning == meaning);

    /// <summary>The unit's proposal, or null when the definition declares none.</summary>
    public static TaskStep? ProposalStep(this WorkflowDefinition definition) =>
        definition.StepsMeaning(StepMeaning.Proposal).OfType<TaskStep>().FirstOrDefault();

    /// <summary>The proposal's submit action, or null.</summary>
    public static TaskAction? SubmitAction(this WorkflowDefinition definition) =>
        definition.ProposalStep()?.ActionWith(ActionMeaning.Submit);

    /// <summary>True when <paramref name="stepKey"/> is a step of <paramref name="definition"/> declared with <paramref name="meaning"/>.</summary>
    public static bool Means(this WorkflowDefinition definition, string? stepKey, StepMeaning meaning) =>
        stepKey is not null && definition.FindStep(stepKey)?.Meaning == meaning;

    /// <summary>The one action of a task that means <paramref name="meaning"/>, or null when there is none (or several).</summary>
    public static TaskAction? ActionWith(this TaskStep step, ActionMeaning meaning)
    {
        TaskAction? found = null;
        foreach (var action in step.Actions)
        {
            if (MeaningOf(action) != meaning) continue;
            if (found is not null) return null;
            found = action;
        }
        return found;
    }

    /// <summary>A step where the award is given: the province's decision, or the recording of a central decision.</summary>
    public static bool Awards(StepMeaning? meaning) => meaning is StepMeaning.Decision or StepMeaning.Forwarding;

    /// <summary>The award action of a forwarding step (the central decision recorded), or null when <paramref name="stepKey"/> is not one.</summary>
    public static TaskAction? CentralAwardActionAt(this WorkflowDefinition definition, string? stepKey) =>
        stepKey is not null && definition.FindStep(stepKey) is TaskStep { Meaning: StepMeaning.Forwarding } forwarding
            ? forwarding.ActionWith(ActionMeaning.Award)
            : null;

    /// <summary>The award action of a decision step, or null when <paramref name="stepKey"/> is not one.</summary>
    public static TaskAction? AwardActionAt(this WorkflowDefinition definition, string? stepKey) =>
        stepKey is not null && definition.FindStep(stepKey) is TaskStep { Meaning: StepMeaning.Decision } decision
            ? decision.ActionWith(ActionMeaning.Award)
            : null;
}
