using Commendations.Engine;

namespace Commendations.Workflow;

/// <summary>
/// THE ONLY PLACE the conventions of definitions written before meanings existed are spelt out. Until then the
/// application recognised steps and actions by their keys and names; every installation has such versions published
/// (the shipped files' first versions) and administrators may have published their own. <see cref="LegacyDefinitionUpgrade"/>
/// runs this once per stored version at start-up, records it and audits it; the shipped-file import runs it on a file
/// without meanings so that both read alike. Nothing else in the application may name a step key or action name.
/// <para>
/// It only adds meanings and display names where none is written, and never anything that changes routing: an action
/// named <c>return</c> becomes a return for supplement only when it already increased the round (the flag), since the
/// meaning would otherwise make it do so.
/// </para>
/// </summary>
public static class LegacyMeanings
{
    // Was DisclosureSteps: "a wait whose key mentions 'disclosure' or 'cong-khai'".
    private static readonly string[] DisclosureKeyParts = ["disclosure", "cong-khai"];

    // Was SubmitNomination.SubmitAction, IssueDecision.AwardAction and ActOnTask's reasons ("return", "reject").
    private const string SubmitName = "submit";
    private const string AwardName = "award";
    private const string ReturnName = "return";
    private const string RejectName = "reject";

    // Was Ui.Labels.Step, Scheduling.NotificationTexts (names by step key) and Ui.Labels.Action (names by action name).
    private static readonly Dictionary<string, LocalizedText> StepTitles = new(StringComparer.Ordinal)
    {
        ["unit-proposal"] = new("Đơn vị lập và trình hồ sơ", "Unit's proposal"),
        ["committee-review"] = new("Ban Chỉ đạo xem xét", "Steering committee review"),
        ["public-disclosure"] = new("Công khai, lấy ý kiến", "Public disclosure for comments"),
        ["appraisal"] = new("Thẩm định", "Appraisal"),
        ["council-vote"] = new("Hội đồng bỏ phiếu", "Council vote"),
        ["decision"] = new("Quyết định khen thưởng", "Award decision"),
        ["awarded"] = new("Đã khen thưởng", "Awarded"),
        ["rejected"] = new("Không được khen thưởng", "Not awarded"),
        ["withdrawn"] = new("Đã rút", "Withdrawn"),
    };

    private static readonly Dictionary<string, LocalizedText> ActionLabels = new(StringComparer.Ordinal)
    {
        [SubmitName] = new("Trình hồ sơ", "Submit the dossier"),
        ["approve"] = new("Đồng ý", "Approve"),
        [ReturnName] = new("Trả lại, yêu cầu bổ sung", "Return for supplement"),
        [RejectName] = new("Không đồng ý", "Reject"),
        ["forward"] = new("Chuyển bước tiếp theo", "Forward"),
        [AwardName] = new("Ký quyết định khen thưởng", "Sign the award decision"),
    };

    /// <summary>True when the definition declares any meaning: then it is read as written, never annotated.</summary>
    public static bool HasMeanings(WorkflowDefinition definition) =>
        definition.Steps.Any(s => s.Meaning is not null || (s is TaskStep t && t.Actions.Any(a => a.Meaning is not null)));

    /// <summary>The definition with the old conventions written out as meanings and names, and a line per addition.</summary>
    public static (WorkflowDefinition Definition, IReadOnlyList<string> Changes) Annotate(WorkflowDefinition definition)
    {
        if (HasMeanings(definition))
            return (definition, []);
        var changes = new List<string>();
        var steps = definition.Steps.Select(step => AnnotateStep(definition, step, changes)).ToList();
        return (definition with { Steps = steps }, changes);
    }

    private static StepDefinition AnnotateStep(WorkflowDefinition definition, StepDefinition step, List<string> changes)
    {
        var meaning = step switch
        {
            TaskStep { Assignee.Scope: RuntimeContextFactory.NominatingScope } when step.Key == definition.Start => StepMeaning.Proposal,
            TaskStep task when task.FindAction(AwardName) is not null => StepMeaning.Decision,
            WaitStep when DisclosureKeyParts.Any(p => step.Key.Contains(p, StringComparison.Ordinal)) => StepMeaning.Disclosure,
            _ => (StepMeaning?)null,
        };
        if (meaning is not null)
            changes.Add($"{step.Key}.meaning = {meaning}");
        var title = step.Title;
        if (title is null && StepTitles.TryGetValue(step.Key, out var known))
        {
            title = known;
            changes.Add($"{step.Key}.title = {known.Vi}");
        }
        var annotated = step with { Meaning = meaning, Title = title };
        if (annotated is not TaskStep withActions)
            return annotated;
        var actions = withActions.Actions.Select(action => AnnotateAction(step.Key, meaning, withActions.Actions.Count, action, changes)).ToList();
        return withActions with { Actions = actions };
    }

    private static TaskAction AnnotateAction(string stepKey, StepMeaning? stepMeaning, int count, TaskAction action, List<string> changes)
    {
        var meaning = (stepMeaning, action.Name) switch
        {
            (StepMeaning.Proposal, SubmitName) => ActionMeaning.Submit,
            // A proposal's only action was what the unit's submit sent, whatever it was called.
            (StepMeaning.Proposal, _) when count == 1 => ActionMeaning.Submit,
            (StepMeaning.Decision, AwardName) => ActionMeaning.Award,
            (_, ReturnName) when action.ReturnsForSupplement => ActionMeaning.ReturnForSupplement,
            (_, RejectName) => ActionMeaning.Reject,
            _ => (ActionMeaning?)null,
        };
        if (meaning is not null)
            changes.Add($"{stepKey}.actions[{action.Name}].meaning = {meaning}");
        var label = action.Label;
        if (label is null && ActionLabels.TryGetValue(action.Name, out var known))
        {
            label = known;
            changes.Add($"{stepKey}.actions[{action.Name}].label = {known.Vi}");
        }
        return action with { Meaning = meaning, Label = label };
    }

    /// <summary>
    /// The definition without what <see cref="Annotate"/> may add (meanings and display names): an annotated version must
    /// equal its original after both are stripped, which proves the routing is untouched.
    /// </summary>
    public static WorkflowDefinition Strip(WorkflowDefinition definition) => definition with
    {
        Steps = definition.Steps.Select(s => s is TaskStep t
            ? t with { Meaning = null, Title = null, Actions = t.Actions.Select(a => a with { Meaning = null, Label = null }).ToList() }
            : s with { Meaning = null, Title = null }).ToList(),
    };
}
