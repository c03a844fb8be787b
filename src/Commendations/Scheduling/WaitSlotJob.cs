using Commendations.Features.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Commendations.Scheduling;

/// <summary>
/// Ends the waits whose time has come (<see cref="EndDueWaits"/>, batch after batch until one comes back short). Fired by
/// one trigger per distinct end instant ("wait slot", group <c>wait-slots</c>, planned by <see cref="ScheduleSlotPlanner"/>:
/// the disclosures ending at one 17:00 share it) and by its catch-up trigger; like <see cref="DeadlineSlotJob"/>, every
/// run takes every wait due, and one sweep runs at a time in the cluster.
/// </summary>
[DisallowConcurrentExecution]
public sealed class WaitSlotJob(IServiceScopeFactory scopes, ILogger<WaitSlotJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var until = SlotSweep.Until(context);
        var (total, ended) = await SlotSweep.UntilShortAsync(async () =>
        {
            var batch = await JobCommands.SendAsync(scopes, new EndDueWaits(until), cancellationToken);
            return (batch.Taken, batch.Ended);
        }, EndDueWaits.DefaultBatchSize);
        context.Result = ended;
        if (total > 0)
            logger.LogInformation("Wait sweep ({Trigger}) up to {Until:O}: {Rows} wait(s), {Ended} ended.", context.Trigger.Key.Name, until, total, ended);
    }
}
