using System.Collections.Concurrent;
using Commendations.Common.Security;
using Commendations.Features.Scheduling;
using Commendations.Persistence;
using Commendations.Scheduling;
using Commendations.Testing;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Quartz;

namespace Commendations.Tests.Scheduling;

/// <summary>
/// The scheduling services over a test database, not started: Quartz's scheduler stays in standby (its real ADO.NET
/// store, nothing fires), the dispatcher is run by hand — so a test reads exactly what was scheduled, on a fake clock.
/// </summary>
public sealed class SchedulerRig : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private SchedulerRig(ServiceProvider services) => _services = services;

    public static SchedulerRig Create(string connectionString, TimeProvider clock, int? smtpPort = null)
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddCommendations(connectionString, demoScopes: true)
            .AddTestAuditKey()
            .AddSingleton(clock)
            .AddCommendationsScheduling(connectionString, new SchedulingSettings(), clock);
        if (smtpPort is { } port)
            services.Configure<SmtpSettings>(s => (s.Host, s.Port) = ("127.0.0.1", port));
        return new SchedulerRig(services.BuildServiceProvider());
    }

    public IServiceProvider Services => _services;

    public async Task<IScheduler> SchedulerAsync() => await _services.GetRequiredService<ISchedulerFactory>().GetScheduler();

    /// <summary>Runs the dispatcher until the outbox has nothing more to apply now.</summary>
    public async Task DispatchAllAsync()
    {
        var dispatcher = _services.GetRequiredService<OutboxDispatcher>();
        while (await dispatcher.DispatchOnceAsync(CancellationToken.None) > 0)
        {
        }
    }

    /// <summary>Sends a command as the system, as a job would.</summary>
    public async Task<T> SendAsSystem<T>(IRequest<T> command)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command);
    }

    /// <summary>Runs the reminder sweep as <see cref="ReminderSlotJob"/> does, up to the clock's now; returns the new notifications.</summary>
    public async Task<int> SweepRemindersAsync(TimeProvider clock)
    {
        var created = 0;
        DueRemindersSent batch;
        do
        {
            batch = await SendAsSystem(new SendDueReminders(clock.GetUtcNow()));
            created += batch.Created;
        } while (batch.Taken >= SendDueReminders.DefaultBatchSize);
        return created;
    }

    /// <summary>Runs the deadline sweep as <see cref="DeadlineSlotJob"/> does, up to the clock's now; returns the tasks passed now.</summary>
    public async Task<int> SweepDeadlinesAsync(TimeProvider clock)
    {
        var passed = 0;
        DueDeadlinesSent batch;
        do
        {
            batch = await SendAsSystem(new SendDueDeadlines(clock.GetUtcNow()));
            passed += batch.Passed;
        } while (batch.Taken >= SendDueDeadlines.DefaultBatchSize);
        return passed;
    }

    /// <summary>Runs the slot planner as its job does at the clock's now; returns the triggers it stored.</summary>
    public async Task<int> PlanSlotsAsync(TimeProvider clock) =>
        await ScheduleSlotPlanner.PlanAsync(_services.GetRequiredService<IServiceScopeFactory>(), await SchedulerAsync(), clock, clock.GetUtcNow(),
            clock.GetUtcNow() + new SchedulingSettings().SlotPlanningHorizon, CancellationToken.None);

    public Task<int> SendMailAsync() => _services.GetRequiredService<EmailSender>().SendPendingAsync(CancellationToken.None);

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}

