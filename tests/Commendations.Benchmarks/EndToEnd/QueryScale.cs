using System.Diagnostics;
using Commendations.Domain.Campaigns;
using Commendations.Domain.Catalog;
using Commendations.Domain.Nominations;
using Commendations.Domain.Units;
using Commendations.Features.Campaigns;
using Commendations.Features.Nominations;
using Commendations.Features.Tasks;
using Commendations.Seeding;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Commendations.Benchmarks.EndToEnd;

public sealed record QueryMeasurement(string Name, double P50Ms, double P95Ms, int Rows, IReadOnlyList<string> Plans, IReadOnlyList<string> SeqScansOnBigTables);

public sealed record QueryScaleResult(
    int Nominations, int Units, int Campaigns, long OpenTasks, long CommitteeMemberOpenTasks, TimeSpan LoadTime, string DatabaseSize,
    IReadOnlyList<QueryMeasurement> Queries);

/// <summary>
/// Scenario 3: a province's three years — 1,000,000 nominations across 500 units and 6 campaigns (two a year), 100,000
/// open tasks — bulk-loaded with INSERT ... SELECT generate_series (instance state copied from a nomination made
/// through the use cases), then the real MediatR query handlers timed, and their SQL EXPLAINed as EF sent it.
/// </summary>
public static class QueryScale
{
    private static readonly string[] BigTables = ["nominations", "workflow_instances", "workflow_tasks"];

