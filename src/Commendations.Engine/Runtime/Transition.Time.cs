using System.Globalization;

namespace Commendations.Engine;

/// <summary>Deadlines on entry (re-entry policy, a due time already past), reminders before and after it, escalation chains.</summary>
internal sealed partial class Transition
{
    /// <summary>
    /// The due time and reminders of a task of <paramref name="step"/> opening now. A step entered again in this instance
    /// uses <c>deadline.onReentry</c> when declared; a due time already past is refused or opened overdue as
    /// <c>whenPast</c> says (default <see cref="PastDeadlineRule.OpenOverdue"/>).
    /// </summary>
    private RuntimeError? ComputeTimes(HumanStep step, out DateTimeOffset due, out IReadOnlyList<DateTimeOffset> reminders)
    {
        reminders = [];
        var (policy, whenPast) = PolicyOf(step, EnteredBefore(step.Key));
        if (DueOf(step, policy, Now, out due) is { } error) return error;
        if (due <= Now && whenPast == PastDeadlineRule.Refuse)
        {
            return Error(RuntimeErrors.DeadlinePast,
                "Bước “{0}” sẽ có hạn xử lý lúc {1}, trước khi được mở; quy trình không mở việc đã quá hạn (whenPast: refuse).",
                Named.Step(step.Key), EngineText.Time(due, _context.Calendar.UtcOffset));
        }
        reminders = ReminderTimes(step, due);
        return null;
    }

    /// <summary>The step's deadline policy: <c>deadline.onReentry</c> when the step is entered again and declares one.</summary>
    private static (Deadline? Policy, PastDeadlineRule? WhenPast) PolicyOf(HumanStep step, bool reentry)
    {
        var policy = step.Deadline;
        var whenPast = policy?.WhenPast;
        if (reentry && policy?.OnReentry is { } onReentry)
        {
            policy = onReentry;
            whenPast = onReentry.WhenPast ?? whenPast;
        }
        return (policy, whenPast);
    }

    /// <summary>
    /// The reminders of a task due at <paramref name="due"/>: those already past now are dropped; the rest are ascending and
    /// distinct. Before the due day: strictly before the due time; after it: strictly after.
    /// </summary>
    private IReadOnlyList<DateTimeOffset> ReminderTimes(HumanStep step, DateTimeOffset due)
    {
        if (step.Reminders is not { Count: > 0 } policyReminders) return [];
        var calendar = _context.Calendar;
        var times = new List<DateTimeOffset>(policyReminders.Count);
        foreach (var reminder in policyReminders)
        {
            var after = reminder.WorkingDaysAfter is not null;
            var at = calendar.ReminderTime(due, after ? -reminder.WorkingDaysAfter!.Value : reminder.WorkingDaysBefore ?? 0);
            if (at > Now && (after ? at > due : at < due) && !times.Contains(at)) times.Add(at);
        }
        times.Sort();
        return times;
    }

    /// <summary>The due time under <paramref name="deadline"/> of a task opened at <paramref name="openedAt"/>.</summary>
    private RuntimeError? DueOf(HumanStep step, Deadline? deadline, DateTimeOffset openedAt, out DateTimeOffset due)
    {
        var calendar = _context.Calendar;
        if (deadline?.WorkingDays is { } wd) due = calendar.DueAfterWorkingDays(openedAt, wd);
        else if (deadline?.CalendarDays is { } cd) due = calendar.DueAfterCalendarDays(openedAt, cd);
        else if (deadline?.CampaignDate is { } name)
        {
            if (_context.Facts.GetDate(name) is not { } date)
            {
                due = default;
                return Error(RuntimeErrors.MissingFact, "Hạn của bước “{0}” tính theo mốc “{1}”, nhưng hồ sơ chưa có mốc này.", Named.Step(step.Key), name);
            }
            due = calendar.DueOnDate(date);
        }
        else
        {
            due = default;
            return Error(RuntimeErrors.MissingFact, "Bước “{0}” chưa có thời hạn xử lý.", Named.Step(step.Key));
        }
        return null;
    }

