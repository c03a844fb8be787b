using System.Text.RegularExpressions;

namespace Commendations.Engine;

/// <summary>
/// Semantic validation of an in-memory definition (the parser runs it too). Returns every problem found; an empty
/// list means the definition may be published.
/// </summary>
public static partial class WorkflowDefinitionValidator
{
    public static IReadOnlyList<ValidationProblem> Validate(WorkflowDefinition definition, ValidationContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var problems = new List<ValidationProblem>();
        void Add(string path, string message) => problems.Add(new ValidationProblem(path, message));

        if (!IsKebab(definition.Id)) Add("$.id", "The id must be kebab-case (lowercase letters and digits separated by single hyphens).");
        if (definition.Version < 1) Add("$.version", "The version must be 1 or more.");
        if (string.IsNullOrWhiteSpace(definition.Name)) Add("$.name", "The name must not be empty.");
        ValidateAppliesTo(definition.AppliesTo, Add);

        // Keys: present, kebab-case, unique.
        var indexByKey = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < definition.Steps.Count; i++)
        {
            var key = definition.Steps[i].Key;
            var path = $"$.steps[{i}].key";
            if (string.IsNullOrEmpty(key)) Add(path, "A step needs a key.");
            else if (!IsKebab(key)) Add(path, $"The step key '{key}' must be kebab-case.");
            else if (!indexByKey.TryAdd(key, i)) Add(path, $"The step key '{key}' is already used by $.steps[{indexByKey[key]}].");
        }
        if (definition.Steps.Count == 0) Add("$.steps", "A definition needs at least one step.");

        if (string.IsNullOrEmpty(definition.Start)) Add("$.start", "The start step is missing.");
        else if (!indexByKey.ContainsKey(definition.Start)) Add("$.start", $"The start step '{definition.Start}' does not exist.");

        if (definition.OnWithdraw is { } onWithdraw)
        {
            if (!indexByKey.TryGetValue(onWithdraw, out var w)) Add("$.onWithdraw", $"The step '{onWithdraw}' does not exist.");
            else if (definition.Steps[w] is not EndStep { Result: EndResult.Withdrawn }) Add("$.onWithdraw", $"The step '{onWithdraw}' must be an end step with result Withdrawn.");
        }

        for (var i = 0; i < definition.Steps.Count; i++)
        {
            var step = definition.Steps[i];
            var path = $"$.steps[{i}]";
            foreach (var edge in step.Edges())
            {
                if (string.IsNullOrEmpty(edge.Target)) Add($"{path}.{edge.Path}", "The transition has no target step.");
                else if (!indexByKey.ContainsKey(edge.Target)) Add($"{path}.{edge.Path}", $"The target step '{edge.Target}' does not exist.");
            }
            ValidateStep(step, path, context, Add);
        }

        if (definition.Layout is { } layout)
        {
            foreach (var key in layout.Keys.Where(k => !indexByKey.ContainsKey(k)).Order(StringComparer.Ordinal))
            {
                Add($"$.layout.{key}", $"The layout names a step '{key}' that does not exist.");
            }
        }

