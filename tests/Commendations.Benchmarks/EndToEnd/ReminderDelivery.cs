using System.Diagnostics;
using Commendations.Scheduling;
using Commendations.Seeding;
using Npgsql;

namespace Commendations.Benchmarks.EndToEnd;

public sealed record ReminderRunResult(int Deadlines, long ScheduledTriggers, long ReminderRows, long Slots, int Burst, int Delivered,
    int DistinctTasks, IReadOnlyList<double> DelaysMs, TimeSpan SetupTime, bool TimedOut, long Transactions, IReadOnlyList<StatementCount> Statements);

/// <summary>
/// Scenario 4 of issue 9: with <c>total</c> task deadlines scheduled, <c>burst</c> reminders fall due at the same
/// instant; how long after that instant is each one delivered (its notification row committed by the web process's
/// clustered scheduler)?
/// <para>
/// The store has the shape the app gives it since deadlines became data (issue 20): each deadline is an open task row
/// (its due time swept from the partial index of pending deadlines), each reminder a <c>task_reminders</c> row, and Quartz
/// holds one slot trigger per distinct instant of the coming minutes only. The burst are real: nominations submitted
/// through the use cases, whose tasks and reminder rows their own transactions wrote. The rest is bulk-copied in SQL
/// from one of those tasks (its task row and reminder rows under new task keys of the same instance; times shifted by 1
/// to 40 days, so 08:00 reminders stay shared by many tasks, as the engine's working-day reminders are) — hand-made only
/// to give the tables their size; none of them is due during the measurement.
/// </para>
/// <para>
/// The burst instant T0 is made while the node runs, as the slot planner would have made it minutes before: in one
/// transaction, each real open task's first reminder row moves to T0 (the drafts' tasks, closed at submission, keep
/// rows the sweep drops when their instants come) and the slot trigger for T0 is stored under the app's
/// key format (a one-shot copy of the reminders' catch-up trigger). The running node learns of it by polling (Quartz's
/// idle wait, 10 s), exactly as in a cluster; T0 = now + 15 s leaves it that.
/// </para>
/// </summary>
public static class ReminderDelivery
{
    private const string SlotGroup = ScheduleKeys.ReminderSlotGroup;

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
        log.WriteLine($"  web process {web.ProcessId} ready in {web.TimeToReady.TotalSeconds:F2} s; waiting for its dispatcher to send the hand-overs ...");
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await WaitAsync(async () => await ScalarAsync(connection, "SELECT count(*) FROM outbox_messages WHERE processed_at IS NULL") == 0,
            TimeSpan.FromMinutes(5), "the outbox to be applied");
        var realTasks = await NamesAsync(connection, "SELECT id::text FROM workflow_tasks WHERE status = 'Open' AND assignee_user_id IS NOT NULL ORDER BY id");
        var realRows = await ScalarAsync(connection, "SELECT count(*) FROM task_reminders");

