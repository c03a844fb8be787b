using System.Diagnostics.Metrics;
using Commendations.Features.Operations;

namespace Commendations.Common.Telemetry;

/// <summary>
/// The figures an operator watches, on the meter "Commendations" (each is listed with what to do when it rises in
/// docs/operations.md, "Telemetry"). Counters are counted where things happen; the gauges read
/// <see cref="OperationsFiguresCache"/>, so a scrape never costs more than one read of the database per 30 seconds.
/// Metrics are for operators, not for the people using the app: tags carry the route's and step's keys as they are.
/// </summary>
public sealed class OperationsMetrics
{
    private readonly Meter _meter;
    private readonly Counter<long> _actions;
    private readonly Counter<long> _jobFailures;
    private readonly Counter<long> _signInFailures;
    private readonly OperationsFiguresCache _figures;
    private readonly SignInFailures _signInFailuresToday;

    /// <param name="meters">The container's factory: it owns (and disposes) the meter, and keeps two hosts in one process apart.</param>
    public OperationsMetrics(IMeterFactory meters, OperationsFiguresCache figures, SignInFailures signInFailures)
    {
        _figures = figures;
        _signInFailuresToday = signInFailures;
        _meter = meters.Create(AppTelemetry.Name);
        _actions = _meter.CreateCounter<long>("commendations.task.actions", "{action}",
            "Actions taken on tasks, by route (definition key), step key, action name and the action's meaning.");
        _jobFailures = _meter.CreateCounter<long>("commendations.jobs.failed", "{job}", "Scheduled jobs that threw, by job group.");
        _signInFailures = _meter.CreateCounter<long>("commendations.sign_in.failures", "{attempt}",
            "Refused or throttled sign-ins (wrong name or password, locked account, too many attempts).");
        _meter.CreateObservableGauge("commendations.tasks.open", () => Read(s => s.OpenTasks), "{task}", "Open tasks.");
        _meter.CreateObservableGauge("commendations.tasks.overdue", () => Read(s => s.OverdueTasks), "{task}", "Open tasks past their due time.");
        _meter.CreateObservableGauge("commendations.outbox.pending", () => Read(s => s.OutboxPending), "{message}",
            "Outbox messages (scheduling, notifications) not yet applied.");
        _meter.CreateObservableGauge("commendations.outbox.lag", () => Read(s => s.OutboxLag.TotalSeconds), "s",
            "Age of the oldest outbox message not yet applied.");
        _meter.CreateObservableGauge("commendations.reminders.due", () => Read(s => s.RemindersDue), "{reminder}",
            "Reminders, escalation levels and due times whose instant has come and that no sweep has taken yet.");
        _meter.CreateObservableGauge("commendations.reminders.lag", () => Read(s => s.ReminderLag.TotalSeconds), "s",
            "How long the oldest reminder, escalation level or due time not yet swept has been due.");
        _meter.CreateObservableGauge("commendations.incidents.open", () => Read(s => s.OpenIncidents), "{incident}",
            "Open incidents: running routes that cannot move on by themselves.");
    }

    public void ActionTaken(string route, string step, string action, string meaning) =>
        _actions.Add(1, new("route", route), new("step", step), new("action", action), new("meaning", meaning));

    public void JobFailed(string jobGroup) => _jobFailures.Add(1, new KeyValuePair<string, object?>("job_group", jobGroup));

    /// <summary>Counted for Prometheus and kept for the operations page's last 24 hours.</summary>
    public void SignInFailed()
    {
        _signInFailures.Add(1);
        _signInFailuresToday.Record();
    }

    /// <summary>
    /// A gauge's callback is synchronous: it waits for the cache, which reads the database at most once per 30 seconds
    /// (and only one caller at a time). No figures yet (the database unreachable since start) reports nothing.
    /// </summary>
    private IEnumerable<Measurement<T>> Read<T>(Func<OperationsSnapshot, T> figure) where T : struct
    {
        var snapshot = _figures.GetAsync().GetAwaiter().GetResult();
        return snapshot is null ? [] : [new Measurement<T>(figure(snapshot))];
    }
}
