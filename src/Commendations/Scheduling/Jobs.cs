using Commendations.Common.Errors;
using Commendations.Features.Scheduling;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Commendations.Scheduling;

/// <summary>Jobs are thin: read the trigger's data, send one command as the system in a fresh scope.</summary>
public static class JobCommands
{
    public static async Task<T> SendAsync<T>(IServiceScopeFactory scopes, IRequest<T> command, CancellationToken cancellationToken)
    {
        // Two writers on one instance (a user acting as the deadline passes) give the loser a conflict: try again on fresh state.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command, cancellationToken);
            }
            catch (ConflictException) when (attempt < 3)
            {
            }
        }
    }

    public static DateTimeOffset Instant(this JobDataMap data, string key) =>
        DateTimeOffset.Parse(data.GetString(key)!, System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// Sweeps the reminders due by now (<see cref="SendDueReminders"/>, batch after batch until one comes back short). Fired by
/// one trigger per distinct reminder instant ("reminder slot", group <c>reminder-slots</c>, planned by
/// <see cref="ScheduleSlotPlanner"/>) and by the catch-up trigger
/// every minute. Every run delivers every row due, not only its slot's, so a lost or early-fired slot costs at most one
/// catch-up interval.
/// <para>
/// One sweep at a time in the cluster: two would only compete for the same rows. A slot trigger that comes due while a
/// sweep runs is blocked by Quartz until that sweep ends and then fires at once (it is not a misfire unless blocked for
/// the misfire threshold, and then it fires now anyway), so a slot waits at most one sweep; the running sweep
/// may well deliver its rows already.
/// </para>
/// </summary>
[DisallowConcurrentExecution]
public sealed class ReminderSlotJob(IServiceScopeFactory scopes, ILogger<ReminderSlotJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var until = SlotSweep.Until(context);
        var (total, created) = await SlotSweep.UntilShortAsync(async () =>
        {
            var batch = await JobCommands.SendAsync(scopes, new SendDueReminders(until), cancellationToken);
            return (batch.Taken, batch.Created);
        }, SendDueReminders.DefaultBatchSize);
        if (total > 0)
            logger.LogInformation("Reminder sweep ({Trigger}) up to {Until:O}: {Rows} reminder(s), {Count} notification(s).",
                context.Trigger.Key.Name, until, total, created);
    }
}

/// <summary>A wait step's time is up: <see cref="ElapseWait"/>.</summary>
public sealed class WaitElapsedJob(IServiceScopeFactory scopes, ILogger<WaitElapsedJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        var nominationId = Guid.Parse(data.GetString(ScheduleKeys.Data.NominationId)!);
        var stepKey = data.GetString(ScheduleKeys.Data.StepKey)!;
        var ended = await JobCommands.SendAsync(scopes, new ElapseWait(nominationId, stepKey), cancellationToken);
        logger.LogInformation("Wait {Step} of {Nomination}: {Outcome}.", stepKey, nominationId, ended ? "ended" : "nothing to do");
    }
}

/// <summary>The daily campaign check: <see cref="CheckCampaignDeadlines"/>.</summary>
[DisallowConcurrentExecution]
public sealed class CampaignDeadlinesJob(IServiceScopeFactory scopes, ILogger<CampaignDeadlinesJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var created = await JobCommands.SendAsync(scopes, new CheckCampaignDeadlines(), cancellationToken);
        logger.LogInformation("Campaign deadlines checked: {Count} notification(s).", created);
    }
}

/// <summary>Finds the routes that cannot move on by themselves, and resolves the incidents that no longer hold.</summary>
[DisallowConcurrentExecution]
public sealed class IncidentSweepJob(IServiceScopeFactory scopes, ILogger<IncidentSweepJob> logger) : IJob
{
    /// <summary>How often the sweep runs (an account locked is also checked at once).</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The first sweep after start-up waits this long, so the outbox dispatcher has applied what was written while no node
    /// ran (a wait's end not yet in Quartz's store would otherwise be listed as never scheduled).
    /// </summary>
    public static readonly TimeSpan FirstDelay = TimeSpan.FromMinutes(1);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var sweep = await JobCommands.SendAsync(scopes, new Features.Incidents.SweepIncidents(), cancellationToken);
        if (sweep.Opened > 0 || sweep.Resolved > 0)
            logger.LogWarning("Incidents: {Opened} new, {Resolved} resolved, {Open} open.", sweep.Opened, sweep.Resolved, sweep.Open);
    }
}

/// <summary>
/// Folds the campaign progress counts (+1/−1 rows written by the nominations' trigger) into one row per unit, status and
/// step, so reading a campaign's progress stays a few thousand rows. Harmless to run on two nodes at once.
/// </summary>
[DisallowConcurrentExecution]
public sealed class CampaignProgressCompactionJob(IServiceScopeFactory scopes) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Persistence.CommendationsDbContext>();
        await CampaignProgressCounts.CompactAsync(db, cancellationToken);
    }
}
