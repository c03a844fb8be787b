using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Commendations.Engine;

/// <summary>
/// Turns a step into ordered (path → short value) leaves for diffing, and lists its outcomes. Task actions are keyed
/// by name (<c>actions[return].label</c>) and parallel branches by key (<c>branches[inspectorate].deadline.workingDays</c>)
/// rather than by index, so inserting one does not report every later one.
/// </summary>
internal static class StepFlattener
{
    public readonly record struct Outcome(string Name, string Path, string Target);

    public static List<KeyValuePair<string, string>> Leaves(StepDefinition step)
    {
        var node = JsonSerializer.SerializeToNode(step, WorkflowJson.Options)!.AsObject();
        node.Remove("key");
        var leaves = new List<KeyValuePair<string, string>>();
        Flatten(node, "", leaves);
        var transitionPaths = Outcomes(step).Select(o => o.Path).ToHashSet(StringComparer.Ordinal);
        leaves.RemoveAll(l => transitionPaths.Contains(l.Key));
        return leaves;
    }

    public static IEnumerable<Outcome> Outcomes(StepDefinition step)
    {
        if (step is TaskStep task)
        {
            foreach (var action in task.Actions) yield return new Outcome(action.Name, $"actions[{action.Name}].target", action.Target);
            yield break;
        }
        foreach (var edge in step.Edges())
        {
            var name = edge.Path switch
            {
                var p when p.StartsWith("transitions.", StringComparison.Ordinal) => p["transitions.".Length..],
                var p when p.EndsWith(".target", StringComparison.Ordinal) => p[..^".target".Length],
                var p => p,
            };
            yield return new Outcome(name, edge.Path, edge.Target);
        }
    }

    private static void Flatten(JsonNode? node, string path, List<KeyValuePair<string, string>> leaves)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj) Flatten(child, path.Length == 0 ? name : $"{path}.{name}", leaves);
                break;
            case JsonArray array when array.All(e => e is JsonValue or null):
                leaves.Add(new(path, Render(array)));
                break;
            case JsonArray array:
                var byName = NamesIfUnique(array);
                for (var i = 0; i < array.Count; i++)
                {
                    // A keyed element's name is its identity, already in the path.
                    var element = byName is null ? array[i] : WithoutName(array[i]!.AsObject());
                    Flatten(element, $"{path}[{byName?[i] ?? i.ToString(CultureInfo.InvariantCulture)}]", leaves);
                }
                break;
            default:
                leaves.Add(new(path, Render(node)));
                break;
        }
    }

    private static JsonObject WithoutName(JsonObject element)
    {
        var copy = element.DeepClone().AsObject();
        copy.Remove("name");
        copy.Remove("key");
        return copy;
    }

    /// <summary>Elements named by a unique <c>name</c> (task actions) or <c>key</c> (parallel branches), else null.</summary>
    private static string?[]? NamesIfUnique(JsonArray array)
    {
        foreach (var property in (string[])["name", "key"])
        {
            var names = array.Select(e => e is JsonObject o && o[property] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).ToArray();
            if (names.All(n => n is not null) && names.Distinct(StringComparer.Ordinal).Count() == names.Length) return names;
        }
        return null;
    }

    /// <summary>Short text of a JSON value: strings unquoted, arrays as <c>[a, b]</c>.</summary>
    public static string Render(JsonNode? node) => node switch
    {
        null => "null",
        JsonArray array => "[" + string.Join(", ", array.Select(Render)) + "]",
        JsonValue value when value.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };
}
