using System.Text.RegularExpressions;

namespace Commendations.Engine;

/// <summary>
/// Semantic validation of an in-memory definition (the parser runs it too). Returns every problem found; an empty
/// list means the definition may be published.
/// </summary>
public static partial class WorkflowDefinitionValidator
{
    /// <summary>Records a problem: a JSON path, a Vietnamese template (composite format) and its arguments.</summary>
    internal delegate void AddProblem(string path, string template, params object?[] args);

    public static IReadOnlyList<ValidationProblem> Validate(WorkflowDefinition definition, ValidationContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var problems = new List<ValidationProblem>();
        void Add(string path, string template, params object?[] args) => problems.Add(new ValidationProblem(path, template, args));

        if (!IsKebab(definition.Id)) Add("$.id", "Mã quy trình phải viết kiểu kebab-case (chữ thường và chữ số, nối bằng một dấu gạch ngang).");
        if (definition.Version < 1) Add("$.version", "Số phiên bản phải từ 1 trở lên.");
        if (string.IsNullOrWhiteSpace(definition.Name)) Add("$.name", "Tên quy trình không được để trống.");
        ValidateAppliesTo(definition.AppliesTo, Add);

        // Keys: present, kebab-case, unique.
        var indexByKey = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < definition.Steps.Count; i++)
        {
            var key = definition.Steps[i].Key;
            var path = $"$.steps[{i}].key";
            if (string.IsNullOrEmpty(key)) Add(path, "Bước cần có mã (key).");
            else if (!IsKebab(key)) Add(path, "Mã bước '{0}' phải viết kiểu kebab-case.", key);
            else if (!indexByKey.TryAdd(key, i)) Add(path, "Mã bước '{0}' đã được dùng ở $.steps[{1}].", key, indexByKey[key]);
        }
        if (definition.Steps.Count == 0) Add("$.steps", "Quy trình cần ít nhất một bước.");

        if (string.IsNullOrEmpty(definition.Start)) Add("$.start", "Thiếu bước bắt đầu.");
        else if (!indexByKey.ContainsKey(definition.Start)) Add("$.start", "Bước bắt đầu có mã “{0}” không tồn tại.", definition.Start);

        if (definition.OnWithdraw is { } onWithdraw)
        {
            if (!indexByKey.TryGetValue(onWithdraw, out var w)) Add("$.onWithdraw", "Bước có mã “{0}” không tồn tại.", onWithdraw);
            else if (definition.Steps[w] is not EndStep { Result: EndResult.Withdrawn }) Add("$.onWithdraw", "Bước “{0}” phải là bước kết thúc với kết quả “{1}”.", Named.Step(onWithdraw), Named.Result(EndResult.Withdrawn));
        }

        for (var i = 0; i < definition.Steps.Count; i++)
        {
            var step = definition.Steps[i];
            var path = $"$.steps[{i}]";
            foreach (var edge in step.Edges())
            {
                if (string.IsNullOrEmpty(edge.Target)) Add($"{path}.{edge.Path}", "Chuyển tiếp chưa có bước đích.");
                else if (!indexByKey.ContainsKey(edge.Target)) Add($"{path}.{edge.Path}", "Bước đích có mã “{0}” không tồn tại.", edge.Target);
            }
            ValidateStep(step, path, context, Add);
        }

        if (definition.Layout is { } layout)
        {
            foreach (var key in layout.Keys.Where(k => !indexByKey.ContainsKey(k)).Order(StringComparer.Ordinal))
            {
                Add($"$.layout.{key}", "Bố cục nêu bước có mã “{0}” không tồn tại.", key);
            }
        }

