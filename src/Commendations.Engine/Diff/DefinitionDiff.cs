using System.Globalization;

namespace Commendations.Engine;

/// <summary>
/// Compares two versions of a definition. Order is deterministic: top-level fields; removed steps (in the old
/// document's order); added steps (new order); then, for each step kept, in the new document's order, its property
/// changes (in document order) followed by its transition changes; last the layout-only changes (step order, then
/// positions by key). <c>id</c> and <c>version</c> are not compared: they identify what is being compared.
/// </summary>
public static class DefinitionDiff
{
    public static IReadOnlyList<DefinitionChange> Compare(WorkflowDefinition before, WorkflowDefinition after, bool includeLayout = true)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changes = new List<DefinitionChange>();
        CompareFields(before, after, changes);

        var oldKeys = before.Steps.Select(s => s.Key).ToList();
        var newKeys = after.Steps.Select(s => s.Key).ToList();
        foreach (var step in before.Steps.Where(s => after.FindStep(s.Key) is null))
        {
            changes.Add(new(DefinitionChangeKind.StepRemoved, step.Key, null, TypeName(step), null, $"Step '{step.Key}' ({TypeName(step)}) was removed."));
        }
        foreach (var step in after.Steps.Where(s => before.FindStep(s.Key) is null))
        {
            changes.Add(new(DefinitionChangeKind.StepAdded, step.Key, null, null, TypeName(step), $"Step '{step.Key}' ({TypeName(step)}) was added."));
        }
        foreach (var step in after.Steps)
        {
            if (before.FindStep(step.Key) is { } old) CompareStep(old, step, changes);
        }

        if (includeLayout) CompareLayout(before, after, oldKeys, newKeys, changes);
        return changes;
    }

    private static void CompareFields(WorkflowDefinition before, WorkflowDefinition after, List<DefinitionChange> changes)
    {
        Field("name", before.Name, after.Name, changes);
        Field("description", before.Description, after.Description, changes);
        Field("appliesTo.nomineeKinds", List(before.AppliesTo.NomineeKinds), List(after.AppliesTo.NomineeKinds), changes);
        Field("appliesTo.awardForms", List(before.AppliesTo.AwardForms), List(after.AppliesTo.AwardForms), changes);
        Field("start", before.Start, after.Start, changes);
        Field("onWithdraw", before.OnWithdraw, after.OnWithdraw, changes);
    }

    private static void Field(string path, string? before, string? after, List<DefinitionChange> changes)
    {
        if (before == after) return;
        changes.Add(new(DefinitionChangeKind.FieldChanged, null, path, before, after, $"The definition's {path} {ChangeText(before, after)}."));
    }

    private static void CompareStep(StepDefinition before, StepDefinition after, List<DefinitionChange> changes)
    {
        var key = after.Key;
        var oldLeaves = StepFlattener.Leaves(before).ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal);
        var newLeaves = StepFlattener.Leaves(after);
        var paths = newLeaves.Select(l => l.Key).Concat(oldLeaves.Keys.Where(k => newLeaves.All(l => l.Key != k)));
        var newByPath = newLeaves.ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var from = oldLeaves.GetValueOrDefault(path);
            var to = newByPath.GetValueOrDefault(path);
            if (from == to) continue;
            changes.Add(new(DefinitionChangeKind.StepChanged, key, path, from, to, $"In step '{key}', {path} {ChangeText(from, to)}."));
        }

        var oldOutcomes = StepFlattener.Outcomes(before).ToList();
        var newOutcomes = StepFlattener.Outcomes(after).ToList();
        foreach (var outcome in newOutcomes.Concat(oldOutcomes.Where(o => newOutcomes.All(n => n.Name != o.Name))))
        {
            string? from = oldOutcomes.FirstOrDefault(o => o.Name == outcome.Name).Target;
            string? to = newOutcomes.FirstOrDefault(o => o.Name == outcome.Name).Target;
            if (from == to) continue;
            var sentence = (from, to) switch
            {
                (null, _) => $"In step '{key}', the new outcome '{outcome.Name}' leads to '{to}'.",
                (_, null) => $"In step '{key}', the outcome '{outcome.Name}' (to '{from}') was removed.",
                _ => $"In step '{key}', the outcome '{outcome.Name}' now leads to '{to}' instead of '{from}'.",
            };
            changes.Add(new DefinitionChange(DefinitionChangeKind.TransitionChanged, key, outcome.Path, from, to, sentence) { Outcome = outcome.Name });
        }
    }

    private static void CompareLayout(WorkflowDefinition before, WorkflowDefinition after, List<string> oldKeys, List<string> newKeys, List<DefinitionChange> changes)
    {
        // Only the relative order of steps present in both versions counts; insertions are reported as StepAdded.
        var oldOrder = oldKeys.Where(newKeys.Contains).ToList();
        var newOrder = newKeys.Where(oldKeys.Contains).ToList();
        if (!oldOrder.SequenceEqual(newOrder))
        {
            changes.Add(new(DefinitionChangeKind.StepsReordered, null, "steps", string.Join(", ", oldOrder), string.Join(", ", newOrder), "The order of the steps in the document changed (routing is unaffected)."));
        }
        var oldLayout = before.Layout ?? new Dictionary<string, LayoutPosition>();
        var newLayout = after.Layout ?? new Dictionary<string, LayoutPosition>();
        foreach (var key in oldLayout.Keys.Union(newLayout.Keys).Order(StringComparer.Ordinal))
        {
            var from = oldLayout.TryGetValue(key, out var a) ? Position(a) : null;
            var to = newLayout.TryGetValue(key, out var b) ? Position(b) : null;
            if (from == to) continue;
            changes.Add(new(DefinitionChangeKind.LayoutChanged, key, "layout", from, to, $"On the diagram, step '{key}' {ChangeText(from, to)}."));
        }
    }

    private static string ChangeText(string? from, string? to) => (from, to) switch
    {
        (null, _) => $"was set to {Short(to)}",
        (_, null) => $"was removed (was {Short(from)})",
        _ => $"changed from {Short(from)} to {Short(to)}",
    };

    /// <summary>Keeps sentences short: long texts such as descriptions are cut.</summary>
    private static string Short(string? value) => value is { Length: > 60 } ? value[..57] + "…" : value ?? "";

    private static string Position(LayoutPosition p) => string.Create(CultureInfo.InvariantCulture, $"({p.X}, {p.Y})");

    private static string List(IReadOnlyList<string> values) => "[" + string.Join(", ", values) + "]";

    private static string TypeName(StepDefinition step) => step switch
    {
        TaskStep => "task",
        SequentialApprovalStep => "sequentialApproval",
        ParallelApprovalStep => "parallelApproval",
        VoteStep => "vote",
        WaitStep => "wait",
        BranchStep => "branch",
        EndStep => "end",
        ParallelStep => "parallel",
        SubRouteStep => "subRoute",
        _ => step.GetType().Name,
    };
}