    /// <summary>Whether the current stay at <paramref name="key"/> is not the first one (its StepEntered is already counted).</summary>
    private bool EnteredBefore(string key)
    {
        var count = 0;
        foreach (var entry in _state.History) if (entry.Event == HistoryEvent.StepEntered && entry.StepKey == key) count++;
        foreach (var entry in _history) if (entry.Event == HistoryEvent.StepEntered && entry.StepKey == key) count++;
        return count >= 2;
    }

    /// <summary>
    /// The escalation instants of a task due at <paramref name="due"/>. The single <c>escalation</c> without timing keeps
    /// its old form (no level list: <see cref="DeadlinePassed"/> performs it). Levels before the due time that are already
    /// past when the task opens are skipped, like reminders (counted as done).
    /// </summary>
    private (DateTimeOffset? EscalateAt, IReadOnlyList<EscalationTime>? Levels, int Skipped) EscalationTimes(HumanStep step, DateTimeOffset due)
    {
        if (step.Escalations is null)
        {
            if (step.Escalation is not { } single) return (null, null, 0);
            if (single.AfterWorkingDays is null && single.BeforeWorkingDays is null) return (due, null, 0);
        }
        var levels = step.EscalationLevels();
        var times = new List<EscalationTime>(levels.Count);
        var skipped = 0;
        for (var i = 0; i < levels.Count; i++)
        {
            var at = _context.Calendar.ShiftWorkingDays(due, levels[i].OffsetWorkingDays());
            if (at <= Now && at < due && times.Count == 0) skipped++;
            else times.Add(new EscalationTime(i, at));
        }
        return (times.Count > 0 ? times[0].At : null, times, skipped);
    }

    public RuntimeError? DeadlinePassed(DeadlinePassed command)
    {
        if (SubRouteOf(command.TaskId) is { } subRoute) return RouteToSubRoute(subRoute, command.TaskId, inner => inner.DeadlinePassed(command with { TaskId = Inner(command.TaskId) }));
        var index = IndexOfTask(command.TaskId);
        if (index < 0) return MissingTask(command.TaskId);
        var task = _tasks[index];
        if (task.DueAt != command.ExpectedDueAt) return Error(RuntimeErrors.StaleDeadline, "Hạn xử lý của việc này nay là {0}.", EngineText.Time(task.DueAt, _context.Calendar.UtcOffset));
        if (task.Overdue) return Error(RuntimeErrors.AlreadyOverdue, "Việc quá hạn này đã được xử lý.");
        if (HumanStepOf(task.StepKey) is not HumanStep step) return Error(RuntimeErrors.UnknownTask, "Việc này không thuộc bước nào do người xử lý.");
        MarkOverdue(index, step);
        // The levels at (or before) the due time happen now; later ones at their own instants (Escalate).
        var levels = step.EscalationLevels();
        var last = -1;
        for (var i = 0; i < levels.Count && levels[i].OffsetWorkingDays() <= 0; i++) last = i;
        return PerformLevels(step, task.TaskId, last);
    }

    public RuntimeError? Escalate(Escalate command)
    {
        if (SubRouteOf(command.TaskId) is { } subRoute) return RouteToSubRoute(subRoute, command.TaskId, inner => inner.Escalate(command with { TaskId = Inner(command.TaskId) }));
        var index = IndexOfTask(command.TaskId);
        if (index < 0) return MissingTask(command.TaskId);
        var task = _tasks[index];
        if (task.DueAt != command.ExpectedDueAt) return Error(RuntimeErrors.StaleDeadline, "Hạn xử lý của việc này nay là {0}.", EngineText.Time(task.DueAt, _context.Calendar.UtcOffset));
        if (HumanStepOf(task.StepKey) is not HumanStep step) return Error(RuntimeErrors.UnknownTask, "Việc này không thuộc bước nào do người xử lý.");
        var levels = step.EscalationLevels();
        if (command.Level < 0 || command.Level >= levels.Count)
        {
            return Error(RuntimeErrors.InvalidAction, "Bước “{0}” không có cấp nhắc thứ {1}.", Named.Step(step.Key), command.Level + 1);
        }
        if (command.Level < task.EscalationsDone)
        {
            return Error(RuntimeErrors.AlreadyEscalated, "Cấp nhắc thứ {0} của việc này đã thực hiện.", command.Level + 1);
        }
        var at = LevelTime(task, command.Level);
        if (Now < at) return Error(RuntimeErrors.EscalationNotDue, "Cấp nhắc thứ {0} của việc này đến lúc {1} mới thực hiện.", command.Level + 1, EngineText.Time(at, _context.Calendar.UtcOffset));
        if (!task.Overdue && Now >= task.DueAt) MarkOverdue(index, step);
        return PerformLevels(step, task.TaskId, command.Level);
    }

