using System.Diagnostics;
using Commendations.Scheduling;
using Commendations.Seeding;
using Npgsql;

namespace Commendations.Benchmarks.EndToEnd;

public sealed record ReminderRunResult(int ScheduledJobs, long ScheduledTriggers, int Burst, int Delivered, int DistinctTasks,
    IReadOnlyList<double> DelaysMs, TimeSpan SetupTime, bool TimedOut, long Transactions, IReadOnlyList<StatementCount> Statements);

/// <summary>
/// Scenario 4 of issue 9: with <c>total</c> task deadlines scheduled in the Quartz job store, <c>burst</c> reminders fall
/// due at the same instant; how long after that instant is each one delivered (its notification row committed by
/// the web process's clustered scheduler)?
/// <para>
/// The burst are real: nominations submitted through the use cases, whose deadline jobs (two reminders and a due
/// trigger each) the web process's outbox dispatcher scheduled through Quartz. The rest of the store is bulk-copied
/// in SQL from one of those jobs (same job data, new keys, fire times spread over the following weeks) — hand-made
/// only to give the store its size; none of them is due during the measurement. The burst instant is set by moving
/// each real job's first reminder trigger to T0 in one UPDATE while the node runs, as a reschedule by another node
/// would: the running node learns of them by polling, exactly as in a cluster.
/// </para>
/// </summary>
public static class ReminderDelivery
{
    private const string TaskGroup = ScheduleKeys.TaskGroup;

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

        var copies = total - realJobs.Count;
        log.WriteLine($"  {realJobs.Count} real deadline jobs scheduled; copying {copies:N0} more into the job store ...");
        await CopyJobsAsync(connection, realJobs[0], copies);
        foreach (var table in new[] { "qrtz_job_details", "qrtz_triggers", "qrtz_simple_triggers" })
            await ExecuteAsync(connection, $"VACUUM ANALYZE {table}");
        var jobs = (int)await ScalarAsync(connection, $"SELECT count(*) FROM qrtz_job_details WHERE job_group = '{TaskGroup}'");
        var triggers = await ScalarAsync(connection, $"SELECT count(*) FROM qrtz_triggers WHERE trigger_group = '{TaskGroup}'");
        setup.Stop();

        var before = await cluster.CountersAsync(app.Name);
        // T0 leaves the node one full idle wait (10 s) to notice the change, as a trigger scheduled by another node needs.
        var t0 = DateTimeOffset.UtcNow.AddSeconds(15);
        var moved = await ExecuteAsync(connection,
            $"UPDATE qrtz_triggers SET next_fire_time = {t0.UtcTicks}, start_time = {t0.UtcTicks} " +
            $"WHERE trigger_group = '{TaskGroup}' AND trigger_state = 'WAITING' AND trigger_name = ANY(@names)",
            ("names", realJobs.Select(j => j + "/reminder-0").ToArray()));
        log.WriteLine($"  {jobs:N0} deadline jobs, {triggers:N0} triggers in the store; {moved} reminders now due at {t0:HH:mm:ss.fff} UTC; waiting ...");

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
        return new ReminderRunResult(jobs, triggers, moved, delays.Count, distinct, delays, setup.Elapsed, timedOut,
            after.Transactions - before.Transactions, after.Since(before));
    }

    /// <summary>Copies of one job and its triggers under new names, each copy's fire times shifted by 1 to 2000 × 10 minutes.</summary>
    private static async Task CopyJobsAsync(NpgsqlConnection connection, string template, int copies)
    {
        const long tenMinutes = 10L * 60 * 10_000_000;
        await ExecuteAsync(connection, $"""
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
                   t.job_group, t.description, t.next_fire_time + (g % 2000 + 1) * {tenMinutes}, t.prev_fire_time, t.priority,
                   t.trigger_state, t.trigger_type, t.start_time + (g % 2000 + 1) * {tenMinutes}, t.end_time, t.calendar_name,
                   t.misfire_instr, t.job_data
            FROM qrtz_triggers t, generate_series(1, {copies}) g
            WHERE t.trigger_group = '{TaskGroup}' AND t.job_name = @template;

            INSERT INTO qrtz_simple_triggers (sched_name, trigger_name, trigger_group, repeat_count, repeat_interval, times_triggered)
            SELECT s.sched_name, 'bench-' || g || substr(s.trigger_name, length(@template) + 1), s.trigger_group, s.repeat_count,
                   s.repeat_interval, s.times_triggered
            FROM qrtz_simple_triggers s, generate_series(1, {copies}) g
            WHERE s.trigger_group = '{TaskGroup}' AND s.trigger_name LIKE @template || '/%';
            """, ("template", template));
    }

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
