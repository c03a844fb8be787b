namespace Commendations.Engine;

/// <summary>
/// Publish-time checks of the route data branch conditions read: an output must be declared by the task step it names and
/// compared with values of its type; an output or a <c>lastVote.*</c> fact must be recorded on every path from the start to
/// the branch, unless the comparison has a <c>default</c>. "Recorded on every path" is a must-analysis over the step graph:
/// an action edge of a task step records the outputs it fixes or asks, any outcome of a vote step records the last vote.
/// </summary>
public static class RouteDataFlow
{
    /// <summary>The route data key of <c>lastVote.*</c> facts in the analysis.</summary>
    public const string LastVoteKey = "lastVote";

    /// <summary><c>step-key.name</c> → (step key, output name), or null when the text has another shape.</summary>
    public static (string Step, string Name)? SplitOutput(string output)
    {
        var dot = output.LastIndexOf('.');
        if (dot <= 0 || dot == output.Length - 1) return null;
        var step = output[..dot];
        var name = output[(dot + 1)..];
        return WorkflowDefinitionValidator.IsKebab(step) && IsOutputName(name) ? (step, name) : null;
    }

    internal static bool IsOutputName(string name) =>
        name.Length > 0 && char.IsAsciiLetterLower(name[0]) && name.All(char.IsAsciiLetterOrDigit);

    /// <summary>The route data an edge records: outputs of a task action (fixed and asked), or the last vote of a vote step.</summary>
    internal static IEnumerable<(string Target, IReadOnlyCollection<string> Records)> Edges(StepDefinition step)
    {
        switch (step)
        {
            case TaskStep task:
                foreach (var action in task.Actions)
                {
                    var records = (action.Outputs?.Keys ?? []).Concat(action.Asks ?? []).Select(n => $"{task.Key}.{n}").ToArray();
                    yield return (action.Target, records);
                }
                break;
            case VoteStep vote:
                foreach (var edge in vote.Edges()) yield return (edge.Target, [LastVoteKey]);
                break;
            default:
                foreach (var edge in step.Edges()) yield return (edge.Target, []);
                break;
        }
    }

    /// <summary>
    /// For each step, the route data recorded on every path from <paramref name="start"/> to it (null: the step is not
    /// reached from there). <paramref name="initial"/> is what the instance has at the start (empty for a new instance).
    /// </summary>
    public static Dictionary<string, HashSet<string>?> RecordedOnEveryPath(WorkflowDefinition definition, string start, IEnumerable<string> initial)
    {
        var result = new Dictionary<string, HashSet<string>?>(StringComparer.Ordinal);
        foreach (var step in definition.Steps) if (step.Key is not null) result.TryAdd(step.Key, null);
        if (!result.ContainsKey(start)) return result;
        result[start] = [.. initial];
        var queue = new Queue<string>([start]);
        while (queue.Count > 0)
        {
            var key = queue.Dequeue();
            if (definition.FindStep(key) is not { } step || result[key] is not { } here) continue;
            foreach (var (target, records) in Edges(step))
            {
                if (!result.TryGetValue(target, out var there)) continue;
                var arriving = new HashSet<string>(here, StringComparer.Ordinal);
                arriving.UnionWith(records);
                if (target == start) continue; // what the instance starts with is all a path through the start guarantees
                if (there is null)
                {
                    result[target] = arriving;
                    queue.Enqueue(target);
                }
                else if (there.RemoveWhere(r => !arriving.Contains(r)) > 0)
                {
                    queue.Enqueue(target);
                }
            }
        }
        return result;
    }

    /// <summary>Every comparison of a branch condition, with its JSON path.</summary>
    internal static IEnumerable<(Condition Comparison, string Path)> Comparisons(Condition condition, string path)
    {
        if (condition.All is { } all)
        {
            for (var i = 0; i < all.Count; i++) foreach (var c in Comparisons(all[i], $"{path}.all[{i}]")) yield return c;
        }
        else if (condition.Any is { } any)
        {
            for (var i = 0; i < any.Count; i++) foreach (var c in Comparisons(any[i], $"{path}.any[{i}]")) yield return c;
        }
        else if (condition.Not is { } not)
        {
            foreach (var c in Comparisons(not, $"{path}.not")) yield return c;
        }
        else
        {
            yield return (condition, path);
        }
    }

