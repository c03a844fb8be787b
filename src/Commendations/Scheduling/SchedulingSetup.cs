using Commendations.Engine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartz;

namespace Commendations.Scheduling;

public static class SchedulingSetup
{
    /// <summary>The daily campaign check at 08:00 Vietnam time (the command skips non-working days).</summary>
    public const string CampaignCheckCron = "0 0 8 * * ?";

    /// <summary>
    /// Quartz's own sessions commit without waiting for the disk. Every job completion takes Quartz's one cluster-wide
    /// row lock, and waiting for fsync while holding it made a burst of reminders queue (benchmark scenario 4: 46 ms of
    /// lock wait per reminder). Safe here: a Quartz commit lost in a crash can only make a trigger fire again, and every
    /// job re-checks its task and dedupes its notification; anything the app commits durably afterwards (e.g. the outbox
    /// row marked applied after scheduling) flushes the WAL before it, Quartz's earlier commits included.
    /// </summary>
    public static string QuartzConnectionString(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        builder.Options = $"{builder.Options} -c synchronous_commit=off".Trim(); // kept: options the operator set
        // Quartz keeps no session state between uses of a connection (its locks are row locks inside its transactions; the
        // startup options above are session defaults), so the DISCARD ALL on every reuse of a pooled one is skipped.
        builder.NoResetOnClose = true;
        return builder.ConnectionString;
    }

