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
    // The conventions themselves are data (Resources/legacy-conventions.json): the keys and names the application once
    // recognised (DisclosureSteps, SubmitNomination.SubmitAction, IssueDecision.AwardAction, ActOnTask's reasons) and the
    // names Ui.Labels and NotificationTexts once gave steps and actions by key.
    private static readonly Conventions Known = Conventions.Load();

    private sealed record Text(string Vi, string En);

    /// <summary>The action names the application once recognised, each by the role it had.</summary>
    private sealed record ActionNames(string Submit, string Award, string Return, string Reject);

    private sealed record Conventions(
        string[] DisclosureKeyParts, ActionNames Actions, Dictionary<string, Text> StepTitles, Dictionary<string, Text> ActionLabels)
    {
        public string Submit => Actions.Submit;
        public string Award => Actions.Award;
        public string Return => Actions.Return;
        public string Reject => Actions.Reject;

        public static Conventions Load()
        {
            using var stream = typeof(LegacyMeanings).Assembly.GetManifestResourceStream("Commendations.Resources.legacy-conventions.json")
                               ?? throw new InvalidOperationException("The legacy conventions resource is missing from the build.");
            return System.Text.Json.JsonSerializer.Deserialize<Conventions>(stream, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))
                   ?? throw new InvalidOperationException("The legacy conventions resource is empty.");
        }
    }

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
            TaskStep task when task.FindAction(Known.Award) is not null => StepMeaning.Decision,
            WaitStep when Known.DisclosureKeyParts.Any(p => step.Key.Contains(p, StringComparison.Ordinal)) => StepMeaning.Disclosure,
            _ => (StepMeaning?)null,
        };
        if (meaning is not null)
            changes.Add($"{step.Key}.meaning = {meaning}");
        var title = step.Title;
        if (title is null && Known.StepTitles.TryGetValue(step.Key, out var known))
        {
            title = new LocalizedText(known.Vi, known.En);
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
        var name = action.Name;
        ActionMeaning? meaning =
            stepMeaning == StepMeaning.Proposal && name == Known.Submit ? ActionMeaning.Submit
            // A proposal's only action was what the unit's submit sent, whatever it was called.
            : stepMeaning == StepMeaning.Proposal && count == 1 ? ActionMeaning.Submit
            : stepMeaning == StepMeaning.Decision && name == Known.Award ? ActionMeaning.Award
            : name == Known.Return && action.ReturnsForSupplement ? ActionMeaning.ReturnForSupplement
            : name == Known.Reject ? ActionMeaning.Reject
            : null;
        if (meaning is not null)
            changes.Add($"{stepKey}.actions[{action.Name}].meaning = {meaning}");
        var label = action.Label;
        if (label is null && Known.ActionLabels.TryGetValue(action.Name, out var known))
        {
            label = new LocalizedText(known.Vi, known.En);
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