    /// <summary>Whether any comparison of <paramref name="condition"/> reads the fact <paramref name="fact"/>.</summary>
    public static bool ReadsFact(Condition condition, string fact) => Comparisons(condition, "").Any(c => c.Comparison.Fact == fact);

    /// <summary>The route data key a comparison reads (an output, or the last vote), or null for a nomination fact or the round.</summary>
    internal static string? ReadKey(Condition comparison) =>
        comparison.Output is { } output ? output
        : comparison.Fact is { } fact && fact.StartsWith(FactCatalog.LastVotePrefix, StringComparison.Ordinal) ? LastVoteKey
        : null;

    /// <summary>The declaration of an output named <c>step-key.name</c>, or null.</summary>
    internal static OutputDeclaration? Declaration(WorkflowDefinition definition, string output) =>
        SplitOutput(output) is { } split && definition.FindStep(split.Step) is TaskStep task
            ? task.Outputs?.FirstOrDefault(o => o.Name == split.Name)
            : null;

    internal static FactDescriptor Descriptor(string output, OutputDeclaration declaration) => new(output, declaration.Type switch
    {
        OutputType.Number => FactType.Number,
        OutputType.Boolean => FactType.Boolean,
        _ => FactType.String,
    }, declaration.Options);

    /// <summary>Checks every branch's route data reads; see the class summary.</summary>
    internal static void Check(WorkflowDefinition definition, WorkflowDefinitionValidator.AddProblem add)
    {
        var recorded = RecordedOnEveryPath(definition, definition.Start, []);
        for (var i = 0; i < definition.Steps.Count; i++)
        {
            if (definition.Steps[i] is not BranchStep branch) continue;
            for (var j = 0; j < branch.Conditions.Count; j++)
            {
                foreach (var (comparison, path) in Comparisons(branch.Conditions[j].When, $"$.steps[{i}].conditions[{j}].when"))
                {
                    CheckComparison(definition, comparison, path, recorded.GetValueOrDefault(branch.Key), add);
                }
            }
        }
    }

    private static void CheckComparison(WorkflowDefinition definition, Condition comparison, string path, HashSet<string>? recorded, WorkflowDefinitionValidator.AddProblem add)
    {
        if (comparison.Output is { } output && SplitOutput(output) is { } split)
        {
            if (Declaration(definition, output) is not { } declaration)
            {
                if (definition.FindStep(split.Step) is TaskStep) add($"{path}.output", "Bước “{0}” không khai báo output '{1}'.", Named.Step(split.Step), split.Name);
                else add($"{path}.output", "'{0}' không phải là một bước việc (task) có khai báo output.", split.Step);
                return;
            }
            if (comparison.Op is { } op && comparison.Value is { } value)
                ConditionValidator.ValidateTyped(Descriptor(output, declaration), op, value, comparison.Default, path, add);
        }
        if (ReadKey(comparison) is not { } key || comparison.Default is not null) return;
        // Unreachable branches are reported by the graph check.
        if (recorded is not null && !recorded.Contains(key))
        {
            var at = comparison.Output is not null ? $"{path}.output" : $"{path}.fact";
            if (key == LastVoteKey)
                add(at, "'{0}' đọc kết quả lần biểu quyết gần nhất, nhưng không phải mọi đường đi tới bước này đều qua một bước biểu quyết; hãy thêm 'default'.", comparison.Fact);
            else
                add(at, "Output '{0}' không được ghi trên mọi đường đi tới bước này; hãy ghi nó ở mọi hành động dẫn tới đây hoặc thêm 'default'.", key);
        }
    }
}
