using System.Globalization;

namespace Commendations.Engine.Tests.Support;

/// <summary>Compact text forms of effects and history for scenario files; times in Vietnam local time.</summary>
public static class EffectText
{
    private static readonly TimeSpan Vn = TimeSpan.FromHours(7);

    public static string Time(DateTimeOffset t) => t.ToOffset(Vn).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Times(IEnumerable<DateTimeOffset> ts) => "[" + string.Join(", ", ts.Select(Time)) + "]";

    public static string Render(WorkflowEffect effect) => effect switch
    {
        StepEntered e => $"StepEntered {e.StepKey} r{e.Round}",
        TaskOpened e => $"TaskOpened {e.TaskId} {e.Assignee} #{e.Sequence} due {Time(e.DueAt)}",
        DeadlineScheduled e => $"DeadlineScheduled {e.TaskId} due {Time(e.DueAt)} reminders {Times(e.ReminderTimes)} escalate {(e.EscalateAt is { } x ? Time(x) : "-")}",
        TaskClosed e => $"TaskClosed {e.TaskId} {e.Outcome} by {e.ActorUserId ?? "-"}",
        DeadlineCancelled e => $"DeadlineCancelled {e.TaskId}",
        DeadlineRecomputed e => $"DeadlineRecomputed {e.TaskId} due {Time(e.PreviousDueAt)} → {Time(e.DueAt)}",
        WaitScheduled e => $"WaitScheduled {e.StepKey} until {Time(e.Until)}",
        NotificationRequested e => $"Notify {e.Template} {e.Recipient} task {e.Data.GetValueOrDefault("taskId")}",
        InstanceCompleted e => $"InstanceCompleted {e.Result}",
        _ => effect.ToString(),
    };

    public static string Render(HistoryEntry h) =>
        $"{h.Event} {h.StepKey ?? "-"} {h.Outcome ?? "-"} by {h.ActorUserId ?? "-"} r{h.Round}";

    public static string Render(OpenTask t) => $"{t.TaskId} {t.Assignee}";
}