    /// <summary>
    /// Quartz with its ADO.NET job store on the app's PostgreSQL (tables qrtz_*, created by migration), clustered with
    /// generated instance ids; its hosted service; the outbox dispatcher; the email sender. <paramref name="clock"/> is
    /// Quartz's clock (tests pass the same one the app uses).
    /// </summary>
    public static IServiceCollection AddCommendationsScheduling(this IServiceCollection services, string connectionString,
        SchedulingSettings settings, TimeProvider? clock = null, Action<IQuartzBuilder>? configure = null)
    {
        services.AddSingleton<IOptions<SchedulingSettings>>(Options.Create(settings));
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o =>
            {
                o.InstanceName = settings.SchedulerName;
                o.GenerateInstanceId = true; // a distinct id per node (host name + time), as clustering requires
                o.IdleWaitTime = settings.IdleWaitTime;
                o.MaxBatchSize = settings.MaxBatchSize ?? settings.ThreadCount;
                o.BatchTriggerAcquisitionFireAheadTimeWindow = settings.BatchTimeWindow;
            });
            q.UseTimeProvider(clock ?? TimeProvider.System);
            q.UseDefaultThreadPool(settings.ThreadCount);
            q.UsePersistentStore(store =>
            {
                store.UsePostgres(QuartzConnectionString(connectionString));
                store.UseClustering(c =>
                {
                    c.CheckinInterval = settings.ClusterCheckinInterval;
                    c.CheckinMisfireThreshold = settings.ClusterCheckinMisfireThreshold;
                });
                store.UseSystemTextJsonSerializer();
                store.ConfigureStore(o =>
                {
                    o.TablePrefix = QuartzSchema.TablePrefix;
                    o.MisfireThreshold = settings.MisfireThreshold;
                });
            });
            q.AddJob<CampaignDeadlinesJob>(j => j.WithIdentity(ScheduleKeys.CampaignDeadlinesJob).StoreDurably());
            q.AddTrigger(t => t.ForJob(ScheduleKeys.CampaignDeadlinesJob).WithIdentity(ScheduleKeys.CampaignDeadlinesTrigger)
                .WithCronSchedule(CampaignCheckCron, c => c.InTimeZone(VietnamTime.Zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
            q.AddJob<ReminderSlotJob>(j => j.WithIdentity(ScheduleKeys.ReminderSlotJob).StoreDurably());
            // The reminder safety net: a sweep every minute besides the slot triggers, so a reminder row is delivered at most
            // about a minute late when its instant came before the planner's next run, or when a slot trigger was lost.
            // Started on Quartz's own clock (a builder left alone would start it on the machine's clock).
            q.AddTrigger(t => t.ForJob(ScheduleKeys.ReminderSlotJob).WithIdentity(ScheduleKeys.RemindersCatchUpTrigger)
                .StartAt((clock ?? TimeProvider.System).GetUtcNow())
                .WithSimpleSchedule(s => s.WithInterval(settings.ReminderCatchUpInterval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithExistingCount)));
            q.AddJob<EscalationSlotJob>(j => j.WithIdentity(ScheduleKeys.EscalationSlotJob).StoreDurably());
            // The same safety net for escalation levels.
            q.AddTrigger(t => t.ForJob(ScheduleKeys.EscalationSlotJob).WithIdentity(ScheduleKeys.EscalationsCatchUpTrigger)
                .StartAt((clock ?? TimeProvider.System).GetUtcNow())
                .WithSimpleSchedule(s => s.WithInterval(settings.ReminderCatchUpInterval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithExistingCount)));
            q.AddJob<DeadlineSlotJob>(j => j.WithIdentity(ScheduleKeys.DeadlineSlotJob).StoreDurably());
            // And for due times: a task due before the planner's next run is swept within a catch-up interval.
            q.AddTrigger(t => t.ForJob(ScheduleKeys.DeadlineSlotJob).WithIdentity(ScheduleKeys.DeadlinesCatchUpTrigger)
                .StartAt((clock ?? TimeProvider.System).GetUtcNow())
                .WithSimpleSchedule(s => s.WithInterval(settings.ReminderCatchUpInterval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithExistingCount)));
            q.AddJob<WaitSlotJob>(j => j.WithIdentity(ScheduleKeys.WaitSlotJob).StoreDurably());
            // And for the ends of waits (a wait entered with little time left, or an upgraded store's wait).
            q.AddTrigger(t => t.ForJob(ScheduleKeys.WaitSlotJob).WithIdentity(ScheduleKeys.WaitsCatchUpTrigger)
                .StartAt((clock ?? TimeProvider.System).GetUtcNow())
                .WithSimpleSchedule(s => s.WithInterval(settings.ReminderCatchUpInterval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithExistingCount)));
            q.AddJob<ScheduleSlotPlanner>(j => j.WithIdentity(ScheduleKeys.SlotPlannerJob).StoreDurably());
            q.AddTrigger(t => t.ForJob(ScheduleKeys.SlotPlannerJob).WithIdentity(ScheduleKeys.SlotPlannerTrigger)
                .StartAt((clock ?? TimeProvider.System).GetUtcNow())
                .WithSimpleSchedule(s => s.WithInterval(settings.SlotPlanningInterval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithExistingCount)));
            q.AddJob<IncidentSweepJob>(j => j.WithIdentity(ScheduleKeys.IncidentSweepJob).StoreDurably());
            q.AddTrigger(t => t.ForJob(ScheduleKeys.IncidentSweepJob).WithIdentity(ScheduleKeys.IncidentSweepTrigger)
                .StartAt((clock ?? TimeProvider.System).GetUtcNow() + IncidentSweepJob.FirstDelay)
                .WithSimpleSchedule(s => s.WithInterval(IncidentSweepJob.Interval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
            q.AddJob<CampaignProgressCompactionJob>(j => j.WithIdentity(ScheduleKeys.CampaignProgressCompactionJob).StoreDurably());
            q.AddTrigger(t => t.ForJob(ScheduleKeys.CampaignProgressCompactionJob).WithIdentity(ScheduleKeys.CampaignProgressCompactionTrigger)
                .WithSimpleSchedule(s => s.WithInterval(CampaignProgressCounts.CompactionInterval).RepeatForever()));
            // Every job that throws is recorded, to be listed as an incident and run again by an administrator.
            q.AddJobListener<JobFailureRecorder>([GroupMatcher<JobKey>.AnyGroup()]);
            configure?.Invoke(q);
        });
        services.AddQuartzHostedService(o =>
        {
            o.WaitForJobsToComplete = true;
            // The scheduler (clustered: recovery and check-in) starts once the app is up, instead of delaying its readiness.
            o.AwaitApplicationStarted = true;
        });
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService<OutboxDispatcherService>();
        services.AddSingleton<EmailSender>();
        services.AddHostedService<EmailSenderService>();
        return services;
    }
}