        var copies = total - realTasks.Count;
        log.WriteLine($"  {realTasks.Count} real open tasks and {realRows} reminder rows; copying {copies:N0} more tasks into the tables ...");
        await CopyTasksAsync(connection, Guid.Parse(realTasks[0]), copies);
        foreach (var table in new[] { "workflow_tasks", "task_reminders", "qrtz_triggers" })
            await ExecuteAsync(connection, $"VACUUM ANALYZE {table}");
        var deadlines = (int)await ScalarAsync(connection, "SELECT count(*) FROM workflow_tasks WHERE status = 'Open' AND deadline_passed_at IS NULL");
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
                WITH firsts AS (SELECT r.instance_id, r.task_key, min(r.remind_at) AS first FROM task_reminders r
                                JOIN workflow_tasks t ON t.instance_id = r.instance_id AND t.task_key = r.task_key AND t.status = 'Open'
                                WHERE r.task_key NOT LIKE 'bench-%' GROUP BY r.instance_id, r.task_key)
                UPDATE task_reminders r SET remind_at = @t0
                FROM firsts f WHERE r.instance_id = f.instance_id AND r.task_key = f.task_key AND r.remind_at = f.first
                """, ("t0", t0));
            await StoreSlotAsync(connection, ScheduleKeys.ReminderSlot(t0).Name, $"{t0.UtcTicks}");
            await transaction.CommitAsync();
        }
        log.WriteLine($"  {deadlines:N0} pending deadlines (open task rows), {rows:N0} reminder rows, {slots:N0} reminder slots, {triggers:N0} triggers " +
                      $"in the store; {moved} reminders now due at {t0:HH:mm:ss.fff} UTC; waiting ...");

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
        return new ReminderRunResult(deadlines, triggers, rows, slots, moved, delays.Count, distinct, delays, setup.Elapsed, timedOut,
            after.Transactions - before.Transactions, after.Since(before));
    }

    /// <summary>
    /// Copies of one open task (<paramref name="template"/>): its row under task key <c>bench-N</c> of the same instance and
    /// its reminder rows, all times shifted by 1 to 40 days.
    /// </summary>
    private static Task<int> CopyTasksAsync(NpgsqlConnection connection, Guid template, int copies) =>
        ExecuteAsync(connection, $"""
            INSERT INTO task_reminders (instance_id, task_key, nomination_id, remind_at, due_at)
            SELECT r.instance_id, 'bench-' || g, r.nomination_id, r.remind_at + (g % 40 + 1) * interval '1 day', r.due_at + (g % 40 + 1) * interval '1 day'
            FROM task_reminders r JOIN workflow_tasks t ON t.instance_id = r.instance_id AND t.task_key = r.task_key, generate_series(1, {copies}) g
            WHERE t.id = @template;

            INSERT INTO workflow_tasks (id, instance_id, nomination_id, task_key, step_key, round, assignee_user_id, assignee_role, assignee_unit_id,
                                        sequence, opened_at, due_at, reminder_times, escalate_at, status, outcome, closed_by, closed_at, claimed_at,
                                        claimed_by, campaign_id, nominee_name, deadline_passed_at)
            SELECT gen_random_uuid(), t.instance_id, t.nomination_id, 'bench-' || g, t.step_key, t.round, t.assignee_user_id, t.assignee_role,
                   t.assignee_unit_id, t.sequence, t.opened_at, t.due_at + (g % 40 + 1) * interval '1 day', t.reminder_times, t.escalate_at,
                   t.status, NULL, NULL, NULL, NULL, NULL, t.campaign_id, t.nominee_name, NULL
            FROM workflow_tasks t, generate_series(1, {copies}) g
            WHERE t.id = @template;
            """, ("template", template));

    /// <summary>
    /// A one-shot reminder slot named <paramref name="name"/> firing at <paramref name="ticks"/> (UTC), as the slot planner
    /// stores it: a copy of the reminders' catch-up trigger (same scheduler, job and data) made to fire once.
    /// </summary>
    private static Task<int> StoreSlotAsync(NpgsqlConnection connection, string name, string ticks) =>
        ExecuteAsync(connection, $"""
            INSERT INTO qrtz_triggers (sched_name, trigger_name, trigger_group, job_name, job_group, description, next_fire_time,
                                       prev_fire_time, priority, trigger_state, trigger_type, start_time, end_time, calendar_name,
                                       misfire_instr, job_data)
            SELECT sched_name, @name, '{SlotGroup}', job_name, job_group, description, {ticks}, -1, priority,
                   'WAITING', trigger_type, {ticks}, end_time, calendar_name, 1, job_data
            FROM qrtz_triggers WHERE trigger_name = @template;

            INSERT INTO qrtz_simple_triggers (sched_name, trigger_name, trigger_group, repeat_count, repeat_interval, times_triggered)
            SELECT sched_name, @name, '{SlotGroup}', 0, 0, 0
            FROM qrtz_simple_triggers WHERE trigger_name = @template;
            """, ("name", name), ("template", ScheduleKeys.RemindersCatchUpTrigger.Name));

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
