using Commendations.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace Commendations.Scheduling;

/// <summary>
/// Gives each distinct instant of the coming <see cref="SchedulingSettings.SlotPlanningHorizon"/> its one Quartz trigger:
/// due times of open tasks (<see cref="DeadlineSlotJob"/>), reminders (<see cref="ReminderSlotJob"/>), escalation levels
/// (<see cref="EscalationSlotJob"/>) and the ends of waits (<see cref="WaitSlotJob"/>). The rows are written by the transitions themselves (<see cref="DeadlineRows"/>), so
/// an approval never waits for Quartz's cluster lock; thousands of tasks share each 08:00 reminder and 17:00 due time,
/// so there are few instants to plan. Runs every <see cref="SchedulingSettings.SlotPlanningInterval"/> on one node at a
/// time; an instant that comes before the next planning (a task due within minutes) is swept by the catch-up triggers.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ScheduleSlotPlanner(IServiceScopeFactory scopes, IOptions<SchedulingSettings> options, TimeProvider clock, ILogger<ScheduleSlotPlanner> logger) : IJob
{
    private enum Kind { Deadline, Reminder, Escalation, Wait }

    private sealed record Instant(int Kind, DateTimeOffset At);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var to = context.FireTimeUtc + options.Value.SlotPlanningHorizon;
        var planned = await PlanAsync(scopes, context.Scheduler, clock, context.FireTimeUtc, to, cancellationToken);
        if (planned > 0)
            logger.LogInformation("Planned {Count} slot trigger(s) up to {To:O}.", planned, to);
    }

    /// <summary>The distinct instants in (<paramref name="from"/>, <paramref name="to"/>] at which rows are due.</summary>
    private static async Task<List<Instant>> DueInstantsAsync(IServiceScopeFactory scopes, DateTimeOffset from, DateTimeOffset to,
        CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommendationsDbContext>();
        // Each part reads a range of its own index (the open tasks' pending due times: a partial index).
        return await db.Database.SqlQuery<Instant>($"""
            SELECT 0 AS "Kind", d.due_at AS "At" FROM (SELECT DISTINCT due_at FROM workflow_tasks
                WHERE status = 'Open' AND deadline_passed_at IS NULL AND due_at > {from} AND due_at <= {to}) d
            UNION ALL
            SELECT 1, r.remind_at FROM (SELECT DISTINCT remind_at FROM task_reminders WHERE remind_at > {from} AND remind_at <= {to}) r
            UNION ALL
            SELECT 2, e.escalate_at FROM (SELECT DISTINCT escalate_at FROM task_escalations WHERE escalate_at > {from} AND escalate_at <= {to}) e
            UNION ALL
            SELECT 3, w.until FROM (SELECT DISTINCT until FROM step_waits WHERE until > {from} AND until <= {to}) w
            """).ToListAsync(cancellationToken);
    }

    /// <summary>Stores a trigger for each instant in (<paramref name="from"/>, <paramref name="to"/>] that has none; returns how many.</summary>
    public static async Task<int> PlanAsync(IServiceScopeFactory scopes, IScheduler scheduler, TimeProvider clock, DateTimeOffset from,
        DateTimeOffset to, CancellationToken cancellationToken)
    {
        var instants = await DueInstantsAsync(scopes, from, to, cancellationToken);
        var missing = new List<(Instant Instant, ITrigger Trigger)>();
        foreach (var instant in instants)
        {
            var (key, job) = (Kind)instant.Kind switch
            {
                Kind.Deadline => (ScheduleKeys.DeadlineSlot(instant.At), ScheduleKeys.DeadlineSlotJob),
                Kind.Reminder => (ScheduleKeys.ReminderSlot(instant.At), ScheduleKeys.ReminderSlotJob),
                Kind.Wait => (ScheduleKeys.WaitSlot(instant.At), ScheduleKeys.WaitSlotJob),
                _ => (ScheduleKeys.EscalationSlot(instant.At), ScheduleKeys.EscalationSlotJob),
            };
            // A read without Quartz's cluster lock: only a new instant costs a write.
            if (await scheduler.GetTrigger(key, cancellationToken) is null && instant.At > clock.GetUtcNow())
                missing.Add((instant, SlotSweep.Slot(key, job, instant.At)));
        }
        if (missing.Count > 0)
        {
            // A trigger is absent either because nobody planned it or because it fired (Quartz fires up to its batch window
            // early) after the rows above were read: its sweep committed before Quartz deleted the trigger, so the rows
            // read again now are gone. Planning it again would run the sweep a second time.
            var stillDue = (await DueInstantsAsync(scopes, from, to, cancellationToken)).ToHashSet();
            missing.RemoveAll(m => !stillDue.Contains(m.Instant));
        }
        if (missing.Count == 0)
            return 0;
        // The sweep jobs are durable, stored at start-up; restated with their new triggers in one Quartz transaction.
        var scheduled = new Dictionary<IJobDetail, IReadOnlyCollection<ITrigger>>();
        foreach (var slots in missing.Select(m => m.Trigger).GroupBy(t => t.JobKey))
            scheduled[(await scheduler.GetJobDetail(slots.Key, cancellationToken))!] = slots.ToList();
        await scheduler.ScheduleJobs(scheduled, ScheduleJobOptions.Replacing, cancellationToken);
        return missing.Count;
    }
}
