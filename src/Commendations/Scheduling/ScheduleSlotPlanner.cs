using Commendations.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace Commendations.Scheduling;

/// <summary>
/// Gives each distinct instant of the coming <see cref="SchedulingSettings.SlotPlanningHorizon"/> its one Quartz trigger:
/// due times of open tasks (<see cref="DeadlineSlotJob"/>), reminders (<see cref="ReminderSlotJob"/>) and escalation levels
/// (<see cref="EscalationSlotJob"/>). The rows are written by the transitions themselves (<see cref="DeadlineRows"/>), so
/// an approval never waits for Quartz's cluster lock; thousands of tasks share each 08:00 reminder and 17:00 due time,
/// so there are few instants to plan. Runs every <see cref="SchedulingSettings.SlotPlanningInterval"/> on one node at a
/// time; an instant that comes before the next planning (a task due within minutes) is swept by the catch-up triggers.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ScheduleSlotPlanner(IServiceScopeFactory scopes, IOptions<SchedulingSettings> options, ILogger<ScheduleSlotPlanner> logger) : IJob
{
    private enum Kind { Deadline, Reminder, Escalation }

    private sealed record Instant(int Kind, DateTimeOffset At);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var from = context.FireTimeUtc;
        var to = from + options.Value.SlotPlanningHorizon;
        List<Instant> instants;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CommendationsDbContext>();
            // Each part reads a range of its own index (the open tasks' pending due times: a partial index).
            instants = await db.Database.SqlQuery<Instant>($"""
                SELECT 0 AS "Kind", d.due_at AS "At" FROM (SELECT DISTINCT due_at FROM workflow_tasks
                    WHERE status = 'Open' AND deadline_passed_at IS NULL AND due_at > {from} AND due_at <= {to}) d
                UNION ALL
                SELECT 1, r.remind_at FROM (SELECT DISTINCT remind_at FROM task_reminders WHERE remind_at > {from} AND remind_at <= {to}) r
                UNION ALL
                SELECT 2, e.escalate_at FROM (SELECT DISTINCT escalate_at FROM task_escalations WHERE escalate_at > {from} AND escalate_at <= {to}) e
                """).ToListAsync(cancellationToken);
        }
        var missing = new List<ITrigger>();
        foreach (var instant in instants)
        {
            var (key, job) = (Kind)instant.Kind switch
            {
                Kind.Deadline => (ScheduleKeys.DeadlineSlot(instant.At), ScheduleKeys.DeadlineSlotJob),
                Kind.Reminder => (ScheduleKeys.ReminderSlot(instant.At), ScheduleKeys.ReminderSlotJob),
                _ => (ScheduleKeys.EscalationSlot(instant.At), ScheduleKeys.EscalationSlotJob),
            };
            // A read without Quartz's cluster lock: only a new instant costs a write.
            if (await context.Scheduler.GetTrigger(key, cancellationToken) is null)
                missing.Add(SlotSweep.Slot(key, job, instant.At));
        }
        if (missing.Count == 0)
            return;
        // The sweep jobs are durable, stored at start-up; restated with their new triggers in one Quartz transaction.
        var scheduled = new Dictionary<IJobDetail, IReadOnlyCollection<ITrigger>>();
        foreach (var slots in missing.GroupBy(t => t.JobKey))
            scheduled[(await context.Scheduler.GetJobDetail(slots.Key, cancellationToken))!] = slots.ToList();
        await context.Scheduler.ScheduleJobs(scheduled, ScheduleJobOptions.Replacing, cancellationToken);
        logger.LogInformation("Planned {Count} slot trigger(s) up to {To:O}.", missing.Count, to);
    }
}
