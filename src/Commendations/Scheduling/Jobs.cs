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

/// <summary>A task's reminder or due trigger: <see cref="SendTaskReminder"/> or <see cref="PassDeadline"/>.</summary>
public sealed class TaskTimerJob(IServiceScopeFactory scopes, ILogger<TaskTimerJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        var instanceId = Guid.Parse(data.GetString(ScheduleKeys.Data.InstanceId)!);
        var taskKey = data.GetString(ScheduleKeys.Data.TaskKey)!;
        var dueAt = data.Instant(ScheduleKeys.Data.DueAt);
        if (data.GetString(ScheduleKeys.Data.Kind) == ScheduleKeys.KindReminder)
        {
            var created = await JobCommands.SendAsync(scopes, new SendTaskReminder(instanceId, taskKey, dueAt, data.Instant(ScheduleKeys.Data.FireAt)), cancellationToken);
            logger.LogInformation("Reminder for {Task} of {Instance}: {Count} notification(s).", taskKey, instanceId, created);
        }
        else
        {
            var passed = await JobCommands.SendAsync(scopes, new PassDeadline(instanceId, taskKey, dueAt), cancellationToken);
            logger.LogInformation("Deadline of {Task} of {Instance}: {Outcome}.", taskKey, instanceId, passed ? "passed" : "nothing to do");
        }
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
