using System.Diagnostics;
using System.Globalization;
using Commendations.Seeding;
using Npgsql;

namespace Commendations.Benchmarks.EndToEnd;

/// <param name="Tps">Approvals per second the floor script reached (each pgbench transaction is one approval and its dispatch).</param>
/// <param name="Tasks">Open tasks the script approved at random (made through the use cases).</param>
public sealed record FloorResult(double Tps, double LatencyMs, int Clients, int Seconds, int Tasks, double CpuMsPerApproval);

/// <summary>
/// The approval's own floor (issue 20): what PostgreSQL on this machine can do when a committee member's approval makes
/// exactly the row changes the application makes, written by hand in <c>approval-floor.sql</c> and run by pgbench with
/// prepared statements, on this run's cluster, right after pgbench -N. Unlike pgbench -N, it writes what an approval must
/// write (the task closed and the next one opened, the ~2.4 kB instance state, the audit entry with its hash chain and
/// stream head, the reminder rows of the new task, the hand-over in the outbox and its notification). Every approval
/// scenario prints its ratio to this floor beside its ratio to pgbench -N.
/// <para>
/// Its data are real: a database of its own, migrated and seeded like the app's, with nominations submitted through the
/// use cases so the tasks, instances (their state as the engine writes it), nominations, collectives and audit streams
/// are the application's rows. <c>floor_tasks</c> numbers the open tasks so the script can pick one at random.
/// </para>
/// </summary>
public static class ApprovalFloor
{
    public const string Database = "bench_floor";

    public static async Task<FloorResult> RunAsync(BenchCluster cluster, int clients, int seconds, int nominations, TextWriter log)
    {
        await using (var app = await AppDatabase.CreateAsync(cluster, Database))
        {
            await app.EnsureCommitteeMembersAsync(clients);
            var officer = await app.UserAsync(DemoAccounts.OfficerTanHoa.UserName);
            var campaign = await app.EnsureOpenCampaignAsync();
            log.WriteLine($"  floor: submitting {nominations} nominations through the use cases for the script's rows ...");
            await app.SubmitNominationsAsync(officer, campaign, nominations, 4, log);
        }
        var tasks = await NumberOpenTasksAsync(cluster);
        var script = Path.Combine(AppDatabase.RepositoryRoot, "tests", "Commendations.Benchmarks", "EndToEnd", "approval-floor.sql");
        log.WriteLine($"  floor: pgbench -f approval-floor.sql -M prepared -c {clients} -j 2 -T {seconds} over {tasks} open tasks ...");
        var before = CpuMeter.MachineBusyMs();
        var run = cluster.RunPgbenchScript(script, Database, clients, seconds, new Dictionary<string, string> { ["tasks"] = tasks.ToString(CultureInfo.InvariantCulture) });
        var busyMs = CpuMeter.MachineBusyMs() - before;
        return new FloorResult(run.Tps, run.LatencyMs, clients, seconds, tasks, run.Transactions > 0 ? busyMs / run.Transactions : double.NaN);
    }

    /// <summary><c>floor_tasks(n, task_id)</c>: the open tasks numbered 1..N, so the script picks one with <c>random(1, N)</c>.</summary>
    private static async Task<int> NumberOpenTasksAsync(BenchCluster cluster)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString(Database, pooling: false));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            CREATE TABLE floor_tasks (n int PRIMARY KEY, task_id uuid NOT NULL);
            INSERT INTO floor_tasks SELECT row_number() OVER (ORDER BY id), id FROM workflow_tasks WHERE status = 'Open' AND assignee_user_id IS NOT NULL;
            ANALYZE;
            SELECT count(*)::int FROM floor_tasks;
            """, connection);
        var count = (int)(await command.ExecuteScalarAsync())!;
        if (count == 0)
            throw new InvalidOperationException("The floor database has no open task assigned to a person: the nominations did not reach the committee.");
        return count;
    }
}
