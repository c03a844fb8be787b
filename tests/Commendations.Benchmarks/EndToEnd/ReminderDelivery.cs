using System.Diagnostics;
using Commendations.Scheduling;
using Commendations.Seeding;
using Npgsql;

namespace Commendations.Benchmarks.EndToEnd;

public sealed record ReminderRunResult(int ScheduledJobs, long ScheduledTriggers, long ReminderRows, long Slots, int Burst, int Delivered,
    int DistinctTasks, IReadOnlyList<double> DelaysMs, TimeSpan SetupTime, bool TimedOut, long Transactions, IReadOnlyList<StatementCount> Statements);

/// <summary>
/// Scenario 4 of issue 9: with <c>total</c> task deadlines scheduled, <c>burst</c> reminders fall due at the same
/// instant; how long after that instant is each one delivered (its notification row committed by the web process's
/// clustered scheduler)?
/// <para>
/// The store has the shape the app gives it: each reminder is a <c>task_reminders</c> row, each distinct reminder
/// instant has one slot trigger (group <c>reminder-slots</c>) of the durable sweep job, and each task keeps one Quartz job
/// with its due trigger. The burst are real: nominations submitted through the use cases, whose deadlines (two reminder
/// rows and a due trigger each, and their slots) the web process's outbox dispatcher applied. The rest is bulk-copied in
/// SQL from one of those tasks (its reminder rows under new task keys of the same instance, its due job and trigger
/// under new names; times shifted by 1 to 40 days, so 08:00 reminders stay shared by many tasks, as the engine's
/// working-day reminders are) with one slot trigger per distinct copied instant — hand-made only to give the store its
/// size; none of them is due during the measurement.
/// </para>
/// <para>
/// The burst instant T0 is made while the node runs, as another node's scheduling would: in one transaction, each real
/// task's first reminder row moves to T0 and the slot trigger for T0 is created under the app's key format (a copy of
/// the real tasks' first slot). The running node learns of it by polling (Quartz's idle wait, 10 s), exactly as in a
/// cluster; T0 = now + 15 s leaves it that.
/// </para>
/// </summary>
public static class ReminderDelivery
{
    private const string TaskGroup = ScheduleKeys.TaskGroup;
    private const string SlotGroup = ScheduleKeys.ReminderSlotGroup;
    private const long OneDay = 24L * 60 * 60 * 10_000_000;

