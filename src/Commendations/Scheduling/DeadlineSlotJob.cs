using Commendations.Features.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Commendations.Scheduling;

/// <summary>
/// Sweeps the open tasks whose due time has come (<see cref="SendDueDeadlines"/>, batch after batch until one comes back
/// short). Fired by one trigger per distinct due instant ("deadline slot", group <c>deadline-slots</c>, planned by
/// <see cref="ScheduleSlotPlanner"/>: the thousands of tasks due at one 17:00 share it) and by its catch-up trigger; like
/// <see cref="ReminderSlotJob"/>, every run takes every task due, and one sweep runs at a time in the cluster.
/// </summary>
[DisallowConcurrentExecution]
public sealed class DeadlineSlotJob(IServiceScopeFactory scopes, ILogger<DeadlineSlotJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var until = SlotSweep.Until(context);
        var (total, passed) = await SlotSweep.UntilShortAsync(async () =>
        {
            var batch = await JobCommands.SendAsync(scopes, new SendDueDeadlines(until), cancellationToken);
            return (batch.Taken, batch.Passed);
        }, SendDueDeadlines.DefaultBatchSize);
        if (total > 0)
            logger.LogInformation("Deadline sweep ({Trigger}) up to {Until:O}: {Tasks} task(s), {Passed} passed now.",
                context.Trigger.Key.Name, until, total, passed);
    }
}
