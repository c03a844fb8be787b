using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Commendations.Features.Scheduling;
using Commendations.Persistence;
using Commendations.Seeding;
using Commendations.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Commendations.Web.Tests.Api;

/// <summary>What each kind of user does through the REST API, as small steps the tests compose.</summary>
public sealed class ApiJourney(ApiFactory app)
{
    public static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();

    public static readonly DemoAccounts.Account[] Steering =
        [DemoAccounts.SteeringStandingMember, DemoAccounts.SteeringDeputyHead, DemoAccounts.SteeringHead];

    public async Task<Guid> CurrentCampaignAsync()
    {
        var campaigns = await (await app.As(DemoAccounts.OfficerTanHoa)).GetFromJsonAsync<JsonArray>("/api/campaigns");
        return campaigns!.Single(c => (string?)c!["code"] == DemoCatalog.CurrentThematicCampaign)!["id"]!.GetValue<Guid>();
    }

    public async Task<Guid> RegularCampaignAsync()
    {
        var campaigns = await (await app.As(DemoAccounts.OfficerTanHoa)).GetFromJsonAsync<JsonArray>("/api/campaigns");
        return campaigns!.Single(c => (string?)c!["code"] == DemoCatalog.CurrentRegularCampaign)!["id"]!.GetValue<Guid>();
    }

    /// <summary>A collective title routed by khen-thuong-tap-the (parallel check, then the discipline sub-route).</summary>
    public async Task<object> CollectiveTitleBodyAsync(string awardFormCode, string name) => new
    {
        campaignId = await RegularCampaignAsync(), awardFormCode, kind = "Collective",
        collective = new { name, headcount = 28, women = 13, advancedWorkers = 22 },
        achievementSummary = "Dẫn đầu Cụm thi đua số 2 năm 2026.",
    };

    /// <summary>The required documents plus the review meeting minutes (the collective titles require them).</summary>
    public async Task AttachWithMinutesAsync(Guid id)
    {
        await AttachRequiredAsync(id);
        await Expect(await (await app.As(DemoAccounts.OfficerTanHoa)).PostAsync($"/api/nominations/{id}/documents", Upload("Minutes", "bien-ban.pdf", Pdf)), HttpStatusCode.Created);
    }

    /// <summary>The reader's inbox items for one nomination.</summary>
    public async Task<List<JsonNode>> InboxAsync(DemoAccounts.Account account, Guid nominationId)
    {
        var inbox = await (await app.As(account)).GetFromJsonAsync<JsonArray>("/api/tasks/inbox");
        return inbox!.Where(t => t!["nominationId"]!.GetValue<Guid>() == nominationId).Select(t => t!).ToList();
    }