    public static async Task<ReminderRunResult> RunAsync(BenchCluster cluster, int total, int burst, TextWriter log)
    {
        var setup = Stopwatch.StartNew();
        await using var app = await AppDatabase.CreateAsync(cluster, "bench_reminders");
        await app.EnsureCommitteeMembersAsync(3);
        var officer = await app.UserAsync(DemoAccounts.OfficerTanHoa.UserName);
        var campaign = await app.EnsureOpenCampaignAsync();
        log.WriteLine($"reminders: submitting {burst} nominations (each opens a committee member's task with 2 reminders and a deadline) ...");
        await app.SubmitNominationsAsync(officer, campaign, burst, 4, log);

        using var web = await WebProcess.StartAsync(app.ConnectionString, TimeSpan.FromSeconds(90));
        log.WriteLine($"  web process {web.ProcessId} ready in {web.TimeToReady.TotalSeconds:F2} s; waiting for its dispatcher to schedule the deadlines ...");
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await WaitAsync(async () => await ScalarAsync(connection, "SELECT count(*) FROM outbox_messages WHERE processed_at IS NULL") == 0
                                    && await ScalarAsync(connection, $"SELECT count(*) FROM qrtz_job_details WHERE job_group = '{TaskGroup}'") >= burst,
            TimeSpan.FromMinutes(5), "the outbox to be applied");
        var realJobs = await NamesAsync(connection, $"SELECT job_name FROM qrtz_job_details WHERE job_group = '{TaskGroup}' ORDER BY job_name");
        var realRows = await ScalarAsync(connection, "SELECT count(*) FROM task_reminders");
        var firstSlot = await NamesAsync(connection, $"SELECT trigger_name FROM qrtz_triggers WHERE trigger_group = '{SlotGroup}' AND " +
            $"next_fire_time = (SELECT {Ticks("min(remind_at)")} FROM task_reminders)");
        if (firstSlot.Count != 1)
            throw new InvalidOperationException("The real tasks' first reminder instant has no slot trigger.");

        var copies = total - realJobs.Count;
        log.WriteLine($"  {realJobs.Count} real deadline jobs and {realRows} reminder rows scheduled; copying {copies:N0} more tasks into the store ...");
        await CopyTasksAsync(connection, realJobs[0], copies, firstSlot[0]);
        foreach (var table in new[] { "qrtz_job_details", "qrtz_triggers", "qrtz_simple_triggers", "task_reminders" })
            await ExecuteAsync(connection, $"VACUUM ANALYZE {table}");
        var jobs = (int)await ScalarAsync(connection, $"SELECT count(*) FROM qrtz_job_details WHERE job_group = '{TaskGroup}'");
        var triggers = await ScalarAsync(connection, "SELECT count(*) FROM qrtz_triggers");
        var rows = await ScalarAsync(connection, "SELECT count(*) FROM task_reminders");
        var slots = await ScalarAsync(connection, $"SELECT count(*) FROM qrtz_triggers WHERE trigger_group = '{SlotGroup}'");
        setup.Stop();

        var before = await cluster.CountersAsync(app.Name);
        // T0 leaves the node one full idle wait (10 s) to notice the new slot, as a trigger scheduled by another node needs.
        var t0 = DateTimeOffset.UtcNow.AddSeconds(15);
        int moved;
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            moved = await ExecuteAsync(connection, """
                WITH firsts AS (SELECT instance_id, task_key, min(remind_at) AS first FROM task_reminders
                                WHERE task_key NOT LIKE 'bench-%' GROUP BY instance_id, task_key)
                UPDATE task_reminders r SET remind_at = @t0
                FROM firsts f WHERE r.instance_id = f.instance_id AND r.task_key = f.task_key AND r.remind_at = f.first
                """, ("t0", t0));
            await CopySlotAsync(connection, firstSlot[0], ScheduleKeys.ReminderSlot(t0).Name, $"{t0.UtcTicks}");
            await transaction.CommitAsync();
        }
        log.WriteLine($"  {jobs:N0} deadline jobs, {rows:N0} reminder rows, {slots:N0} reminder slots, {triggers:N0} triggers in the store; " +
                      $"{moved} reminders now due at {t0:HH:mm:ss.fff} UTC; waiting ...");

        var sinceT0 = $"FROM notifications WHERE kind = '{Domain.Notifications.NotificationKinds.TaskReminder}'";
        var timedOut = false;
        try
        {
            await WaitAsync(async () => await ScalarAsync(connection, "SELECT count(*) " + sinceT0) >= moved, TimeSpan.FromSeconds(120), "the reminders");
        }
        catch (TimeoutException)
        {
            timedOut = true;
        }
        var after = await cluster.CountersAsync(app.Name);
        var delays = new List<double>();
        await using (var command = new NpgsqlCommand($"SELECT created_at {sinceT0}", connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                delays.Add((reader.GetFieldValue<DateTimeOffset>(0) - t0).TotalMilliseconds);
        }
        var distinct = (int)await ScalarAsync(connection, "SELECT count(DISTINCT nomination_id) " + sinceT0);
        delays.Sort();
        return new ReminderRunResult(jobs, triggers, rows, slots, moved, delays.Count, distinct, delays, setup.Elapsed, timedOut,
            after.Transactions - before.Transactions, after.Since(before));
    }