/// <summary>Reads the Quartz tables directly: what is really stored, not what the API caches.</summary>
public static class QuartzTables
{
    /// <summary>The task's unsent reminder rows (task_reminders), earliest first.</summary>
    public static async Task<List<DateTimeOffset>> ReminderTimesAsync(string connectionString, Guid instanceId, string taskKey)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT remind_at FROM task_reminders WHERE instance_id = @instance AND task_key = @task ORDER BY remind_at", connection);
        command.Parameters.AddWithValue("instance", instanceId);
        command.Parameters.AddWithValue("task", taskKey);
        var result = new List<DateTimeOffset>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            result.Add(reader.GetFieldValue<DateTimeOffset>(0));
        return result;
    }

    /// <summary>The pending reminder slot trigger of an instant: its next fire time, or null when there is none.</summary>
    public static async Task<DateTimeOffset?> SlotAsync(string connectionString, DateTimeOffset remindAt)
    {
        var key = ScheduleKeys.ReminderSlot(remindAt);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT next_fire_time FROM qrtz_triggers WHERE trigger_name = @name AND trigger_group = @group AND job_name = @job", connection);
        command.Parameters.AddWithValue("name", key.Name);
        command.Parameters.AddWithValue("group", key.Group);
        command.Parameters.AddWithValue("job", ScheduleKeys.ReminderSlotJob.Name);
        return await command.ExecuteScalarAsync() is long ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;
    }

    /// <summary>The pending slot trigger of an instant in a group (deadline, reminder or escalation slots): its next fire time, or null.</summary>
    public static async Task<DateTimeOffset?> SlotAsync(string connectionString, TriggerKey key)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT next_fire_time FROM qrtz_triggers WHERE trigger_name = @name AND trigger_group = @group", connection);
        command.Parameters.AddWithValue("name", key.Name);
        command.Parameters.AddWithValue("group", key.Group);
        return await command.ExecuteScalarAsync() is long ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;
    }

    /// <summary>Quartz jobs and triggers that name one workflow instance (there should be none: deadlines are rows).</summary>
    public static Task<long> InstanceTriggersAsync(string connectionString, Guid instanceId) =>
        CountAsync(connectionString, $"SELECT count(*) FROM qrtz_triggers WHERE trigger_name LIKE '{instanceId:N}%' OR job_name LIKE '{instanceId:N}%'");

    public static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}

/// <summary>Counts Quartz executions per trigger across every node it is attached to.</summary>
public sealed class JobRunCounter : IJobListener
{
    public ConcurrentDictionary<string, int> Runs { get; } = new();

    public string Name => "test-run-counter";

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        Runs.AddOrUpdate(context.Trigger.Key.Name, 1, (_, n) => n + 1);
        return ValueTask.CompletedTask;
    }
}

/// <summary>An application node as in production — Quartz started, clustered, dispatcher and mailer running — on a shared clock.</summary>
public sealed class QuartzNode : IAsyncDisposable
{
    private readonly IHost _host;

    private QuartzNode(IHost host) => _host = host;

    /// <summary>Short waits so a test sees triggers fire within a second or two of their time.</summary>
    public static SchedulingSettings FastSettings() => new()
    {
        IdleWaitTime = TimeSpan.FromSeconds(1),
        DispatchInterval = TimeSpan.FromMilliseconds(200),
        MisfireThreshold = TimeSpan.FromSeconds(2),
        ClusterCheckinInterval = TimeSpan.FromSeconds(1),
        // The test jumps the shared clock by days: nodes that are alive must not take each other for dead.
        ClusterCheckinMisfireThreshold = TimeSpan.FromDays(40),
        ThreadCount = 4,
        ReminderCatchUpInterval = TimeSpan.FromSeconds(3),
        SlotPlanningInterval = TimeSpan.FromSeconds(1),
        SlotPlanningHorizon = TimeSpan.FromSeconds(30),
    };

    public static async Task<QuartzNode> StartAsync(string connectionString, TimeProvider clock, JobRunCounter counter, int? smtpPort = null,
        Action<IQuartzBuilder>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddCommendations(connectionString, demoScopes: true).AddTestAuditKey();
        builder.Services.AddSingleton(clock);
        builder.Services.AddCommendationsScheduling(connectionString, FastSettings(), clock,
            q =>
            {
                q.AddJobListener(counter, [GroupMatcher<JobKey>.AnyGroup()]);
                configure?.Invoke(q);
            });
        if (smtpPort is { } port)
            builder.Services.Configure<SmtpSettings>(s => (s.Host, s.Port, s.SendInterval) = ("127.0.0.1", port, TimeSpan.FromMilliseconds(200)));
        var host = builder.Build();
        await host.StartAsync();
        return new QuartzNode(host);
    }

    public IServiceProvider Services => _host.Services;

    public async Task<IScheduler> SchedulerAsync() => await _host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}

public static class Eventually
{
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await probe();
            if (done(value))
                return value;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Timed out after {timeout} waiting for {what}; last value: {value}.");
            await Task.Delay(100);
        }
    }
}

public static class NotificationProbe
{
    public static async Task<List<Domain.Notifications.Notification>> ForNominationAsync(DatabaseFixture db, Guid nominationId)
    {
        await using var context = db.CreateDbContext();
        return await context.Notifications.AsNoTracking().Where(n => n.NominationId == nominationId).OrderBy(n => n.CreatedAt).ToListAsync();
    }
}
