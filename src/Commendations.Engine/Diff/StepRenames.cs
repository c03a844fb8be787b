using System.Text.Json;
using System.Text.Json.Nodes;

namespace Commendations.Engine;

/// <summary>
/// Finds steps whose key changed and nothing else: a step removed and one added whose content (everything but the
/// key, references to renamed steps read under their new keys) is equal. The diff then compares the earlier version
/// with those keys already renamed, so the rename is one change and the transitions that follow it are not reported.
/// </summary>
internal static class StepRenames
{
    /// <summary>Old key → new key, in the earlier version's order.</summary>
    public static IReadOnlyDictionary<string, string> Find(WorkflowDefinition before, WorkflowDefinition after)
    {
        var removed = before.Steps.Where(s => after.FindStep(s.Key) is null).ToList();
        var added = after.Steps.Where(s => before.FindStep(s.Key) is null).ToList();
        var renames = new Dictionary<string, string>(StringComparer.Ordinal);
        if (removed.Count == 0 || added.Count == 0) return renames;

        // Steps renamed together may point at each other: repeat until no further pair matches.
        bool found;
        do
        {
            found = false;
            foreach (var old in removed.Where(s => !renames.ContainsKey(s.Key)))
            {
                foreach (var candidate in added.Where(a => !renames.ContainsValue(a.Key)))
                {
                    var trial = new Dictionary<string, string>(renames, StringComparer.Ordinal) { [old.Key] = candidate.Key };
                    if (Content(Rename(old, trial)) != Content(candidate)) continue;
                    renames[old.Key] = candidate.Key;
                    found = true;
                    break;
                }
            }
        }
        while (found);
        return renames;
    }

    /// <summary>The earlier version with the renamed steps under their new keys, everywhere they are referred to.</summary>
    public static WorkflowDefinition Apply(WorkflowDefinition definition, IReadOnlyDictionary<string, string> renames)
    {
        if (renames.Count == 0) return definition;
        string Map(string key) => renames.GetValueOrDefault(key, key);
        return definition with
        {
            Start = Map(definition.Start),
            OnWithdraw = definition.OnWithdraw is { } w ? Map(w) : null,
            Steps = [.. definition.Steps.Select(s => Rename(s, renames))],
            Layout = definition.Layout?.ToDictionary(p => Map(p.Key), p => p.Value, StringComparer.Ordinal),
        };
    }

    /// <summary>The step with its key and its transition targets renamed (through its JSON form, whatever its type).</summary>
    private static StepDefinition Rename(StepDefinition step, IReadOnlyDictionary<string, string> renames)
    {
        var node = JsonSerializer.SerializeToNode(step, WorkflowJson.Options)!.AsObject();
        node["key"] = renames.GetValueOrDefault(step.Key, step.Key);
        foreach (var edge in step.Edges())
        {
            if (edge.Target is not null && renames.TryGetValue(edge.Target, out var renamed)) Set(node, edge.Path, renamed);
        }
        return node.Deserialize<StepDefinition>(WorkflowJson.Options)!;
    }

    private static string Content(StepDefinition step)
    {
        var node = JsonSerializer.SerializeToNode(step, WorkflowJson.Options)!.AsObject();
        node.Remove("key");
        return node.ToJsonString();
    }

    /// <summary>Sets a value at an edge path relative to the step: <c>next</c>, <c>transitions.approved</c>, <c>actions[0].target</c>.</summary>
    private static void Set(JsonObject step, string path, string value)
    {
        JsonNode current = step;
        var parts = path.Split('.');
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? part : part[..bracket];
            if (i == parts.Length - 1 && bracket < 0)
            {
                current[name] = value;
                return;
            }
            current = current[name]!;
            if (bracket >= 0) current = current[int.Parse(part.AsSpan(bracket + 1, part.Length - bracket - 2), System.Globalization.CultureInfo.InvariantCulture)]!;
        }
    }
}