    /// <summary>
    /// Copies of one task: its reminder rows (same instance, task key <c>bench-N</c>), its due job and trigger (job
    /// <c>bench-N</c>), all times shifted by 1 to 40 days; then one slot trigger, copied from <paramref name="slotTemplate"/>,
    /// for every copied reminder instant that has none.
    /// </summary>
    private static async Task CopyTasksAsync(NpgsqlConnection connection, string template, int copies, string slotTemplate)
    {
        await ExecuteAsync(connection, $"""
            INSERT INTO task_reminders (instance_id, task_key, nomination_id, remind_at, due_at)
            SELECT r.instance_id, 'bench-' || g, r.nomination_id, r.remind_at + (g % 40 + 1) * interval '1 day', r.due_at + (g % 40 + 1) * interval '1 day'
            FROM task_reminders r, generate_series(1, {copies}) g
            WHERE replace(r.instance_id::text, '-', '') || '/' || r.task_key = @template;

            INSERT INTO qrtz_job_details (sched_name, job_name, job_group, description, job_class_name, is_durable, is_nonconcurrent,
                                          is_update_data, requests_recovery, job_data)
            SELECT j.sched_name, 'bench-' || g, j.job_group, j.description, j.job_class_name, j.is_durable, j.is_nonconcurrent,
                   j.is_update_data, j.requests_recovery, j.job_data
            FROM qrtz_job_details j, generate_series(1, {copies}) g
            WHERE j.job_group = '{TaskGroup}' AND j.job_name = @template;

            INSERT INTO qrtz_triggers (sched_name, trigger_name, trigger_group, job_name, job_group, description, next_fire_time,
                                       prev_fire_time, priority, trigger_state, trigger_type, start_time, end_time, calendar_name,
                                       misfire_instr, job_data)
            SELECT t.sched_name, 'bench-' || g || substr(t.trigger_name, length(t.job_name) + 1), t.trigger_group, 'bench-' || g,
                   t.job_group, t.description, t.next_fire_time + (g % 40 + 1) * {OneDay}, t.prev_fire_time, t.priority,
                   t.trigger_state, t.trigger_type, t.start_time + (g % 40 + 1) * {OneDay}, t.end_time, t.calendar_name,
                   t.misfire_instr, t.job_data
            FROM qrtz_triggers t, generate_series(1, {copies}) g
            WHERE t.trigger_group = '{TaskGroup}' AND t.job_name = @template;

            INSERT INTO qrtz_simple_triggers (sched_name, trigger_name, trigger_group, repeat_count, repeat_interval, times_triggered)
            SELECT s.sched_name, 'bench-' || g || substr(s.trigger_name, length(@template) + 1), s.trigger_group, s.repeat_count,
                   s.repeat_interval, s.times_triggered
            FROM qrtz_simple_triggers s, generate_series(1, {copies}) g
            WHERE s.trigger_group = '{TaskGroup}' AND s.trigger_name LIKE @template || '/%';
            """, ("template", template));
        var instants = await NamesAsync(connection, $"""
            SELECT DISTINCT ({Ticks("r.remind_at")})::text FROM task_reminders r
            WHERE NOT EXISTS (SELECT 1 FROM qrtz_triggers t WHERE t.trigger_group = '{SlotGroup}' AND t.next_fire_time = {Ticks("r.remind_at")})
            """);
        foreach (var ticks in instants)
            await CopySlotAsync(connection, slotTemplate, $"reminders/{ticks}", ticks);
    }

    /// <summary>A timestamptz as .NET UTC ticks, the unit of Quartz's fire times.</summary>
    private static string Ticks(string timestamp) => $"((extract(epoch FROM {timestamp}) * 10000000)::bigint + 621355968000000000)";

    /// <summary>A slot trigger like <paramref name="template"/>, named <paramref name="name"/>, firing at <paramref name="ticks"/> (UTC).</summary>
    private static Task<int> CopySlotAsync(NpgsqlConnection connection, string template, string name, string ticks) =>
        ExecuteAsync(connection, $"""
            INSERT INTO qrtz_triggers (sched_name, trigger_name, trigger_group, job_name, job_group, description, next_fire_time,
                                       prev_fire_time, priority, trigger_state, trigger_type, start_time, end_time, calendar_name,
                                       misfire_instr, job_data)
            SELECT sched_name, @name, trigger_group, job_name, job_group, description, {ticks}, prev_fire_time, priority,
                   'WAITING', trigger_type, {ticks}, end_time, calendar_name, misfire_instr, job_data
            FROM qrtz_triggers WHERE trigger_group = '{SlotGroup}' AND trigger_name = @template;

            INSERT INTO qrtz_simple_triggers (sched_name, trigger_name, trigger_group, repeat_count, repeat_interval, times_triggered)
            SELECT sched_name, @name, trigger_group, repeat_count, repeat_interval, times_triggered
            FROM qrtz_simple_triggers WHERE trigger_group = '{SlotGroup}' AND trigger_name = @template;
            """, ("name", name), ("template", template));

    private static async Task WaitAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            if (watch.Elapsed > timeout)
                throw new TimeoutException($"Waited {timeout} for {what}.");
            await Task.Delay(100);
        }
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<List<string>> NamesAsync(NpgsqlConnection connection, string sql)
    {
        var names = new List<string>();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            names.Add(reader.GetString(0));
        return names;
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        return await command.ExecuteNonQueryAsync();
    }
}
