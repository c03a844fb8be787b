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
public sealed class JobFailureRecorder(IServiceScopeFactory scopes, TimeProvider clock, ILogger<JobFailureRecorder> logger,
    Common.Telemetry.OperationsMetrics metrics) : IJobListener
{
    public string Name => nameof(JobFailureRecorder);

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public async ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        if (jobException is null)
            return;
        metrics.JobFailed(context.JobDetail.Key.Group);
        try
        {
            var data = context.MergedJobDataMap.Keys.ToDictionary(k => k, k => context.MergedJobDataMap.GetString(k));
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CommendationsDbContext>();
            var nominationId = NominationOf(data);
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

    /// <summary>The nomination a job is about, when its data names one (a wait's end); the sweeps concern many.</summary>
    private static Guid? NominationOf(Dictionary<string, string?> data) =>
        data.GetValueOrDefault(ScheduleKeys.Data.NominationId) is { } n && Guid.TryParse(n, out var nominationId) ? nominationId : null;
}
