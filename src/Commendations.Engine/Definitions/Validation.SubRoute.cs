namespace Commendations.Engine;

/// <summary>
/// Validation of <see cref="SubRouteStep"/>s, and of a definition that published routes call. With
/// <see cref="ValidationContext.PublishedDefinitions"/>: the callee is published, calls make no cycle, and each result the
/// callee can reach has a transition in the caller (both when the caller and when the callee is validated).
/// </summary>
public static partial class WorkflowDefinitionValidator
{
    private static void ValidateCalls(WorkflowDefinition definition, ValidationContext? context, AddProblem add)
    {
        var published = context?.PublishedDefinitions;
        for (var i = 0; i < definition.Steps.Count; i++)
        {
            if (definition.Steps[i] is not SubRouteStep step) continue;
            var path = $"$.steps[{i}]";
            if (!IsKebab(step.Definition)) add($"{path}.definition", "Mã quy trình được gọi '{0}' phải viết kiểu kebab-case.", step.Definition);
            else if (step.Definition == definition.Id) add($"{path}.definition", "Một quy trình không thể tự gọi chính nó.");
            if (step.Version is { } fixedAt && !StepTypeCatalogue.InRange(step, "version", fixedAt)) add($"{path}.version", "Phiên bản được gọi phải từ 1 trở lên.");
            if (!step.Edges().Any()) add($"{path}.transitions", "Bước gọi quy trình con cần ít nhất một chuyển tiếp: awarded, rejected hoặc withdrawn.");
            if (published is null || !IsKebab(step.Definition) || step.Definition == definition.Id) continue;

            var callee = step.Version is { } version ? published.Find(step.Definition, version) : published.Latest(step.Definition);
            if (callee is null)
            {
                if (step.Version is { } v) add($"{path}.definition", "Quy trình '{0}' không có phiên bản {1} đã ban hành.", step.Definition, v);
                else add($"{path}.definition", "Quy trình '{0}' chưa có phiên bản nào đã ban hành.", step.Definition);
                continue;
            }
            foreach (var result in ReachableResults(callee))
            {
                if (step.TargetFor(result) is null)
                {
                    add($"{path}.transitions", "Quy trình “{0}” phiên bản {1} có thể kết thúc với kết quả “{2}” nhưng bước không có chuyển tiếp '{3}'.", Named.Definition(callee.Id), callee.Version, Named.Result(result), result.ToString().ToLowerInvariant());
                }
            }
            if (CallCycle(definition, callee, published) is { } cycle)
            {
                add($"{path}.definition", "Lời gọi tạo thành vòng lặp: {0}.", string.Join(" → ", cycle));
            }
        }
        if (published is not null) ValidateAsCallee(definition, published, add);
    }

    /// <summary>Published routes that call this id (without a fixed version, or with this one) must accept each of its results.</summary>
    private static void ValidateAsCallee(WorkflowDefinition definition, CalleeDefinitions published, AddProblem add)
    {
        var results = ReachableResults(definition);
        var reported = new HashSet<(string, string, EndResult)>();
        foreach (var caller in published.All.Where(d => d.Id != definition.Id && ReferenceEquals(published.Latest(d.Id), d)).OrderBy(d => d.Id, StringComparer.Ordinal))
        {
            foreach (var step in caller.Steps.OfType<SubRouteStep>())
            {
                if (step.Definition != definition.Id || (step.Version is { } fixedVersion && fixedVersion != definition.Version)) continue;
                foreach (var result in results.Where(r => step.TargetFor(r) is null))
                {
                    if (!reported.Add((caller.Id, step.Key, result))) continue;
                    var end = definition.Steps.Select((s, i) => (s, i)).First(x => x.s is EndStep e && e.Result == result).i;
                    add($"$.steps[{end}].result", "Quy trình “{0}” phiên bản {1} gọi quy trình này ở bước “{2}” nhưng không có chuyển tiếp cho kết quả “{3}”: hồ sơ đi qua đó sẽ bị kẹt.", Named.Definition(caller.Id), caller.Version, Named.Step(step.Key), Named.Result(result));
                }
            }
        }
    }

    /// <summary>The results of the end steps reachable from the start by transitions (a withdrawal never reaches a callee).</summary>
    public static IReadOnlyList<EndResult> ReachableResults(WorkflowDefinition definition)
    {
        var results = new SortedSet<EndResult>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        if (definition.Start is { Length: > 0 } start) queue.Enqueue(start);
        while (queue.Count > 0)
        {
            var key = queue.Dequeue();
            if (!seen.Add(key) || definition.FindStep(key) is not { } step) continue;
            if (step is EndStep end) results.Add(end.Result);
            foreach (var edge in step.Edges())
            {
                if (!string.IsNullOrEmpty(edge.Target)) queue.Enqueue(edge.Target);
            }
        }
        return [.. results];
    }

    /// <summary>The chain of ids back to <paramref name="caller"/> if <paramref name="callee"/> (transitively) calls it.</summary>
    private static List<string>? CallCycle(WorkflowDefinition caller, WorkflowDefinition callee, CalleeDefinitions published)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal);
        List<string>? Search(WorkflowDefinition current, List<string> chain)
        {
            if (!visited.Add($"{current.Id}/{current.Version}")) return null;
            foreach (var step in current.Steps.OfType<SubRouteStep>())
            {
                if (step.Definition == caller.Id) return [.. chain, current.Id, caller.Id];
                var next = step.Version is { } v ? published.Find(step.Definition, v) : published.Latest(step.Definition);
                if (next is not null && Search(next, [.. chain, current.Id]) is { } found) return found;
            }
            return null;
        }
        return Search(callee, [caller.Id]);
    }
}
