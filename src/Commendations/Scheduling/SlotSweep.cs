using Quartz;

namespace Commendations.Scheduling;

/// <summary>What the three sweeps (deadlines, reminders, escalation levels) share: how far a run sweeps, and their slot triggers.</summary>
public static class SlotSweep
{
    /// <summary>
    /// Quartz may fire a trigger up to its batch window early: a run sweeps up to the instant it was scheduled for, so the
    /// slot's own rows are not left to the next catch-up.
    /// </summary>
    public static DateTimeOffset Until(IJobExecutionContext context)
    {
        var now = context.FireTimeUtc;
        return context.ScheduledFireTimeUtc is { } scheduled && scheduled > now ? scheduled : now;
    }

    /// <summary>
    /// Sends batch after batch (<paramref name="batch"/>: rows taken, rows acted on) until one comes back shorter than
    /// <paramref name="batchSize"/>, i.e. nothing due is left; returns the totals.
    /// </summary>
    public static async Task<(int Rows, int Done)> UntilShortAsync(Func<Task<(int Taken, int Done)>> batch, int batchSize)
    {
        int taken, rows = 0, done = 0;
        do
        {
            var (t, d) = await batch();
            (taken, rows, done) = (t, rows + t, done + d);
        } while (taken >= batchSize);
        return (rows, done);
    }

    /// <summary>Fires once at <paramref name="at"/>; if the cluster was down then, it fires once as soon as a node is up.</summary>
    public static ITrigger Slot(TriggerKey key, JobKey job, DateTimeOffset at) =>
        TriggerBuilder.Create().WithIdentity(key).ForJob(job).StartAt(at)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
}
