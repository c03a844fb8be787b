namespace Commendations.Engine;

/// <summary>
/// The structural rules of meanings: the application finds the proposal, the disclosure and the decision by meaning,
/// so a definition that publishes must let it find them unambiguously and must not reach an award around the decision.
/// </summary>
public static partial class WorkflowDefinitionValidator
{
    private static void ValidateMeanings(WorkflowDefinition definition, Dictionary<string, int> indexByKey, ValidationContext? context, AddProblem add)
    {
        var steps = definition.Steps;
        var edges = Adjacency(definition, indexByKey);
        int? proposal = null;
        int? forwarding = null;
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var path = $"$.steps[{i}]";
            // Which meanings a step type may carry is the step-type catalogue's; the proposal and the decision are also unique or placed.
            switch (step.Meaning)
            {
                case StepMeaning.Proposal when !StepTypeCatalogue.Allows(step, StepMeaning.Proposal):
                    add($"{path}.meaning", "Bước đề nghị của đơn vị (proposal) phải là một công việc (task).");
                    break;
                case StepMeaning.Proposal when proposal is { } first:
                    add($"{path}.meaning", "Chỉ được có một bước đề nghị của đơn vị (proposal); bước “{0}” đã là bước đó.", Named.Step(steps[first].Key));
                    break;
                case StepMeaning.Proposal:
                    proposal = i;
                    break;
                case StepMeaning.Decision when !StepTypeCatalogue.Allows(step, StepMeaning.Decision):
                    add($"{path}.meaning", "Bước quyết định (decision) phải là một công việc (task).");
                    break;
                case StepMeaning.Forwarding when !StepTypeCatalogue.Allows(step, StepMeaning.Forwarding):
                    add($"{path}.meaning", "Bước chuyển lên cấp trên (forwarding) phải là một công việc (task).");
                    break;
                case StepMeaning.Forwarding when forwarding is { } firstForwarding:
                    add($"{path}.meaning", "Chỉ được có một bước chuyển lên cấp trên (forwarding); bước “{0}” đã là bước đó.", Named.Step(steps[firstForwarding].Key));
                    break;
                case StepMeaning.Forwarding:
                    forwarding = i;
                    break;
                case StepMeaning.Disclosure when !StepTypeCatalogue.Allows(step, StepMeaning.Disclosure):
                    add($"{path}.meaning", "Ý nghĩa công khai (disclosure) chỉ dùng cho bước chờ (wait).");
                    break;
                // A parallel step's branches and a sub-route's called steps are people's work too: they may say what they are.
                case { } meaning when !StepTypeCatalogue.Allows(step, meaning):
                    add($"{path}.meaning", "Ý nghĩa '{0}' chỉ dùng cho bước có người xử lý (công việc, duyệt, bỏ phiếu, nhánh song song, quy trình con).", MeaningName(meaning));
                    break;
            }
            switch (step)
            {
                case TaskStep task:
                    ValidateTaskMeanings(task, i, path, steps, indexByKey, edges, add);
                    break;
                case SequentialApprovalStep or ParallelApprovalStep:
                    var transitions = step is SequentialApprovalStep s ? s.Transitions : ((ParallelApprovalStep)step).Transitions;
                    if (transitions.Returned is { } returned) ValidateReturn(i, returned, $"{path}.transitions.returned", steps, indexByKey, edges, add);
                    if (transitions.Rejected is { } rejected) ValidateReject(rejected, $"{path}.transitions.rejected", steps, indexByKey, add);
                    break;
            }
        }
        if (proposal is { } p && steps[p].Key != definition.Start)
            add($"$.steps[{p}].meaning", "Bước đề nghị của đơn vị phải là bước bắt đầu (“{0}”).", Named.Step(definition.Start));

        // A forwarding step gives the award too (the central decision recorded), so it stands for the decision here.
        var hasDecision = steps.Any(s => s is TaskStep task && DefinitionMeanings.Awards(task.Meaning));
        if (hasDecision && indexByKey.TryGetValue(definition.Start ?? "", out var start))
            ValidateAwardPaths(definition, start, indexByKey, add);

