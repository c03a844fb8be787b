using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Commendations.Common.Security;
using Commendations.Seeding;
using Commendations.Web.Tests.Api;
using Commendations.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Npgsql;

namespace Commendations.Web.Tests.Contracts;

/// <summary>
/// The app with its OpenAPI document and a few real records to aim requests at (a draft with documents, an open
/// task, the shipped definition, committees, users, units), so requests reach the use cases' own rules.
/// The scheduler is off, so nothing but the requests themselves writes to the database.
/// </summary>
public sealed class ContractWorld : ApiFactory
{
    public static readonly IReadOnlyDictionary<string, DemoAccounts.Account> AccountFor = new Dictionary<string, DemoAccounts.Account>
    {
        [Roles.EmulationOfficer] = DemoAccounts.OfficerTanHoa,
        [Roles.CommitteeMember] = DemoAccounts.SteeringStandingMember,
        [Roles.Appraiser] = DemoAccounts.Appraiser,
        [Roles.ProvincialLeader] = DemoAccounts.Leader,
        [Roles.Administrator] = DemoAccounts.Admin,
        [Roles.UnitHead] = DemoAccounts.HeadTanHoa,
        [Roles.Clerk] = DemoAccounts.Clerk,
    };

    private readonly Dictionary<string, string> _ids = [];

    public OpenApiDocument Document { get; private set; } = null!;

    public Guid DraftId { get; private set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Scheduling:Enabled", "false");
    }

    public async Task PrepareAsync()
    {
        if (Document is not null)
            return;
        var journey = new ApiJourney(this);
        Document = await OpenApiDocument.LoadAsync(this.AnonymousClient());
        DraftId = await journey.CreateAsync(await journey.CollectiveBodyAsync());
        await journey.AttachRequiredAsync(DraftId);
        var submitted = await journey.CreateAsync(await journey.IndividualBodyAsync());
        await journey.AttachRequiredAsync(submitted);
        await journey.SubmitAsync(submitted);
        _ids["task"] = (await journey.TaskInInboxAsync(DemoAccounts.SteeringStandingMember, submitted)).ToString();
        _ids["campaign"] = (await journey.CurrentCampaignAsync()).ToString();

        var officer = await As(DemoAccounts.OfficerTanHoa);
        var draft = await officer.GetFromJsonAsync<JsonObject>($"/api/nominations/{DraftId}");
        _ids["document"] = draft!["documents"]!.AsArray()[0]!["id"]!.ToString();

        var admin = await As(DemoAccounts.Admin);
        var definition = (await admin.GetFromJsonAsync<JsonArray>("/api/definitions"))![0]!;
        _ids["definition"] = definition["definitionId"]!.ToString();
        _ids["version"] = definition["publishedVersion"]!.ToString();
        var committee = (await admin.GetFromJsonAsync<JsonArray>("/api/admin/committees"))![0]!;
        _ids["committee"] = committee["id"]!.ToString();
        _ids["member"] = committee["members"]!.AsArray()[0]!["userId"]!.ToString();
        _ids["unit"] = (await admin.GetFromJsonAsync<JsonObject>("/api/admin/units"))!["units"]!.AsArray()[0]!["id"]!.ToString();
        // A user none of the role accounts signs in as, so locking them in the matrix locks nobody out of it.
        _ids["user"] = (await admin.GetFromJsonAsync<JsonArray>("/api/admin/users"))!
            .First(u => (string?)u!["userName"] == DemoAccounts.OfficerServiceCentre.UserName)!["id"]!.ToString();
        _ids["awardForm"] = (await admin.GetFromJsonAsync<JsonArray>("/api/admin/award-forms"))![0]!["id"]!.ToString();
        var campaigns = await officer.GetFromJsonAsync<JsonArray>("/api/campaigns");
        _ids["campaignCode"] = campaigns!.Single(c => c!["id"]!.ToString() == _ids["campaign"])!["code"]!.ToString();
    }

    /// <summary>The value a path parameter takes: a real record's id where the world has one, otherwise an unknown id.</summary>
    public string RouteValue(ApiOperation operation, ApiParameter parameter)
    {
        var path = operation.Path;
        return (parameter.Name, path) switch
        {
            ("id", _) when path.StartsWith("/api/nominations/") => DraftId.ToString(),
            ("documentId", _) => _ids["document"],
            ("taskId", _) => _ids["task"],
            ("id", _) when path.StartsWith("/api/definitions/") => _ids["definition"],
            ("version", _) => _ids["version"],
            ("id", _) when path.StartsWith("/api/admin/units/") => _ids["unit"],
            ("id", _) when path.StartsWith("/api/admin/users/") => _ids["user"],
            ("id", _) when path.StartsWith("/api/admin/committees/") => _ids["committee"],
            ("userId", _) or ("memberUserId", _) => _ids["member"],
            ("id", _) when path.StartsWith("/api/admin/campaigns/") || path.StartsWith("/api/campaigns/") || path.StartsWith("/api/exports/campaigns/") => _ids["campaign"],
            ("id", _) when path.StartsWith("/api/admin/award-forms/") => _ids["awardForm"],
            ("date", _) => "2026-09-02",
            ("code", _) => _ids["campaignCode"],
            ("format", _) => "xlsx",
            _ => Guid.NewGuid().ToString(),
        };
    }

    /// <summary>Every application table's row count and a digest of its rows (Quartz's own tables excepted).</summary>
    public async Task<IReadOnlyDictionary<string, string>> SnapshotAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
                         "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' " +
                         "AND table_name NOT LIKE 'qrtz%' ORDER BY table_name", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                tables.Add(reader.GetString(0));
        }
        var digests = new Dictionary<string, string>();
        foreach (var table in tables)
        {
            await using var digest = new NpgsqlCommand(
                $"SELECT count(*) || ':' || coalesce(md5(string_agg(md5(t::text), '' ORDER BY md5(t::text))), '') FROM \"{table}\" t", connection);
            digests[table] = (string)(await digest.ExecuteScalarAsync())!;
        }
        return digests;
    }

    public static IEnumerable<string> Differences(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        before.Keys.Union(after.Keys).Where(t => before.GetValueOrDefault(t) != after.GetValueOrDefault(t));

    public static bool IsServerError(HttpStatusCode status) => (int)status >= 500;
}
