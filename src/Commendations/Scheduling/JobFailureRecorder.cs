using System.Text.Json;
using Commendations.Domain.Incidents;
using Commendations.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Commendations.Scheduling;

/// <summary>
/// Records every job that threw (<see cref="JobFailure"/>), so a deadline or a wait's end that failed does not vanish with
/// its one-shot trigger: the incident sweep lists it and an administrator runs it again. A failure to record is logged,
/// never thrown into Quartz.
/// </summary>
public sealed class JobFailureRecorder(IServiceScopeFactory scopes, TimeProvider clock, ILogger<JobFailureRecorder> logger) : IJobListener
{
    public string Name => nameof(JobFailureRecorder);

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public async ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        if (jobException is null)
            return;
        try
        {
            var data = context.MergedJobDataMap.Keys.ToDictionary(k => k, k => context.MergedJobDataMap.GetString(k));
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CommendationsDbContext>();
            var nominationId = await NominationOfAsync(db, data, cancellationToken);
            // Quartz wraps what the job threw (twice): the innermost exception says what happened.
            Exception cause = jobException;
            while (cause.InnerException is not null)
                cause = cause.InnerException;
            db.JobFailures.Add(new JobFailure(context.JobDetail.JobType.FullName,
                context.JobDetail.Key.Name, context.JobDetail.Key.Group, JsonSerializer.Serialize(data), nominationId,
                cause.Message, clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Could not record the failure of job {Job}.", context.JobDetail.Key);
        }
    }

    /// <summary>The nomination a job is about: named in its data, or through the workflow instance it names.</summary>
    private static async Task<Guid?> NominationOfAsync(CommendationsDbContext db, Dictionary<string, string?> data, CancellationToken cancellationToken)
    {
        if (data.GetValueOrDefault(ScheduleKeys.Data.NominationId) is { } n && Guid.TryParse(n, out var nominationId))
            return nominationId;
        if (data.GetValueOrDefault(ScheduleKeys.Data.InstanceId) is { } i && Guid.TryParse(i, out var instanceId))
            return await db.WorkflowInstances.Where(w => w.Id == instanceId).Select(w => (Guid?)w.NominationId).SingleOrDefaultAsync(cancellationToken);
        return null;
    }
}