        if (indexByKey.ContainsKey(definition.Start ?? "")) ValidateGraph(definition, indexByKey, Add);
        ValidateTimeAndRouteData(definition, indexByKey, Add);
        return problems;
    }

    private static void ValidateAppliesTo(AppliesTo appliesTo, Action<string, string> add)
    {
        if (appliesTo.NomineeKinds.Count == 0) add("$.appliesTo.nomineeKinds", "At least one nominee kind is needed.");
        for (var i = 0; i < appliesTo.NomineeKinds.Count; i++)
        {
            if (!FactCatalog.NomineeKinds.Contains(appliesTo.NomineeKinds[i]))
            {
                add($"$.appliesTo.nomineeKinds[{i}]", $"Unknown nominee kind '{appliesTo.NomineeKinds[i]}'; expected one of {string.Join(", ", FactCatalog.NomineeKinds)}.");
            }
        }
        if (appliesTo.AwardForms.Count == 0) add("$.appliesTo.awardForms", "At least one award form is needed.");
        for (var i = 0; i < appliesTo.AwardForms.Count; i++)
        {
            if (!IsKebab(appliesTo.AwardForms[i])) add($"$.appliesTo.awardForms[{i}]", "An award form code must be kebab-case.");
        }
    }

    private static void ValidateStep(StepDefinition step, string path, ValidationContext? context, Action<string, string> add)
    {
        if (step is HumanStep human) ValidateHumanPolicy(human, path, add);
        switch (step)
        {
            case TaskStep task:
                if (string.IsNullOrWhiteSpace(task.Assignee.Role)) add($"{path}.assignee.role", "The assignee role must not be empty.");
                if (string.IsNullOrWhiteSpace(task.Assignee.Scope)) add($"{path}.assignee.scope", "The assignee unit scope must not be empty.");
                if (task.Actions.Count == 0) add($"{path}.actions", "A task needs at least one action.");
                var names = new HashSet<string>(StringComparer.Ordinal);
                for (var j = 0; j < task.Actions.Count; j++)
                {
                    var name = task.Actions[j].Name;
                    if (!IsActionName(name)) add($"{path}.actions[{j}].name", $"The action name '{name}' must start with a lowercase letter and use letters, digits or hyphens.");
                    else if (!names.Add(name)) add($"{path}.actions[{j}].name", $"The action '{name}' is defined twice.");
                }
                break;
            case SequentialApprovalStep sequential:
                ValidateCommittee(sequential.Committee, path, context, add);
                break;
            case ParallelApprovalStep parallel:
                ValidateCommittee(parallel.Committee, path, context, add);
                if (parallel.Required < 1) add($"{path}.required", "At least one approval must be required (M ≥ 1).");
                else if (context?.CommitteeSizes is { } sizes && sizes.TryGetValue(parallel.Committee, out var size) && parallel.Required > size)
                {
                    add($"{path}.required", $"{parallel.Required} approvals are required but committee '{parallel.Committee}' has {size} members (M > N).");
                }
                break;
            case VoteStep vote:
                ValidateCommittee(vote.Committee, path, context, add);
                if (vote.Quorum is <= 0 or > 1) add($"{path}.quorum", "The quorum must be a share in (0, 1].");
                if (vote.PassThreshold is <= 0 or > 1) add($"{path}.passThreshold", "The pass threshold must be a share in (0, 1].");
                break;
            case WaitStep wait:
                ValidateDays(wait.Duration.WorkingDays, wait.Duration.CalendarDays, $"{path}.duration", add);
                break;
            case BranchStep branch:
                if (branch.Conditions.Count == 0) add($"{path}.conditions", "A branch needs at least one condition.");
                for (var j = 0; j < branch.Conditions.Count; j++)
                {
                    ConditionValidator.Validate(branch.Conditions[j].When, $"{path}.conditions[{j}].when", add);
                }
                break;
        }
    }

    private static void ValidateHumanPolicy(HumanStep step, string path, Action<string, string> add)
    {
        if (step.Deadline is not { } deadline)
        {
            add($"{path}.deadline", "A human step needs a deadline policy (workingDays, calendarDays or campaignDate).");
        }
        else
        {
            var count = (deadline.WorkingDays is null ? 0 : 1) + (deadline.CalendarDays is null ? 0 : 1) + (deadline.CampaignDate is null ? 0 : 1);
            if (count != 1) add($"{path}.deadline", "A deadline needs exactly one of workingDays, calendarDays or campaignDate.");
            if (deadline.WorkingDays is < 1) add($"{path}.deadline.workingDays", "The number of working days must be 1 or more.");
            if (deadline.CalendarDays is < 1) add($"{path}.deadline.calendarDays", "The number of calendar days must be 1 or more.");
            if (deadline.CampaignDate is { } date && (!FactCatalog.TryGet(date, out var fact) || fact.Type != FactType.Date))
            {
                add($"{path}.deadline.campaignDate", $"'{date}' is not a known date fact; known date facts: {string.Join(", ", FactCatalog.Facts.Values.Where(f => f.Type == FactType.Date).Select(f => f.Name))}.");
            }
        }
        if (step.Reminders is { } reminders)
        {
            for (var j = 0; j < reminders.Count; j++)
            {
                if (reminders[j].WorkingDaysBefore < 0) add($"{path}.reminders[{j}].workingDaysBefore", "A reminder cannot be after the due day.");
            }
        }
        if (step.Escalation is { } escalation)
        {
            if ((escalation.NotifyRole is null) == (escalation.Action is null))
            {
                add($"{path}.escalation", "An escalation needs exactly one of notifyRole or action.");
            }
            else if (escalation.Action is { } action && !step.EscalationActions().Contains(action))
            {
                add($"{path}.escalation.action", $"The step has no action '{action}'; expected one of {string.Join(", ", step.EscalationActions())}.");
            }
            if (escalation.NotifyRole is { Length: 0 }) add($"{path}.escalation.notifyRole", "The role to notify must not be empty.");
            if (escalation.Scope is not null && escalation.Action is not null) add($"{path}.escalation.scope", "A scope only applies to notifyRole.");
        }
    }

    private static void ValidateCommittee(string committee, string path, ValidationContext? context, Action<string, string> add)
    {
        if (!IsKebab(committee)) add($"{path}.committee", "The committee code must be kebab-case.");
        else if (context?.CommitteeSizes is { } sizes && !sizes.ContainsKey(committee)) add($"{path}.committee", $"The committee '{committee}' is unknown.");
    }

    private static void ValidateDays(int? workingDays, int? calendarDays, string path, Action<string, string> add)
    {
        if ((workingDays is null) == (calendarDays is null)) add(path, "A duration needs exactly one of workingDays or calendarDays.");
        if (workingDays is < 1) add($"{path}.workingDays", "The number of working days must be 1 or more.");
        if (calendarDays is < 1) add($"{path}.calendarDays", "The number of calendar days must be 1 or more.");
    }

    /// <summary>Every step must be reachable from the start, and an end must be reachable from every step.</summary>
    private static void ValidateGraph(WorkflowDefinition definition, Dictionary<string, int> indexByKey, Action<string, string> add)
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
        if (ends.Count == 0) add("$.steps", "A definition needs at least one end step.");
        var canEnd = Search(ends, i => reverse[i], steps.Count);

        for (var i = 0; i < steps.Count; i++)
        {
            if (!reachable[i]) add($"$.steps[{i}]", $"The step '{steps[i].Key}' cannot be reached from the start step.");
            else if (!canEnd[i]) add($"$.steps[{i}]", $"No end step can be reached from the step '{steps[i].Key}'.");
        }
    }

    private static bool[] Search(IEnumerable<int> from, Func<int, List<int>> next, int count)
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
