using System.Text.Json;

namespace Commendations.Engine;

/// <summary>
/// Validation of escalation chains, reminders after the due day, re-entry deadlines, outputs and the route data branches
/// read. Messages are Vietnamese sentences naming what to change.
/// </summary>
public static partial class WorkflowDefinitionValidator
{
    private static void ValidateTimeAndRouteData(WorkflowDefinition definition, Dictionary<string, int> indexByKey, AddProblem add)
    {
        var cyclic = StepsOnCycles(definition, indexByKey);
        for (var i = 0; i < definition.Steps.Count; i++)
        {
            var path = $"$.steps[{i}]";
            if (definition.Steps[i] is HumanStep human)
            {
                ValidateReminders(human, path, add);
                ValidateEscalationLevels(human, path, add);
                if (human.Deadline is { } deadline) ValidateDeadlineOnEntry(human, deadline, cyclic.Contains(human.Key), $"{path}.deadline", add);
            }
            if (definition.Steps[i] is TaskStep task) ValidateOutputs(task, path, add);
        }
        if (indexByKey.ContainsKey(definition.Start ?? "")) RouteDataFlow.Check(definition, add);
    }

    private static void ValidateReminders(HumanStep step, string path, AddProblem add)
    {
        for (var j = 0; j < (step.Reminders?.Count ?? 0); j++)
        {
            var reminder = step.Reminders![j];
            if ((reminder.WorkingDaysBefore is null) == (reminder.WorkingDaysAfter is null))
                add($"{path}.reminders[{j}]", "Một lời nhắc cần đúng một trong hai: workingDaysBefore hoặc workingDaysAfter.");
            if (reminder.WorkingDaysAfter is < 1)
                add($"{path}.reminders[{j}].workingDaysAfter", "Lời nhắc sau hạn phải từ 1 ngày làm việc sau ngày hết hạn trở đi (0 là workingDaysBefore: 0).");
        }
    }

    private static void ValidateEscalationLevels(HumanStep step, string path, AddProblem add)
    {
        if (step.Escalation is { } single)
        {
            if (step.Escalations is not null)
                add($"{path}.escalations", "Chỉ dùng một trong hai: escalation (một cấp) hoặc escalations (nhiều cấp).");
            ValidateLevelTiming(single, $"{path}.escalation", add);
            ValidateSystemAction(step, single, $"{path}.escalation", add);
        }
        if (step.Escalations is not { } levels) return;
        if (levels.Count == 0) add($"{path}.escalations", "Danh sách cấp nhắc cấp trên không được rỗng.");
        for (var j = 0; j < levels.Count; j++)
        {
            var level = levels[j];
            var at = $"{path}.escalations[{j}]";
            if ((level.NotifyRole is null) == (level.Action is null))
                add(at, "Mỗi cấp cần đúng một trong hai: notifyRole (báo cho một vai trò) hoặc action (hệ thống tự thực hiện).");
            else if (level.Action is { } action && !step.EscalationActions().Contains(action))
                add($"{at}.action", "Bước này không có hành động '{0}'; chọn một trong: {1}.", action, string.Join(", ", step.EscalationActions()));
            if (level.NotifyRole is { Length: 0 }) add($"{at}.notifyRole", "Vai trò được báo không được để trống.");
            if (level.Scope is not null && level.Action is not null) add($"{at}.scope", "Phạm vi đơn vị (scope) chỉ dùng với notifyRole.");
            ValidateLevelTiming(level, at, add);
            ValidateSystemAction(step, level, at, add);
            if (j > 0 && level.OffsetWorkingDays() <= levels[j - 1].OffsetWorkingDays())
                add(at, "Các cấp phải xếp theo thời gian, cấp sau muộn hơn cấp trước ít nhất một ngày làm việc.");
            if (j < levels.Count - 1 && level.Action is not null)
                add(at, "Một cấp do hệ thống tự thực hiện hành động (action) kết thúc việc; nó phải là cấp cuối cùng.");
        }
    }

    private static void ValidateLevelTiming(Escalation level, string path, AddProblem add)
    {
        if (level.AfterWorkingDays is not null && level.BeforeWorkingDays is not null)
            add(path, "Một cấp chỉ có một mốc: afterWorkingDays hoặc beforeWorkingDays.");
        if (level.AfterWorkingDays is < 0) add($"{path}.afterWorkingDays", "Số ngày làm việc sau hạn không được âm (0 là đúng lúc hết hạn).");
        if (level.BeforeWorkingDays is < 1) add($"{path}.beforeWorkingDays", "Số ngày làm việc trước hạn phải từ 1 trở lên.");
    }

    /// <summary>The system acting on an escalation cannot choose an output.</summary>
    private static void ValidateSystemAction(HumanStep step, Escalation level, string path, AddProblem add)
    {
        if (level.Action is { } name && step is TaskStep task && task.FindAction(name) is { Asks.Count: > 0 })
            add($"{path}.action", "Hành động '{0}' hỏi người xử lý chọn output; hệ thống không thể tự thực hiện nó khi nhắc cấp trên.", name);
    }