    public static async Task<QueryScaleResult> RunAsync(BenchCluster cluster, int nominations, int iterations, TextWriter log)
    {
        const int unitCount = 500;
        await using var app = await AppDatabase.CreateAsync(cluster, "bench_scale", captureSql: true);
        var officer = await app.UserAsync(DemoAccounts.OfficerTanHoa.UserName);
        var member = await app.UserAsync(DemoAccounts.SteeringStandingMember.UserName);
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).DateTime);

        // Units and campaigns through EF (few rows): 499 units under the province plus the demo officer's commune.
        Guid[] unitIds;
        Guid[] campaignIds;
        int[] years;
        Guid awardId;
        Guid[] memberIds;
        await using (var db = app.NewDbContext())
        {
            var province = await db.Units.SingleAsync(u => u.Code == DemoUnits.Province);
            var units = Enumerable.Range(1, unitCount - 1)
                .Select(i => new OrganisationUnit($"BENCH-U{i:D3}", $"Đơn vị đo hiệu năng số {i}", i % 5 == 0 ? UnitLevel.Department : UnitLevel.Commune, province))
                .ToList();
            db.Units.AddRange(units);
            var merit = await db.AwardForms.SingleAsync(a => a.Code == DemoCatalog.CertificateOfMerit);
            awardId = merit.Id;
            var campaigns = new List<Campaign>();
            years = [];
            foreach (var year in new[] { today.Year - 2, today.Year - 1, today.Year })
            {
                foreach (var type in new[] { CampaignType.Thematic, CampaignType.Regular })
                {
                    var open = year == today.Year && type == CampaignType.Thematic;
                    var campaign = new Campaign($"BENCH-{year}-{(type == CampaignType.Thematic ? "CD" : "TX")}", $"Phong trào {type} {year}", type,
                        new DateOnly(year, 1, 1), new DateOnly(year, 12, 31),
                        open ? today.AddDays(-30) : new DateOnly(year, 11, 1), open ? today.AddDays(60) : new DateOnly(year, 12, 10));
                    campaign.Allow(merit.Id, "bang-khen-chuyen-de", null, null);
                    campaigns.Add(campaign);
                    years = [.. years, year];
                }
            }
            db.Campaigns.AddRange(campaigns);
            await db.SaveChangesAsync();
            unitIds = [.. units.Select(u => u.Id), officer.UnitId!.Value];
            campaignIds = [.. campaigns.Select(c => c.Id)];
            var committee = await db.Committees.AsNoTracking().SingleAsync(c => c.Code == DemoCatalog.SteeringCommittee);
            memberIds = [.. committee.MembersInOrder()];
        }
        var current = campaignIds[4];

        // One real nomination through the use cases: its instance state is the template for every generated instance.
        await app.SubmitNominationsAsync(officer, current, 1, 1, TextWriter.Null);
        string state, definitionId, committeeTaskKey, proposalTaskKey;
        int definitionVersion;
        await using (var db = app.NewDbContext())
        {
            var instance = await db.WorkflowInstances.AsNoTracking().SingleAsync();
            (state, definitionId, definitionVersion) = (instance.State, instance.DefinitionId, instance.DefinitionVersion);
            committeeTaskKey = await db.Tasks.Where(t => t.StepKey == "committee-review").Select(t => t.TaskKey).SingleAsync();
            proposalTaskKey = await db.Tasks.Where(t => t.StepKey == "unit-proposal").Select(t => t.TaskKey).SingleAsync();
        }
        log.WriteLine($"  template: instance state {state.Length} chars, task keys '{proposalTaskKey}', '{committeeTaskKey}'");

        var load = Stopwatch.StartNew();
        await using (var connection = new NpgsqlConnection(cluster.ConnectionString(app.Name, pooling: false)))
        {
            await connection.OpenAsync();
            async Task Step(string what, string sql, params (string Name, object Value)[] parameters)
            {
                var watch = Stopwatch.StartNew();
                await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
                foreach (var (name, value) in parameters)
                    command.Parameters.AddWithValue(name, value);
                var rows = await command.ExecuteNonQueryAsync();
                log.WriteLine($"  {what}: {(rows >= 0 ? rows.ToString("N0") + " rows, " : "")}{watch.Elapsed.TotalSeconds:F1} s");
            }

            // The load is one transaction per table; its commit waits once, so per-session asynchronous commit saves nothing
            // that matters — but the cluster stays durable for everything measured.
            await Step("generate", """
                CREATE TEMP TABLE gen AS
                SELECT g.*,
                  CASE WHEN g.ci < 4 THEN (CASE WHEN g.h < 70 THEN 'Awarded' WHEN g.h < 90 THEN 'Rejected' ELSE 'Withdrawn' END)
                       ELSE (CASE WHEN g.h < 25 THEN 'InReview' WHEN g.h < 30 THEN 'Draft' WHEN g.h < 60 THEN 'InReview'
                                  WHEN g.h < 85 THEN 'Awarded' WHEN g.h < 95 THEN 'Rejected' ELSE 'Withdrawn' END) END AS status,
                  CASE WHEN g.ci < 4 THEN (CASE WHEN g.h < 70 THEN 'awarded' WHEN g.h < 90 THEN 'rejected' ELSE 'withdrawn' END)
                       ELSE (CASE WHEN g.h < 25 THEN 'committee-review' WHEN g.h < 30 THEN 'unit-proposal' WHEN g.h < 60 THEN 'public-disclosure'
                                  WHEN g.h < 85 THEN 'awarded' WHEN g.h < 95 THEN 'rejected' ELSE 'withdrawn' END) END AS step,
                  make_timestamptz(@years[1 + g.ci], 1, 1, 0, 0, 0, 'UTC') + (g.n % 25000000) * interval '1 second' AS created_at
                FROM (SELECT n, gen_random_uuid() AS nid, gen_random_uuid() AS iid, @units[1 + n % 500] AS unit_id,
                             ((n / 500) % 6)::int AS ci, ((hashint4(n)::bigint + 2147483648) % 100)::int AS h
                      FROM generate_series(0, @count - 1) AS n) g
                """, ("years", years), ("units", unitIds), ("count", nominations));
            await Step("nominations", """
                INSERT INTO nominations (id, kind, person_id, collective_id, nominee_name, unit_id, campaign_id, award_form_id, achievement_summary,
                                         status, current_step, round, workflow_instance_id, decision_id, created_by, created_at, submitted_at, completed_at)
                SELECT nid, 'Collective', NULL, NULL, 'Tập thể số ' || n, unit_id, @campaigns[1 + ci], @award, 'Hoàn thành xuất sắc nhiệm vụ năm, số ' || n,
                       status, step, 1, iid, NULL, @officer, created_at,
                       CASE WHEN status = 'Draft' THEN NULL ELSE created_at + interval '1 day' END,
                       CASE WHEN status IN ('Awarded', 'Rejected', 'Withdrawn') THEN created_at + interval '60 days' END
                FROM gen ORDER BY n
                """, ("campaigns", campaignIds), ("award", awardId), ("officer", officer.Id));
            await Step("workflow_instances", """
                INSERT INTO workflow_instances (id, nomination_id, definition_id, definition_version, state, current_step, is_completed, started_at, completed_at)
                SELECT iid, nid, @definition, @version, @state::jsonb, step, status IN ('Awarded', 'Rejected', 'Withdrawn'), created_at,
                       CASE WHEN status IN ('Awarded', 'Rejected', 'Withdrawn') THEN created_at + interval '60 days' END
                FROM gen ORDER BY n
                """, ("definition", definitionId), ("version", definitionVersion), ("state", state));
            await Step("workflow_tasks (open: committee members' turns and units' drafts)", """
                INSERT INTO workflow_tasks (id, instance_id, nomination_id, campaign_id, nominee_name, task_key, step_key, round, assignee_user_id, assignee_role, assignee_unit_id,
                                            sequence, opened_at, due_at, reminder_times, escalate_at, status, outcome, closed_by, closed_at)
                SELECT gen_random_uuid(), iid, nid, @campaigns[1 + ci], 'Tập thể số ' || n,
                       CASE WHEN step = 'committee-review' THEN regexp_replace(@committeeKey, '[0-9]+$', (1 + n % @members_count)::text) ELSE @proposalKey END,
                       step, 1,
                       CASE WHEN step = 'committee-review' THEN @members[1 + n % @members_count] END,
                       CASE WHEN step = 'unit-proposal' THEN 'emulationOfficer' END,
                       CASE WHEN step = 'unit-proposal' THEN unit_id END,
                       CASE WHEN step = 'committee-review' THEN 1 + n % @members_count ELSE 0 END,
                       created_at + interval '1 day', created_at + interval '8 days', ARRAY[created_at + interval '6 days', created_at + interval '8 days'],
                       CASE WHEN step = 'committee-review' THEN created_at + interval '8 days' END, 'Open', NULL, NULL, NULL
                FROM gen WHERE step IN ('committee-review', 'unit-proposal') ORDER BY n
                """, ("campaigns", campaignIds), ("committeeKey", committeeTaskKey), ("proposalKey", proposalTaskKey), ("members", memberIds), ("members_count", memberIds.Length));
            // The nominations' trigger wrote a +1 count row per generated nomination; the app's compaction job folds them.
            await Step("campaign progress counts compacted", "SELECT compact_campaign_progress()");
            await Step("VACUUM ANALYZE", "VACUUM (ANALYZE) nominations, workflow_instances, workflow_tasks, units, campaigns, campaign_progress_counts");
        }
        load.Stop();

        long openTasks, memberTasks;
        string size;
        await using (var connection = new NpgsqlConnection(cluster.ConnectionString(app.Name, pooling: false)))
        {
            await connection.OpenAsync();
            await using var count = new NpgsqlCommand(
                "SELECT count(*), count(*) FILTER (WHERE assignee_user_id = @m), pg_size_pretty(pg_database_size(current_database())) FROM workflow_tasks WHERE status = 'Open'", connection);
            count.Parameters.AddWithValue("m", member.Id);
            await using var reader = await count.ExecuteReaderAsync();
            await reader.ReadAsync();
            (openTasks, memberTasks, size) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2));
        }
        log.WriteLine($"  loaded in {load.Elapsed.TotalSeconds:F0} s: {openTasks:N0} open tasks ({memberTasks:N0} for {member.UserName}), database {size}");

        var measurements = new List<QueryMeasurement>
        {
            await MeasureAsync(app, $"inbox of a committee member ({memberTasks:N0} open tasks)", member, new GetInbox(), r => r.Count, iterations),
            await MeasureAsync(app, "inbox of a unit's officer (role-based)", officer, new GetInbox(), r => r.Count, iterations),
            // The task list (issue 17, part 5): the inbox's tasks with filters, counts and paging, beside the same target.
            await MeasureAsync(app, "task list of a committee member, page 1 with counts", member, new ListMyTasks(), r => r.Tasks.Items.Count, iterations),
            await MeasureAsync(app, "task list of a committee member, overdue only", member, new ListMyTasks(OverdueOnly: true), r => r.Tasks.Items.Count, iterations),
            await MeasureAsync(app, "task list of a committee member, current campaign", member, new ListMyTasks(CampaignId: current), r => r.Tasks.Items.Count, iterations),
            await MeasureAsync(app, "task list of a committee member, search 'tap the so 7777'", member, new ListMyTasks(Search: "tap the so 7777"),
                r => r.Tasks.Items.Count, iterations),
            await MeasureAsync(app, "task list of a committee member, sorted by nominee, page 50", member, new ListMyTasks(Sort: TaskSort.Nominee, Page: 50),
                r => r.Tasks.Items.Count, iterations),
            await MeasureAsync(app, "task list of a unit's officer, role tasks, page 3 of 10", officer, new ListMyTasks(Kind: TaskKind.Role, Page: 3, PageSize: 10),
                r => r.Tasks.Items.Count, iterations),
            await MeasureAsync(app, "officer's list, current campaign + InReview, page 1", officer,
                new ListNominations(current, NominationStatus.InReview), r => r.Items.Count, iterations),
            await MeasureAsync(app, "reviewer's list, current campaign + InReview, page 1", member,
                new ListNominations(current, NominationStatus.InReview), r => r.Items.Count, iterations),
            await MeasureAsync(app, "reviewer's list, current campaign + InReview, page 500", member,
                new ListNominations(current, NominationStatus.InReview, Page: 500), r => r.Items.Count, iterations),
            await MeasureAsync(app, "reviewer's search without diacritics ('tap the so 77777'), all campaigns", member,
                new ListNominations(Search: "tap the so 77777"), r => r.Items.Count, iterations),
            await MeasureAsync(app, "campaign dashboard (GetCampaignProgress), current campaign", member,
                new GetCampaignProgress(current), r => r.Total, iterations),
        };
        return new QueryScaleResult(nominations, unitIds.Length, campaignIds.Length, openTasks, memberTasks, load.Elapsed, size, measurements);
    }

    private static async Task<QueryMeasurement> MeasureAsync<T>(AppDatabase app, string name, BenchUser user, IRequest<T> query, Func<T, int> rows, int iterations)
    {
        for (var i = 0; i < 3; i++)
            await app.SendAs(user, query);
        var times = new double[iterations];
        T last = default!;
        for (var i = 0; i < iterations; i++)
        {
            var start = Stopwatch.GetTimestamp();
            last = await app.SendAs(user, query);
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        Array.Sort(times);
        app.Capture.Take();
        app.Capture.Enabled = true;
        await app.SendAs(user, query);
        app.Capture.Enabled = false;
        var plans = await SqlCapture.ExplainAsync(app.ConnectionString, app.Capture.Take());
        var seqScans = plans.SelectMany(p => SqlCapture.SequentialScans(p, BigTables)).Distinct().ToList();
        return new QueryMeasurement(name, Stats.Percentile(times, 50), Stats.Percentile(times, 95), rows(last), plans, seqScans);
    }
}
