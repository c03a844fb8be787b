using Commendations.Features.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Commendations.Scheduling;

/// <summary>
/// Sweeps the escalation levels due by now (<see cref="SendDueEscalations"/>, batch after batch until one comes back short).
/// Fired by one trigger per distinct level instant ("escalation slot", group <c>escalation-slots</c>, planned by
/// <see cref="ScheduleSlotPlanner"/>) and by its catch-up
/// trigger; like <see cref="ReminderSlotJob"/>, every run takes every row due, and one sweep runs at a time in the cluster.
/// </summary>
[DisallowConcurrentExecution]
public sealed class EscalationSlotJob(IServiceScopeFactory scopes, ILogger<EscalationSlotJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var until = SlotSweep.Until(context);
        var (total, performed) = await SlotSweep.UntilShortAsync(async () =>
        {
            var batch = await JobCommands.SendAsync(scopes, new SendDueEscalations(until), cancellationToken);
            return (batch.Taken, batch.Performed);
        }, SendDueEscalations.DefaultBatchSize);
        // What the run did, for job listeners (the telemetry's job span, the tests' run counter).
        context.Result = performed;
        if (total > 0)
            logger.LogInformation("Escalation sweep ({Trigger}) up to {Until:O}: {Rows} level(s), {Performed} performed.",
                context.Trigger.Key.Name, until, total, performed);
    }
}