        if (context?.RequireMeanings != true) return;
        // A route that published routes call as a sub-route (a shared check) runs inside its caller's nomination: the
        // caller has the unit's proposal and the decision, so the called route needs neither.
        if (proposal is null && !hasDecision && IsCalledByPublishedRoutes(definition.Id, context)) return;
        if (proposal is null)
        {
            add(indexByKey.TryGetValue(definition.Start ?? "", out var s) ? $"$.steps[{s}].meaning" : "$.start",
                "Quy trình cần bước đề nghị của đơn vị (meaning: proposal) ở bước bắt đầu, với một thao tác trình hồ sơ (submit).");
        }
        var awarded = steps.Select((s, i) => (s, i)).FirstOrDefault(x => x.s is EndStep { Result: EndResult.Awarded });
        if (!hasDecision && awarded.s is not null)
            add($"$.steps[{awarded.i}]", "Quy trình có kết thúc Awarded nên cần một bước quyết định (meaning: decision) với thao tác ký quyết định khen thưởng (award).");
    }

    private static bool IsCalledByPublishedRoutes(string id, ValidationContext context) =>
        context.PublishedDefinitions is { } published
        && published.All.Any(d => d.Id != id && d.Steps.OfType<SubRouteStep>().Any(s => s.Definition == id));

    private static void ValidateTaskMeanings(TaskStep task, int index, string path, IReadOnlyList<StepDefinition> steps,
        Dictionary<string, int> indexByKey, List<int>[] edges, AddProblem add)
    {
        var submits = 0;
        var awards = 0;
        for (var j = 0; j < task.Actions.Count; j++)
        {
            var action = task.Actions[j];
            var actionPath = $"{path}.actions[{j}]";
            var meaning = DefinitionMeanings.MeaningOf(action);
            if (action.ReturnsForSupplement && action.Meaning is { } declared && declared != ActionMeaning.ReturnForSupplement)
                add($"{actionPath}.meaning", "Thao tác đánh dấu trả lại để bổ sung (returnsForSupplement) phải có ý nghĩa returnForSupplement, không phải '{0}'.", MeaningName(declared));
            switch (meaning)
            {
                case ActionMeaning.Submit:
                    submits++;
                    if (task.Meaning != StepMeaning.Proposal)
                        add($"{actionPath}.meaning", "Ý nghĩa trình hồ sơ (submit) chỉ dùng cho thao tác của bước đề nghị của đơn vị (proposal).");
                    break;
                case ActionMeaning.Award:
                    awards++;
                    if (!DefinitionMeanings.Awards(task.Meaning))
                        add($"{actionPath}.meaning", "Ý nghĩa ký quyết định khen thưởng (award) chỉ dùng cho thao tác của bước quyết định (decision) hoặc bước chuyển lên cấp trên (forwarding).");
                    else if (indexByKey.TryGetValue(action.Target ?? "", out var t) && steps[t] is not EndStep { Result: EndResult.Awarded })
                        add($"{actionPath}.target", "Thao tác ký quyết định khen thưởng (award) phải dẫn thẳng tới một bước kết thúc với kết quả Awarded, không phải “{0}”.", Named.Step(action.Target!));
                    break;
                case ActionMeaning.ReturnForSupplement:
                    ValidateReturn(index, action.Target, $"{actionPath}.target", steps, indexByKey, edges, add);
                    break;
                case ActionMeaning.Reject:
                    ValidateReject(action.Target, $"{actionPath}.target", steps, indexByKey, add);
                    break;
            }
        }
        if (task.Meaning == StepMeaning.Proposal && task.Assignee.Scope != ValidationContext.NominatingScope)
            add($"{path}.assignee.scope", "Bước đề nghị của đơn vị phải giao cho đơn vị đề nghị (phạm vi nominating), không phải '{0}'.", task.Assignee.Scope);
        if (task.Meaning == StepMeaning.Proposal && submits != 1)
            add($"{path}.actions", "Bước đề nghị của đơn vị cần đúng một thao tác có ý nghĩa trình hồ sơ (submit); hiện có {0}.", submits);
        if (task.Meaning == StepMeaning.Decision && awards != 1)
            add($"{path}.actions", "Bước quyết định cần đúng một thao tác có ý nghĩa ký quyết định khen thưởng (award); hiện có {0}.", awards);
        if (task.Meaning == StepMeaning.Forwarding && awards != 1)
            add($"{path}.actions", "Bước chuyển lên cấp trên cần đúng một thao tác có ý nghĩa ghi nhận quyết định khen thưởng của cấp trên (award); hiện có {0}.", awards);
    }

    /// <summary>A return for supplement goes back: to a step people act on from which this step is reached again.</summary>
    private static void ValidateReturn(int from, string? target, string path, IReadOnlyList<StepDefinition> steps,
        Dictionary<string, int> indexByKey, List<int>[] edges, AddProblem add)
    {
        if (target is null || !indexByKey.TryGetValue(target, out var t)) return; // a missing target is reported already
        var back = t != from && steps[t] is not EndStep && Search([t], i => edges[i], steps.Count)[from];
        if (!back)
            add(path, "Trả lại để bổ sung phải dẫn về một bước trước đó (từ bước đó hồ sơ quay lại được bước này), không phải “{0}”.", Named.Step(target));
    }

    /// <summary>A rejection ends the route as Rejected.</summary>
    private static void ValidateReject(string? target, string path, IReadOnlyList<StepDefinition> steps, Dictionary<string, int> indexByKey, AddProblem add)
    {
        if (target is null || !indexByKey.TryGetValue(target, out var t)) return;
        if (steps[t] is not EndStep { Result: EndResult.Rejected })
            add(path, "Không đồng ý (reject) phải dẫn tới một bước kết thúc với kết quả Rejected, không phải “{0}”.", Named.Step(target));
    }

    /// <summary>
    /// Every path from the start to an Awarded end passes a decision step's award action: with the award edges taken
    /// away, no Awarded end may still be reachable. Each edge that still reaches one is reported where it is written.
    /// </summary>
    private static void ValidateAwardPaths(WorkflowDefinition definition, int start, Dictionary<string, int> indexByKey, AddProblem add)
    {
        var steps = definition.Steps;
        static bool IsAwardEdge(StepDefinition step, StepTransition edge) =>
            step is TaskStep task && DefinitionMeanings.Awards(task.Meaning)
            && Enumerable.Range(0, task.Actions.Count).Any(j =>
                DefinitionMeanings.MeaningOf(task.Actions[j]) == ActionMeaning.Award && edge.Path == $"actions[{j}].target");
        var without = new List<int>[steps.Count];
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            without[i] = [.. step.Edges().Where(e => !IsAwardEdge(step, e) && indexByKey.ContainsKey(e.Target ?? "")).Select(e => indexByKey[e.Target])];
        }
        var reachable = Search([start], i => without[i], steps.Count);
        for (var i = 0; i < steps.Count; i++)
        {
            if (!reachable[i]) continue;
            foreach (var edge in steps[i].Edges())
            {
                if (IsAwardEdge(steps[i], edge) || !indexByKey.TryGetValue(edge.Target ?? "", out var t)) continue;
                if (steps[t] is EndStep { Result: EndResult.Awarded })
                    add($"$.steps[{i}].{edge.Path}", "Đường này dẫn tới kết thúc Awarded (“{0}”) mà không qua thao tác ký quyết định khen thưởng của một bước quyết định.", Named.Step(edge.Target!));
            }
        }
    }

    /// <summary>Outgoing step indexes of every step (withdrawal included), for reachability.</summary>
    private static List<int>[] Adjacency(WorkflowDefinition definition, Dictionary<string, int> indexByKey)
    {
        var edges = new List<int>[definition.Steps.Count];
        for (var i = 0; i < definition.Steps.Count; i++)
            edges[i] = [.. definition.Steps[i].Edges().Where(e => indexByKey.ContainsKey(e.Target ?? "")).Select(e => indexByKey[e.Target])];
        return edges;
    }

    /// <summary>A meaning as written in JSON.</summary>
    internal static string MeaningName<T>(T meaning) where T : struct, Enum =>
        System.Text.Json.JsonSerializer.Serialize(meaning, WorkflowJson.Options).Trim('"');
}
