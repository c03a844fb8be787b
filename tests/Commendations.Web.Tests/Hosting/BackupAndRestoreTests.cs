using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Commendations.Infrastructure.Postgres;
using Commendations.Persistence;
using Commendations.Seeding;
using Commendations.Testing;
using Commendations.Web.Tests.Api;
using Commendations.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Commendations.Web.Tests.Hosting;

/// <summary>
/// The backup procedure of deploy/README.md, run as an operator would: deploy/backup.sh dumps the database the app wrote
/// to, deploy/restore.sh restores the dump into a fresh database of a second, separate PostgreSQL cluster, owned by the
/// app's own role (no superuser), and the app started on the restored database as that role serves every nomination, every document with the bytes its checksum was taken of,
/// and an audit trail whose chains and sealed heads verify.
/// </summary>
public class BackupAndRestoreTests(ApiFactory app) : IClassFixture<ApiFactory>
{
    private readonly ApiJourney _journey = new(app);

    [Fact]
    public async Task A_dump_restored_into_a_fresh_cluster_serves_every_nomination_document_and_an_intact_audit_trail()
    {
        var created = await CreateNominationsWithDocumentsAsync();
        var admin = await app.As(DemoAccounts.Admin);
        await ApiJourney.Expect(await admin.PostAsync("/api/audit/seal", null), HttpStatusCode.OK);
        var before = await SnapshotAsync(app.ConnectionString);
        (await admin.GetFromJsonAsync<JsonObject>("/api/audit/verify"))!["intact"]!.GetValue<bool>().Should().BeTrue("the trail is sound before the backup");

        var folder = Directory.CreateTempSubdirectory("commendations-backup-");
        try
        {
            var backup = await RunScriptAsync("backup.sh", app.ConnectionString, folder.FullName, null);
            var dump = backup.Trim().Split('\n')[^1];
            File.Exists(dump).Should().BeTrue();
            File.Exists(dump + ".sha256").Should().BeTrue("restore.sh checks the dump against it");

            using var second = ThrowawayCluster.Start();
            // As deploy/README.md restores: a superuser runs the script, the app's own role (no superuser) owns the result.
            var appPassword = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            await using (var superuser = new NpgsqlConnection(second.Server.ConnectionString()))
            {
                await superuser.OpenAsync();
                await new NpgsqlCommand($"CREATE ROLE commendations LOGIN PASSWORD '{appPassword}' NOSUPERUSER NOCREATEDB NOCREATEROLE", superuser).ExecuteNonQueryAsync();
            }
            await RunScriptAsync("restore.sh", second.Server.ConnectionString(), dump, "commendations_restored", ("RESTORE_OWNER", "commendations"));
            var restoredDatabase = new NpgsqlConnectionStringBuilder(second.Server.ConnectionString("commendations_restored"))
            {
                Username = "commendations", Password = appPassword,
            }.ConnectionString;

            var after = await SnapshotAsync(restoredDatabase);
            after.Nominations.Should().BeEquivalentTo(before.Nominations);
            after.Documents.Should().BeEquivalentTo(before.Documents);
            after.AuditEntries.Should().Be(before.AuditEntries);
            after.Documents.Should().OnlyContain(d => d.StoredSha256 == d.ComputedSha256, "every document's bytes still hash to their checksum");

            await using var restored = new RestoredApp(restoredDatabase);
            var restoredAdmin = await restored.ClientFor(DemoAccounts.Admin);
            var verification = (await restoredAdmin.GetFromJsonAsync<JsonObject>("/api/audit/verify"))!;
            verification["intact"]!.GetValue<bool>().Should().BeTrue(verification.ToJsonString());
            verification["entries"]!.GetValue<long>().Should().BeGreaterThanOrEqualTo(before.AuditEntries);

            var officer = await restored.ClientFor(DemoAccounts.OfficerTanHoa);
            foreach (var (nomination, documents) in created)
            {
                var detail = await officer.GetFromJsonAsync<JsonObject>($"/api/nominations/{nomination}");
                detail!["id"]!.GetValue<Guid>().Should().Be(nomination);
                foreach (var (document, bytes) in documents)
                {
                    var served = await officer.GetByteArrayAsync($"/api/nominations/{nomination}/documents/{document}");
                    served.Should().Equal(bytes, "the restored app serves the bytes that were uploaded");
                }
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Three dossiers of the Tân Hòa officer, each with documents of its own bytes; two submitted (more audit entries).</summary>
    private async Task<Dictionary<Guid, List<(Guid Id, byte[] Bytes)>>> CreateNominationsWithDocumentsAsync()
    {
        var officer = await app.As(DemoAccounts.OfficerTanHoa);
        var created = new Dictionary<Guid, List<(Guid, byte[])>>();
        foreach (var (body, submit) in new[] { (await _journey.CollectiveBodyAsync(), true), (await _journey.IndividualBodyAsync(), true), (await _journey.IndividualBodyAsync(), false) })
        {
            var id = await _journey.CreateAsync(body);
            var documents = new List<(Guid, byte[])>();
            foreach (var kind in new[] { "SubmissionLetter", "AchievementReport" })
            {
                var bytes = ApiJourney.Pdf.Concat(RandomNumberGenerator.GetBytes(2048)).ToArray();
                var response = await officer.PostAsync($"/api/nominations/{id}/documents", ApiJourney.Upload(kind, $"{kind}.pdf", bytes));
                await ApiJourney.Expect(response, HttpStatusCode.Created);
                documents.Add(((await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>(), bytes));
            }
            if (submit)
                await _journey.SubmitAsync(id);
            created[id] = documents;
        }
        return created;
    }

    private sealed record DocumentCheck(Guid Id, string StoredSha256, string ComputedSha256);

    private sealed record Snapshot(List<Guid> Nominations, List<DocumentCheck> Documents, long AuditEntries);

    /// <summary>What the database holds, read directly: nominations, each document's stored and recomputed SHA-256, audit entries.</summary>
    private static async Task<Snapshot> SnapshotAsync(string connectionString)
    {
        await using var db = new CommendationsDbContext(new DbContextOptionsBuilder<CommendationsDbContext>().UseCommendationsDatabase(connectionString).Options);
        var nominations = await db.Nominations.Select(n => n.Id).OrderBy(id => id).ToListAsync();
        var documents = await db.Documents.Join(db.DocumentContents, d => d.Id, c => c.DocumentId, (d, c) => new { d.Id, d.Sha256, c.Bytes })
            .ToListAsync();
        var checks = documents.Select(d => new DocumentCheck(d.Id, d.Sha256, Convert.ToHexString(SHA256.HashData(d.Bytes)).ToLowerInvariant()))
            .OrderBy(d => d.Id).ToList();
        var entries = await db.AuditEntries.LongCountAsync();
        NpgsqlConnection.ClearAllPools();
        return new Snapshot(nominations, checks, entries);
    }

    /// <summary>Runs a script of deploy/ with the libpq variables of <paramref name="connectionString"/> (and one more), as an operator would.</summary>
    private static async Task<string> RunScriptAsync(string script, string connectionString, string first, string? second,
        (string Name, string Value)? variable = null)
    {
        string[] arguments = second is null ? [first] : [first, second];
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(TestCluster.RepositoryRoot, "deploy", script));
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        info.Environment["PGHOST"] = target.Host;
        info.Environment["PGPORT"] = target.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["PGUSER"] = target.Username;
        info.Environment["PGPASSWORD"] = target.Password;
        info.Environment["PGDATABASE"] = target.Database;
        if (variable is { } extra)
            info.Environment[extra.Name] = extra.Value;
        // The client tools of the same PostgreSQL as the clusters (the machine may have several versions).
        var binaries = Path.GetDirectoryName(PostgresBinaries.Find()!.PgCtl)!;
        info.Environment["PATH"] = binaries + ":" + Environment.GetEnvironmentVariable("PATH");
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token);
        process.ExitCode.Should().Be(0, $"{script} failed: {await errors}");
        return await output;
    }

    /// <summary>The app as a node would start on the restored database: nothing migrated or seeded by it, the same audit head key.</summary>
    private sealed class RestoredApp(string connectionString) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:Commendations", connectionString);
            builder.UseSetting("Database:MigrateOnStartup", "false");
            builder.UseSetting("Database:SeedDemoData", "false");
            builder.UseSetting("Web:RequireHttps", "false");
            builder.UseSetting("Audit:HeadKey", TestAuditKey.HeadKey);
        }
    }
}