    public async Task<Guid> CreateAsync(object body, DemoAccounts.Account? officer = null)
    {
        var response = await (await app.As(officer ?? DemoAccounts.OfficerTanHoa)).PostAsJsonAsync("/api/nominations", body);
        await Expect(response, HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
    }

    public async Task<object> CollectiveBodyAsync() => new
    {
        campaignId = await CurrentCampaignAsync(), awardFormCode = DemoCatalog.CertificateOfMerit, kind = "Collective",
        collective = new { name = "Trung tâm Phục vụ hành chính công tỉnh", headcount = 42, women = 30, advancedWorkers = 35 },
        achievementSummary = "Giải quyết thủ tục hành chính đúng hạn 100%.",
    };

    public async Task<object> IndividualBodyAsync() => new
    {
        campaignId = await CurrentCampaignAsync(), awardFormCode = DemoCatalog.CertificateOfMerit, kind = "Individual",
        person = new { fullName = "Phạm Quốc Bảo", gender = "Male", birthYear = 1990, position = "Chuyên viên" },
        achievementSummary = "Số hóa hồ sơ một cửa.",
    };

    public static MultipartFormDataContent Upload(string kind, string fileName, byte[] bytes, string contentType = "application/pdf")
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { new StringContent(kind), "kind" }, { file, "file", fileName } };
    }

    public async Task AttachRequiredAsync(Guid id)
    {
        var officer = await app.As(DemoAccounts.OfficerTanHoa);
        await Expect(await officer.PostAsync($"/api/nominations/{id}/documents", Upload("SubmissionLetter", "to-trinh.pdf", Pdf)), HttpStatusCode.Created);
        await Expect(await officer.PostAsync($"/api/nominations/{id}/documents", Upload("AchievementReport", "bao-cao.pdf", Pdf)), HttpStatusCode.Created);
    }

    public async Task SubmitAsync(Guid id) =>
        await Expect(await (await app.As(DemoAccounts.OfficerTanHoa)).PostAsJsonAsync($"/api/nominations/{id}/submit", new { comment = "Kính trình." }), HttpStatusCode.OK);

    /// <summary>A State-level proposal on the shipped forwarding route, from submission to the forwarding step: the office forwards, the leader proposes it upward.</summary>
    public async Task ToForwardingAsync(Guid id)
    {
        await SubmitAsync(id);
        await Expect(await ActAsync(DemoAccounts.Appraiser, await TaskInInboxAsync(DemoAccounts.Appraiser, id), "forward"), HttpStatusCode.OK);
        await Expect(await ActAsync(DemoAccounts.Leader, await TaskInInboxAsync(DemoAccounts.Leader, id), "propose-upward"), HttpStatusCode.OK);
    }

    public async Task<Guid> TaskInInboxAsync(DemoAccounts.Account account, Guid nominationId)
    {
        var inbox = await (await app.As(account)).GetFromJsonAsync<JsonArray>("/api/tasks/inbox");
        return inbox!.Single(t => t!["nominationId"]!.GetValue<Guid>() == nominationId)!["taskId"]!.GetValue<Guid>();
    }

    public async Task<HttpResponseMessage> ActAsync(DemoAccounts.Account account, Guid taskId, string action, string? comment = null) =>
        await (await app.As(account)).PostAsJsonAsync($"/api/tasks/{taskId}/actions", new { action, comment });

    public async Task<JsonObject> DetailAsync(Guid id, DemoAccounts.Account? reader = null) =>
        (await (await app.As(reader ?? DemoAccounts.OfficerTanHoa)).GetFromJsonAsync<JsonObject>($"/api/nominations/{id}"))!;

    public async Task EndDisclosureAsync(Guid id)
    {
        await using (var db = CreateDbContext())
        {
            var state = await db.WorkflowInstances.Where(i => i.NominationId == id).Select(i => i.State).SingleAsync();
            app.Clock.Set(Engine.InstanceState.FromJson(state).WaitUntil!.Value.AddMinutes(5));
        }
        (await app.AsSystem(new ElapseWait(id, "public-disclosure"))).Should().BeTrue();
    }

    /// <summary>Runs the outbox until every message is applied (hand-over notifications included); fails on a failed message.</summary>
    public async Task SettleAsync()
    {
        var dispatcher = app.Services.GetRequiredService<Commendations.Scheduling.OutboxDispatcher>();
        for (var attempt = 0; attempt < 200; attempt++)
        {
            await dispatcher.DispatchOnceAsync(CancellationToken.None);
            await using var db = CreateDbContext();
            var pending = await db.Outbox.Where(m => m.ProcessedAt == null).Select(m => new { m.Kind, m.LastError }).ToListAsync();
            if (pending.Count == 0)
                return;
            if (pending.FirstOrDefault(m => m.LastError != null) is { } failed)
                throw new Xunit.Sdk.XunitException($"An outbox message ({failed.Kind}) failed: {failed.LastError}");
            await Task.Delay(50);
        }
        throw new Xunit.Sdk.XunitException("The outbox did not settle.");
    }

    /// <summary>The reader's notifications about one nomination (newest first).</summary>
    public async Task<List<JsonNode>> NotificationsAsync(DemoAccounts.Account account, Guid nominationId)
    {
        var page = await (await app.As(account)).GetFromJsonAsync<JsonObject>("/api/notifications?pageSize=100");
        return page!["items"]!.AsArray().Where(n => (Guid?)n!["nominationId"] == nominationId).Select(n => n!).ToList();
    }

    public Persistence.CommendationsDbContext CreateDbContext() =>
        new(new DbContextOptionsBuilder<Persistence.CommendationsDbContext>().UseCommendationsDatabase(app.ConnectionString).Options);

    public static async Task Expect(HttpResponseMessage response, HttpStatusCode status)
    {
        if (response.StatusCode != status)
            throw new Xunit.Sdk.XunitException($"Expected {(int)status} from {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public static async Task<JsonObject> Problem(HttpResponseMessage response) =>
        JsonSerializer.Deserialize<JsonObject>(await response.Content.ReadAsStringAsync())!;
}
