using Commendations.Domain.Incidents;
using Commendations.Features.Incidents;
using Commendations.Features.Repairs;
using Commendations.Common.Errors;
using Commendations.Scheduling;
using Commendations.Seeding;
using Commendations.Testing;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace Commendations.Tests.Scheduling;

/// <summary>A job about a nomination that throws the first time it runs and succeeds after (a transient failure fixed since).</summary>
public sealed class FailsOnceJob : IJob
{
    public static readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> Runs = new();

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var nomination = context.MergedJobDataMap.GetString(ScheduleKeys.Data.NominationId)!;
        if (Runs.AddOrUpdate(nomination, 1, (_, n) => n + 1) == 1)
            throw new InvalidOperationException("Máy chủ thư tạm thời không trả lời.");
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// Issue 17: a scheduled job that throws is recorded with what it needs to run again, listed as an incident on its
/// nomination, and run again by an administrator through the outbox and Quartz — once; the incident then goes.
/// </summary>
public class FailedJobTests(LifecycleHarness app) : QuartzFiringTest(app), IClassFixture<LifecycleHarness>
{
    [Fact]
    public async Task A_failed_job_becomes_an_incident_and_an_administrators_retry_runs_it_again_once()
    {
        await using var node = await StartNodeAsync(configure: q => q.AddJobType<FailsOnceJob>());
        var id = await Steps.SubmittedCollectiveAsync();
        var scheduler = await node.SchedulerAsync();
        var key = new JobKey($"fails-once-{id:N}", "tests");
        await scheduler.ScheduleJob(JobBuilder.Create<FailsOnceJob>().WithIdentity(key).UsingJobData(ScheduleKeys.Data.NominationId, id.ToString()).Build(),
            TriggerBuilder.Create().ForJob(key).StartAt(Clock.GetUtcNow()).Build());

        await Eventually.UntilAsync(() => Task.FromResult(FailsOnceJob.Runs.GetValueOrDefault(id.ToString())), n => n >= 1, Patience, "the job to run");
        var failure = await Eventually.UntilAsync(async () =>
        {
            await using var db = App.CreateDbContext();
            return await db.JobFailures.AsNoTracking().SingleOrDefaultAsync(f => f.NominationId == id);
        }, f => f is not null, Patience, "the failure to be recorded");
        failure!.Error.Should().Contain("Máy chủ thư tạm thời không trả lời.");
        failure.JobName.Should().Be(key.Name);

        await App.Send(DemoAccounts.Admin, new SweepIncidents());
        var incident = (await App.Send(DemoAccounts.Admin, new ListIncidents())).Should().ContainSingle(i => i.NominationId == id && i.Kind == IncidentKind.JobFailed).Subject;
        incident.JobFailureId.Should().Be(failure.Id);
        incident.Reason.Should().Contain("Máy chủ thư tạm thời không trả lời.");
        incident.KindName.Should().Be("Việc hẹn giờ bị lỗi");

        var notAdmin = () => App.Send(DemoAccounts.SteeringHead, new RetryFailedJob(failure.Id));
        await notAdmin.Should().ThrowAsync<ForbiddenException>();

        await App.Send(DemoAccounts.Admin, new RetryFailedJob(failure.Id));
        await Eventually.UntilAsync(() => Task.FromResult(FailsOnceJob.Runs.GetValueOrDefault(id.ToString())), n => n >= 2, Patience, "the job to run again");
        var again = () => App.Send(DemoAccounts.Admin, new RetryFailedJob(failure.Id));
        (await again.Should().ThrowAsync<ConflictException>()).Which.Code.Should().Be("already-retried");

        await App.Send(DemoAccounts.Admin, new SweepIncidents());
        (await App.Send(DemoAccounts.Admin, new ListIncidents())).Should().NotContain(i => i.NominationId == id && i.Kind == IncidentKind.JobFailed);
        await Task.Delay(TimeSpan.FromSeconds(2));
        FailsOnceJob.Runs[id.ToString()].Should().Be(2, "a retry runs the job once");
        await using var check = App.CreateDbContext();
        (await check.JobFailures.CountAsync(f => f.NominationId == id)).Should().Be(1, "the retry succeeded: no new failure");
        (await check.AuditEntries.AnyAsync(a => a.Stream == $"nomination:{id}" && a.Action == RetryFailedJobHandler.AuditAction)).Should().BeTrue();
    }
}
