using Commendations.Domain.Workflows;
using Commendations.Engine;
using Commendations.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Scheduling;

/// <summary>
/// Deadlines as data: a task's schedule is rows written in the transaction that opened it (or computed its times again),
/// never a message for later. The due time is the task row's own <c>due_at</c> (swept while <c>deadline_passed_at</c> is
/// null); each reminder is a <see cref="TaskReminder"/> row and each escalation level not at the due time a
/// <see cref="TaskEscalation"/> row. Quartz holds no job per task: one trigger per distinct instant
/// (<see cref="ScheduleSlotPlanner"/>) sweeps whatever rows are due then.
/// <para>
/// A closed task's rows are left where they are: an approval then writes nothing for the task it closes, and the sweeps
/// drop a row whose task is no longer open (or no longer due when the row was computed for) when its instant comes. Task
/// keys never repeat within an instance, so a left row can never be taken for a later task's.
/// </para>
/// </summary>
public static class DeadlineRows
{
    /// <param name="opened">The task was opened by this same transition: it has no rows yet, so nothing is deleted.</param>
    public static async Task WriteAsync(CommendationsDbContext db, Guid instanceId, Guid nominationId, DeadlineScheduled effect, bool opened,
        CancellationToken cancellationToken)
    {
        if (!opened)
            await DeleteAsync(db, instanceId, effect.TaskId, cancellationToken);
        var due = effect.DueAt.ToUniversalTime();
        foreach (var at in effect.ReminderTimes.Select(t => t.ToUniversalTime()).Distinct())
            db.TaskReminders.Add(new TaskReminder(instanceId, effect.TaskId, nominationId, at, due));
        // Levels at the due time need no row: the deadline sweep performs them with DeadlinePassed.
        foreach (var level in (effect.Escalations ?? []).Where(e => e.At != effect.DueAt))
            db.TaskEscalations.Add(new TaskEscalation(instanceId, effect.TaskId, level.Level, nominationId, level.At.ToUniversalTime(), due));
    }

    /// <summary>
    /// The task's schedule is being replaced (its times were computed again): its stored rows go, and so do rows of it
    /// this unit of work added but has not saved.
    /// </summary>
    private static async Task DeleteAsync(CommendationsDbContext db, Guid instanceId, string taskKey, CancellationToken cancellationToken)
    {
        foreach (var entry in db.ChangeTracker.Entries<TaskReminder>().Where(e => e.State == EntityState.Added && e.Entity.InstanceId == instanceId && e.Entity.TaskKey == taskKey).ToList())
            entry.State = EntityState.Detached;
        foreach (var entry in db.ChangeTracker.Entries<TaskEscalation>().Where(e => e.State == EntityState.Added && e.Entity.InstanceId == instanceId && e.Entity.TaskKey == taskKey).ToList())
            entry.State = EntityState.Detached;
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            WITH levels AS (DELETE FROM task_escalations WHERE instance_id = {instanceId} AND task_key = {taskKey})
            DELETE FROM task_reminders WHERE instance_id = {instanceId} AND task_key = {taskKey}
            """, cancellationToken);
    }
}