    private static void ValidateDeadlineOnEntry(HumanStep step, Deadline deadline, bool reenterable, string path, AddProblem add)
    {
        if (deadline.WhenPast is not null && deadline.CampaignDate is null)
            add($"{path}.whenPast", "Chỉ hạn theo một ngày của phong trào (campaignDate) mới có thể đã qua khi mở việc; whenPast không áp dụng ở đây.");
        if (deadline.OnReentry is not { } reentry) return;
        var at = $"{path}.onReentry";
        if (!reenterable)
            add(at, "Bước “{0}” không thể được vào lại (không nằm trên vòng nào của quy trình), nên onReentry không bao giờ được dùng.", Named.Step(step.Key));
        var count = (reentry.WorkingDays is null ? 0 : 1) + (reentry.CalendarDays is null ? 0 : 1) + (reentry.CampaignDate is null ? 0 : 1);
        if (count != 1) add(at, "Hạn khi vào lại cần đúng một trong: workingDays, calendarDays hoặc campaignDate.");
        if (reentry.WorkingDays is < 1) add($"{at}.workingDays", "Số ngày làm việc phải từ 1 trở lên.");
        if (reentry.CalendarDays is < 1) add($"{at}.calendarDays", "Số ngày lịch phải từ 1 trở lên.");
        if (reentry.CampaignDate is { } date && (!FactCatalog.TryGet(date, out var fact) || fact.Type != FactType.Date || fact.Source != FactSource.Nomination))
            add($"{at}.campaignDate", "'{0}' không phải là một ngày của phong trào đã biết.", date);
        if (reentry.OnReentry is not null) add($"{at}.onReentry", "Hạn khi vào lại không lồng thêm onReentry.");
        if (reentry.WhenPast is not null && reentry.CampaignDate is null)
            add($"{at}.whenPast", "Chỉ hạn theo một ngày của phong trào (campaignDate) mới có thể đã qua khi mở việc; whenPast không áp dụng ở đây.");
    }

    private static void ValidateOutputs(TaskStep task, string path, AddProblem add)
    {
        var declared = new Dictionary<string, OutputDeclaration>(StringComparer.Ordinal);
        for (var j = 0; j < (task.Outputs?.Count ?? 0); j++)
        {
            var output = task.Outputs![j];
            var at = $"{path}.outputs[{j}]";
            if (!RouteDataFlow.IsOutputName(output.Name ?? "")) add($"{at}.name", "Tên output '{0}' phải bắt đầu bằng chữ thường và chỉ gồm chữ cái, chữ số.", output.Name);
            else if (!declared.TryAdd(output.Name!, output)) add($"{at}.name", "Output '{0}' được khai báo hai lần.", output.Name);
            if (output.Options is { } options)
            {
                if (output.Type != OutputType.String) add($"{at}.options", "Chỉ output kiểu chuỗi (string) mới có danh sách lựa chọn.");
                if (options.Count == 0) add($"{at}.options", "Danh sách lựa chọn không được rỗng.");
                if (options.Any(string.IsNullOrWhiteSpace) || options.Distinct(StringComparer.Ordinal).Count() != options.Count)
                    add($"{at}.options", "Các lựa chọn phải khác rỗng và không trùng nhau.");
            }
        }
        for (var j = 0; j < task.Actions.Count; j++)
        {
            var action = task.Actions[j];
            var at = $"{path}.actions[{j}]";
            foreach (var (name, value) in action.Outputs ?? new Dictionary<string, JsonElement>())
            {
                if (!declared.TryGetValue(name, out var declaration)) add($"{at}.outputs.{name}", "Bước không khai báo output '{0}' (thêm vào 'outputs' của bước).", name);
                else if (!Transition.Fits(declaration, value)) Unfit($"{at}.outputs.{name}", name, declaration, add);
            }
            var asks = action.Asks ?? [];
            for (var k = 0; k < asks.Count; k++)
            {
                var name = asks[k];
                if (!declared.TryGetValue(name, out var declaration)) add($"{at}.asks[{k}]", "Bước không khai báo output '{0}' (thêm vào 'outputs' của bước).", name);
                else if (declaration.Type == OutputType.String && declaration.Options is not { Count: > 0 })
                    add($"{at}.asks[{k}]", "Output '{0}' là chuỗi nhưng không có danh sách lựa chọn (options) để người xử lý chọn.", name);
                if (action.Outputs?.ContainsKey(name) == true) add($"{at}.asks[{k}]", "Output '{0}' đã có giá trị cố định ở hành động này; không hỏi lại.", name);
                if (asks.Take(k).Contains(name)) add($"{at}.asks[{k}]", "Output '{0}' được hỏi hai lần.", name);
            }
        }
    }

    /// <summary>A value that does not fit its output, saying what was expected (each case its own template, for translation).</summary>
    private static void Unfit(string path, string name, OutputDeclaration declaration, AddProblem add)
    {
        if (declaration.Options is { Count: > 0 } options) add(path, "Giá trị không hợp với output '{0}' (cần một trong: {1}).", name, string.Join(", ", options));
        else if (declaration.Type == OutputType.Number) add(path, "Giá trị không hợp với output '{0}' (cần một số).", name);
        else if (declaration.Type == OutputType.Boolean) add(path, "Giá trị không hợp với output '{0}' (cần true hoặc false).", name);
        else add(path, "Giá trị không hợp với output '{0}' (cần một chuỗi).", name);
    }

    /// <summary>Steps from which the step itself can be reached again (a return, a loop): they can be entered more than once.</summary>
    private static HashSet<string> StepsOnCycles(WorkflowDefinition definition, Dictionary<string, int> indexByKey)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var step in definition.Steps)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var queue = new Queue<string>(step.Edges().Select(e => e.Target).Where(t => t is not null && indexByKey.ContainsKey(t)));
            while (queue.Count > 0)
            {
                var key = queue.Dequeue();
                if (key == step.Key) { result.Add(step.Key); break; }
                if (!seen.Add(key)) continue;
                foreach (var edge in definition.Steps[indexByKey[key]].Edges())
                    if (edge.Target is not null && indexByKey.ContainsKey(edge.Target)) queue.Enqueue(edge.Target);
            }
        }
        return result;
    }
}
