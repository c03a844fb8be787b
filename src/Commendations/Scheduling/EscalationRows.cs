using Commendations.Engine;
using Commendations.Persistence;
using Commendations.Workflow;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace Commendations.Scheduling;

/// <summary>
/// The escalation levels of a scheduled deadline as rows (<c>task_escalations</c>) with one Quartz trigger per distinct
/// instant (<c>escalation-slots</c>, key <c>escalations/&lt;UTC ticks&gt;</c>), exactly as reminders are kept. Levels at the
/// due time need no row: <see cref="Engine.DeadlinePassed"/> performs them with the task's due trigger.
/// </summary>
public static class EscalationRows
{
    /// <summary>The levels that are rows: all but those at the due time.</summary>
    public static List<EscalationTime> Levels(DeadlineScheduled effect) => (effect.Escalations ?? []).Where(e => e.At != effect.DueAt).ToList();

    public static async Task ScheduleAsync(CommendationsDbContext db, IScheduler scheduler, QuartzChanges changes, WorkflowOutboxPayload payload,
        DeadlineScheduled effect, CancellationToken cancellationToken)
    {
        // Rows the schedule does not have are deleted with the reminders' (OutboxApplier); a step without levels costs nothing here.
        var levels = Levels(effect);
        if (levels.Count == 0)
            return;
        var levelIndexes = levels.Select(e => e.Level).ToArray();
        var instants = levels.Select(e => e.At.ToUniversalTime()).ToArray();
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO task_escalations (instance_id, task_key, level, nomination_id, escalate_at, due_at)
            SELECT {payload.InstanceId}, {effect.TaskId}, l.level, {payload.NominationId}, l.at, {effect.DueAt.ToUniversalTime()}
            FROM unnest({levelIndexes}, {instants}) AS l(level, at)
            ON CONFLICT DO NOTHING
            """, cancellationToken);
        foreach (var at in instants.Distinct())
        {
            var slot = ScheduleKeys.EscalationSlot(at);
            if (changes.KnowsSlot(slot))
                continue;
            if (await scheduler.Exists(slot, cancellationToken))
                changes.SlotIsStored(slot);
            else
                changes.AddSlot(TriggerBuilder.Create().WithIdentity(slot).ForJob(ScheduleKeys.EscalationSlotJob).StartAt(at)
                    .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow)).Build());
        }
    }
}