    /// <summary>The task is overdue: the assignee is told (once; <see cref="OpenTask.Overdue"/> refuses a second time).</summary>
    private void MarkOverdue(int index, HumanStep step)
    {
        var task = _tasks[index];
        _tasks[index] = task with { Overdue = true };
        _effects.Add(new NotificationRequested(Recipient.From(task.Assignee), "task-overdue", TaskData(task, null)));
        // The single escalation at the due time is named on the Overdue entry, as before escalation chains.
        var legacy = step.Escalations is null && step.Escalation is { AfterWorkingDays: null, BeforeWorkingDays: null } single ? single : null;
        Record(HistoryEvent.Overdue, step.Key, legacy?.Action ?? legacy?.NotifyRole, Actor.SystemUserId, null, task.TaskId);
    }

    /// <summary>Performs the task's levels not yet done, up to <paramref name="maxLevel"/>, in order, each once.</summary>
    private RuntimeError? PerformLevels(HumanStep step, string taskId, int maxLevel)
    {
        var levels = step.EscalationLevels();
        var chain = !(step.Escalations is null && step.Escalation is { AfterWorkingDays: null, BeforeWorkingDays: null });
        while (true)
        {
            var index = IndexOfTask(taskId);
            if (index < 0) return null; // an action level closed the task: the rest are moot
            var task = _tasks[index];
            var level = task.EscalationsDone;
            if (level > maxLevel || level >= levels.Count) return null;
            _tasks[index] = task with { EscalationsDone = level + 1 };
            var escalation = levels[level];
            var data = TaskData(task, chain ? level : null);
            if (chain)
            {
                _history.Add(new HistoryEntry(Now, _round, HistoryEvent.Escalated, step.Key, escalation.Action ?? escalation.NotifyRole,
                    Actor.SystemUserId, null, task.TaskId) { Level = level });
            }
            if (escalation.NotifyRole is { } role)
            {
                var scope = escalation.Scope ?? (step as TaskStep)?.Assignee.Scope;
                string? unit = scope is not null && _context.UnitScopes.TryGetValue(scope, out var u) ? u : null;
                _effects.Add(new NotificationRequested(new Recipient(null, role, unit), "task-escalated", data));
                continue;
            }
            var error = step is VoteStep
                ? CloseVote(step.Key, Actor.SystemUserId, explicitClose: false)
                : Act(task.TaskId, SystemActor, escalation.Action!, "Escalated: the deadline passed.", bySystem: true, outputs: null);
            if (error is not null) return error;
        }
    }

    private Dictionary<string, string> TaskData(OpenTask task, int? level)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["taskId"] = task.TaskId,
            ["stepKey"] = task.StepKey,
            ["dueAt"] = task.DueAt.ToString("O", CultureInfo.InvariantCulture),
            ["round"] = _round.ToString(CultureInfo.InvariantCulture),
        };
        if (level is { } l)
        {
            data["level"] = l.ToString(CultureInfo.InvariantCulture);
            data["escalateAt"] = LevelTime(task, l).ToString("O", CultureInfo.InvariantCulture);
        }
        return data;
    }

    private static DateTimeOffset LevelTime(OpenTask task, int level)
    {
        if (task.Escalations is { } times)
        {
            foreach (var time in times) if (time.Level == level) return time.At;
        }
        return task.DueAt;
    }
}