        ValidateCalls(definition, context, Add);
        if (indexByKey.ContainsKey(definition.Start ?? "")) ValidateGraph(definition, indexByKey, Add);
        ValidateMeanings(definition, indexByKey, context, Add);
        if (context is not null) ValidateOrganisation(definition, context, Add);
        ValidateTimeAndRouteData(definition, indexByKey, Add);
        return problems;
    }

    private static void ValidateAppliesTo(AppliesTo appliesTo, AddProblem add)
    {
        if (appliesTo.NomineeKinds.Count == 0) add("$.appliesTo.nomineeKinds", "Cần ít nhất một loại đối tượng.");
        for (var i = 0; i < appliesTo.NomineeKinds.Count; i++)
        {
            if (!FactCatalog.NomineeKinds.Contains(appliesTo.NomineeKinds[i]))
            {
                add($"$.appliesTo.nomineeKinds[{i}]", "Loại đối tượng '{0}' không hợp lệ; cần là một trong: {1}.", appliesTo.NomineeKinds[i], string.Join(", ", FactCatalog.NomineeKinds));
            }
        }
        if (appliesTo.AwardForms.Count == 0) add("$.appliesTo.awardForms", "Cần ít nhất một hình thức khen thưởng.");
        for (var i = 0; i < appliesTo.AwardForms.Count; i++)
        {
            if (!IsKebab(appliesTo.AwardForms[i])) add($"$.appliesTo.awardForms[{i}]", "Mã hình thức khen thưởng phải viết kiểu kebab-case.");
        }
    }

    private static void ValidateStep(StepDefinition step, string path, ValidationContext? context, AddProblem add)
    {
        if (step is HumanStep human) ValidateHumanPolicy(human, path, add);
        switch (step)
        {
            case TaskStep task:
                if (string.IsNullOrWhiteSpace(task.Assignee.Role)) add($"{path}.assignee.role", "Vai trò người xử lý không được để trống.");
                if (string.IsNullOrWhiteSpace(task.Assignee.Scope)) add($"{path}.assignee.scope", "Phạm vi đơn vị của người xử lý không được để trống.");
                if (task.Actions.Count == 0) add($"{path}.actions", "Công việc cần ít nhất một thao tác.");
                ValidateSigning(task, path, context, add);
                var names = new HashSet<string>(StringComparer.Ordinal);
                for (var j = 0; j < task.Actions.Count; j++)
                {
                    var name = task.Actions[j].Name;
                    if (!IsActionName(name)) add($"{path}.actions[{j}].name", "Tên thao tác '{0}' phải bắt đầu bằng chữ thường và chỉ gồm chữ, số hoặc gạch ngang.", name);
                    else if (!names.Add(name)) add($"{path}.actions[{j}].name", "Thao tác '{0}' được khai báo hai lần.", name);
                }
                break;
            case SequentialApprovalStep sequential:
                ValidateCommittee(sequential.Committee, path, context, add);
                break;
            case ParallelApprovalStep parallel:
                ValidateCommittee(parallel.Committee, path, context, add);
                if (!StepTypeCatalogue.InRange(parallel, "required", parallel.Required)) add($"{path}.required", "Cần ít nhất một phiếu đồng ý (M ≥ 1).");
                else if (context?.SizeOf(parallel.Committee) is { } size && parallel.Required > size)
                {
                    add($"{path}.required", "Cần {0} phiếu đồng ý nhưng ban, hội đồng '{1}' chỉ có {2} thành viên (M > N).", parallel.Required, parallel.Committee, size);
                }
                break;
            case ParallelStep fork:
                ValidateParallel(fork, path, context, add);
                break;
            case VoteStep vote:
                ValidateCommittee(vote.Committee, path, context, add);
                if (!StepTypeCatalogue.InRange(vote, "quorum", vote.Quorum)) add($"{path}.quorum", "Tỷ lệ tham dự tối thiểu phải nằm trong khoảng (0, 1].");
                if (!StepTypeCatalogue.InRange(vote, "passThreshold", vote.PassThreshold)) add($"{path}.passThreshold", "Tỷ lệ tán thành để thông qua phải nằm trong khoảng (0, 1].");
                break;
            case WaitStep wait:
                ValidateDays(wait.Duration.WorkingDays, wait.Duration.CalendarDays, $"{path}.duration", add);
                break;
            case BranchStep branch:
                if (branch.Conditions.Count == 0) add($"{path}.conditions", "Rẽ nhánh cần ít nhất một điều kiện.");
                for (var j = 0; j < branch.Conditions.Count; j++)
                {
                    ConditionValidator.Validate(branch.Conditions[j].When, $"{path}.conditions[{j}].when", add);
                }
                break;
        }
    }

    private static void ValidateHumanPolicy(HumanStep step, string path, AddProblem add)
    {
        if (step.Deadline is not { } deadline)
        {
            add($"{path}.deadline", "Bước do người xử lý cần có thời hạn (workingDays, calendarDays hoặc campaignDate).");
        }
        else
        {
            var count = (deadline.WorkingDays is null ? 0 : 1) + (deadline.CalendarDays is null ? 0 : 1) + (deadline.CampaignDate is null ? 0 : 1);
            if (count != 1) add($"{path}.deadline", "Thời hạn cần đúng một trong workingDays, calendarDays hoặc campaignDate.");
            if (deadline.WorkingDays is < 1) add($"{path}.deadline.workingDays", "Số ngày làm việc phải từ 1 trở lên.");
            if (deadline.CalendarDays is < 1) add($"{path}.deadline.calendarDays", "Số ngày theo lịch phải từ 1 trở lên.");
            if (deadline.CampaignDate is { } date && (!FactCatalog.TryGet(date, out var fact) || fact.Type != FactType.Date))
            {
                add($"{path}.deadline.campaignDate", "'{0}' không phải mốc thời gian đã biết; các mốc đã biết: {1}.", date, string.Join(", ", FactCatalog.Facts.Values.Where(f => f.Type == FactType.Date).Select(f => f.Name)));
            }
        }
        if (step.Reminders is { } reminders)
        {
            for (var j = 0; j < reminders.Count; j++)
            {
                if (reminders[j].WorkingDaysBefore < 0) add($"{path}.reminders[{j}].workingDaysBefore", "Không thể nhắc việc sau ngày đến hạn.");
            }
        }
        if (step.Escalation is { } escalation)
        {
            if ((escalation.NotifyRole is null) == (escalation.Action is null))
            {
                add($"{path}.escalation", "Xử lý quá hạn cần đúng một trong notifyRole hoặc action.");
            }
            else if (escalation.Action is { } action && !step.EscalationActions().Contains(action))
            {
                add($"{path}.escalation.action", "Bước không có thao tác '{0}'; cần là một trong: {1}.", action, string.Join(", ", step.EscalationActions()));
            }
            if (escalation.NotifyRole is { Length: 0 }) add($"{path}.escalation.notifyRole", "Vai trò được báo không được để trống.");
            if (escalation.Scope is not null && escalation.Action is not null) add($"{path}.escalation.scope", "Phạm vi chỉ dùng cùng notifyRole.");
        }
    }

    private static void ValidateCommittee(string committee, string path, ValidationContext? context, AddProblem add)
    {
        if (!IsKebab(committee)) add($"{path}.committee", "Mã ban, hội đồng phải viết kiểu kebab-case.");
        else if (context is not null && !context.KnowsCommittee(committee)) add($"{path}.committee", "Ban, hội đồng '{0}' không tồn tại.", committee);
        else if (context?.SizeOf(committee) is 0) add($"{path}.committee", "Ban, hội đồng '{0}' chưa có thành viên.", committee);
    }

    private static void ValidateDays(int? workingDays, int? calendarDays, string path, AddProblem add)
    {
        if ((workingDays is null) == (calendarDays is null)) add(path, "Thời gian chờ cần đúng một trong workingDays hoặc calendarDays.");
        if (workingDays is < 1) add($"{path}.workingDays", "Số ngày làm việc phải từ 1 trở lên.");
        if (calendarDays is < 1) add($"{path}.calendarDays", "Số ngày theo lịch phải từ 1 trở lên.");
    }

    /// <summary>Every step must be reachable from the start, and an end must be reachable from every step.</summary>
    private static void ValidateGraph(WorkflowDefinition definition, Dictionary<string, int> indexByKey, AddProblem add)
    {
        var steps = definition.Steps;
        var edges = new List<int>[steps.Count];
        for (var i = 0; i < steps.Count; i++)
        {
            edges[i] = [.. steps[i].Edges().Where(e => indexByKey.ContainsKey(e.Target ?? "")).Select(e => indexByKey[e.Target])];
            if (definition.OnWithdraw is { } w && indexByKey.TryGetValue(w, out var wi) && steps[i] is not EndStep) edges[i].Add(wi);
        }

        var reachable = Search([indexByKey[definition.Start]], i => edges[i], steps.Count);
        var reverse = new List<int>[steps.Count];
        for (var i = 0; i < steps.Count; i++) reverse[i] = [];
        for (var i = 0; i < steps.Count; i++) foreach (var j in edges[i]) reverse[j].Add(i);
        var ends = Enumerable.Range(0, steps.Count).Where(i => steps[i] is EndStep).ToList();
        if (ends.Count == 0) add("$.steps", "Quy trình cần ít nhất một bước kết thúc.");
        var canEnd = Search(ends, i => reverse[i], steps.Count);

        for (var i = 0; i < steps.Count; i++)
        {
            if (!reachable[i]) add($"$.steps[{i}]", "Không thể đi tới bước “{0}” từ bước bắt đầu.", Named.Step(steps[i].Key));
            else if (!canEnd[i]) add($"$.steps[{i}]", "Từ bước “{0}” không đi tới được bước kết thúc nào.", Named.Step(steps[i].Key));
        }
    }

    internal static bool[] Search(IEnumerable<int> from, Func<int, List<int>> next, int count)
    {
        var seen = new bool[count];
        var queue = new Queue<int>();
        foreach (var f in from) { if (!seen[f]) { seen[f] = true; queue.Enqueue(f); } }
        while (queue.Count > 0)
        {
            foreach (var n in next(queue.Dequeue()))
            {
                if (!seen[n]) { seen[n] = true; queue.Enqueue(n); }
            }
        }
        return seen;
    }

    public static bool IsKebab(string? value) => value is not null && Kebab().IsMatch(value);

    private static bool IsActionName(string? value) => value is not null && ActionName().IsMatch(value);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Kebab();

    [GeneratedRegex("^[a-z][a-zA-Z0-9-]*$")]
    private static partial Regex ActionName();
}
