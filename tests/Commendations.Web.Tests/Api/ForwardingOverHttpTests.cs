using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Commendations.Domain.Catalog;
using Commendations.Domain.Documents;
using Commendations.Seeding;
using Commendations.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Web.Tests.Api;

/// <summary>The web host with a local HttpListener as the central level's endpoint (Forwarding:Endpoint).</summary>
public sealed class ForwardingApiFactory : ApiFactory
{
    private readonly CentralEndpoint _central = new();

    public string Endpoint => _central.Url;

    /// <summary>The status the endpoint answers with next; every package it received, with its X-Package-Sha256 header.</summary>
    public HttpStatusCode Answer { get => _central.Answer; set => _central.Answer = value; }

    public List<(byte[] Body, string? Sha256Header, string? ContentType)> Received => _central.Received;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Forwarding:Endpoint", Endpoint);
        builder.UseSetting("Forwarding:TimeoutSeconds", "10");
    }

    public override async ValueTask DisposeAsync()
    {
        _central.Dispose();
        await base.DisposeAsync();
    }
}

/// <summary>
/// Issue 22, item 3: a Prime Minister's certificate of merit goes through the shipped route de-nghi-cap-tren — the unit's
/// proposal, the office's appraisal, the leader's approval to propose upward — to its forwarding step; the office downloads
/// the dossier package (its manifest's checksums recomputed from the zip), sends it to the central endpoint (a failed
/// attempt recorded and retried), and records the central decision, which puts the award in the registry as decided at
/// central level. Everyone else is refused.
/// </summary>
public class ForwardingOverHttpTests(ForwardingApiFactory app) : IClassFixture<ForwardingApiFactory>
{
    private const string PrimeMinisterCertificate = DemoCatalog.PrimeMinisterCertificate;
    private readonly ApiJourney _journey = new(app);

    /// <summary>The regular campaign, which the demo catalogue lets propose the Prime Minister's certificate on the shipped forwarding route.</summary>
    private async Task<Guid> CampaignWithThePrimeMinistersCertificateAsync()
    {
        await using (var db = _journey.CreateDbContext())
        {
            var form = await db.AwardForms.SingleAsync(f => f.Code == PrimeMinisterCertificate);
            (await db.Campaigns.SingleAsync(c => c.Code == DemoCatalog.CurrentRegularCampaign)).Awards
                .Should().Contain(a => a.AwardFormId == form.Id && a.WorkflowDefinitionId == DemoCatalog.ForwardingWorkflow);
        }
        return await _journey.RegularCampaignAsync();
    }

    private async Task<Guid> AtForwardingAsync(string name)
    {
        app.Clock.Set(Testing.TestClock.At(2026, 12, 1));
        var id = await _journey.CreateAsync(new
        {
            campaignId = await CampaignWithThePrimeMinistersCertificateAsync(), awardFormCode = PrimeMinisterCertificate, kind = "Individual",
            person = new { fullName = name, gender = "Female", birthYear = 1975, position = "Hiệu trưởng Trường Tiểu học Tân Hòa" },
            achievementSummary = "Năm năm liền hoàn thành xuất sắc nhiệm vụ; sáng kiến cấp tỉnh.",
        });
        await _journey.AttachRequiredAsync(id);
        await _journey.ToForwardingAsync(id);
        return id;
    }

    /// <summary>Opens the package and checks every file the manifest lists against the zip's own bytes.</summary>
    private static (JsonObject Manifest, Dictionary<string, byte[]> Files) Verified(byte[] package)
    {
        using var zip = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        var files = zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var s = e.Open();
            using var copy = new MemoryStream();
            s.CopyTo(copy);
            return copy.ToArray();
        });
        var manifest = JsonNode.Parse(files["manifest.json"])!.AsObject();
        var listed = manifest["files"]!.AsArray().Select(f => f!.AsObject()).ToList();
        listed.Select(f => (string)f["path"]!).Should().BeEquivalentTo(files.Keys.Where(k => k != "manifest.json"), "the manifest lists every other file");
        foreach (var file in listed)
        {
            var bytes = files[(string)file["path"]!];
            ((string)file["sha256"]!).Should().Be(Convert.ToHexStringLower(SHA256.HashData(bytes)), $"{file["path"]}'s checksum");
            ((long)file["size"]!).Should().Be(bytes.LongLength);
        }
        return (manifest, files);
    }

    [Fact]
    public async Task The_package_is_downloaded_and_verified_sent_to_the_central_endpoint_and_the_central_decision_enters_the_registry()
    {
        var id = await AtForwardingAsync("Lò Thị Sen");
        var detail = await _journey.DetailAsync(id, DemoAccounts.Appraiser);
        ((string)detail["currentStepName"]!).Should().Be("Chuyển hồ sơ lên Trung ương, chờ quyết định");

        var download = await (await app.As(DemoAccounts.Appraiser)).GetAsync($"/api/nominations/{id}/forwarding/package");
        await ApiJourney.Expect(download, HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.Should().Be("application/zip");
        var (manifest, files) = Verified(await download.Content.ReadAsByteArrayAsync());
        files.Keys.Should().Contain(k => k.StartsWith("documents/") && k.Contains("SubmissionLetter"))
            .And.Contain(k => k.StartsWith("documents/") && k.Contains("AchievementReport"));
        files.Where(f => f.Key.StartsWith("documents/")).Should().OnlyContain(f => f.Value.SequenceEqual(ApiJourney.Pdf), "the documents travel as uploaded");
        var particulars = JsonNode.Parse(files["particulars.json"])!;
        ((string)particulars["person"]!["fullName"]!).Should().Be("Lò Thị Sen");
        ((int)particulars["person"]!["birthYear"]!).Should().Be(1975);
        ((string)particulars["awardForm"]!["code"]!).Should().Be(PrimeMinisterCertificate);
        ((string)manifest["nominee"]!).Should().Be("Lò Thị Sen");
        // No council voted and the province took no decision: the signed documents it cannot carry are named, with why.
        var signed = manifest["signedDocuments"]!.AsArray().ToDictionary(d => (string)d!["document"]!, d => d!);
        signed.Keys.Should().BeEquivalentTo(["Minutes", "AppraisalReport", "SubmissionLetter", "ProvincialDecision"]);
        signed.Values.Should().OnlyContain(d => (string)d["status"]! == "missing" && ((string)d["missingReason"]!).Length > 0,
            "the uploaded letter is unsigned, no session voted, no signed appraisal report is kept, the province decided nothing");

        // The endpoint is busy: the attempt is recorded as failed, with its answer, and nothing moves.
        app.Answer = HttpStatusCode.ServiceUnavailable;
        var failed = (await (await (await app.As(DemoAccounts.Appraiser)).PostAsync($"/api/nominations/{id}/forwarding/sends", null)).Content.ReadFromJsonAsync<JsonObject>())!;
        ((bool)failed["succeeded"]!).Should().BeFalse();
        ((int)failed["statusCode"]!).Should().Be(503);
        ((string)failed["message"]!).Should().Contain("Có thể gửi lại");

        app.Answer = HttpStatusCode.Accepted;
        var sent = await (await app.As(DemoAccounts.Appraiser)).PostAsync($"/api/nominations/{id}/forwarding/sends", null);
        await ApiJourney.Expect(sent, HttpStatusCode.OK);
        var receipt = (await sent.Content.ReadFromJsonAsync<JsonObject>())!;
        ((bool)receipt["succeeded"]!).Should().BeTrue();
        ((string)receipt["response"]!).Should().Contain("TW-2027-000123");
        var received = app.Received.Last();
        received.ContentType.Should().Be("application/zip");
        received.Sha256Header.Should().Be(Convert.ToHexStringLower(SHA256.HashData(received.Body))).And.Be((string)receipt["packageSha256"]!);
        Verified(received.Body).Files.Keys.Should().Contain("particulars.json");
        await using (var db = _journey.CreateDbContext())
        {
            var sends = await db.ForwardingSends.Where(s => s.NominationId == id).OrderBy(s => s.SentAt).ThenBy(s => s.Id).ToListAsync();
            sends.Select(s => (s.Succeeded, s.StatusCode)).Should().Equal((false, 503), (true, 202));
        }

        // The award action is not a button: the central decision is recorded with its number, date and authority.
        var task = await _journey.TaskInInboxAsync(DemoAccounts.Appraiser, id);
        var shortcut = await _journey.ActAsync(DemoAccounts.Appraiser, task, "central-award", "125/QĐ-TTg");
        await ApiJourney.Expect(shortcut, HttpStatusCode.Conflict);
        ((string)(await ApiJourney.Problem(shortcut))["code"]!).Should().Be("use-central-decision");

        app.Clock.Set(Testing.TestClock.At(2027, 3, 2));
        var recorded = await (await app.As(DemoAccounts.Appraiser)).PostAsJsonAsync($"/api/nominations/{id}/central-decision", new
        {
            number = "125/QĐ-TTg", date = "2027-02-25", issuingAuthority = "Thủ tướng Chính phủ", awardFormCode = PrimeMinisterCertificate,
        });
        await ApiJourney.Expect(recorded, HttpStatusCode.OK);
        var registerNumber = (string)(await recorded.Content.ReadFromJsonAsync<JsonObject>())!["registerNumber"]!;

        ((string)(await _journey.DetailAsync(id))["status"]!).Should().Be("Awarded");
        var registry = (await (await app.As(DemoAccounts.Leader)).GetFromJsonAsync<JsonObject>("/api/registry?person=Lò Thị Sen"))!;
        var line = registry["items"]!.AsArray().Single()!;
        ((string)line["registerNumber"]!).Should().Be(registerNumber);
        ((string)line["decisionNumber"]!).Should().Be("125/QĐ-TTg");
        ((string)line["decisionDate"]!).Should().Be("2027-02-25");
        ((string)line["centralAuthority"]!).Should().Be("Thủ tướng Chính phủ");
        ((string)line["awardFormName"]!).Should().Be("Bằng khen của Thủ tướng Chính phủ");
    }

    [Fact]
    public async Task Only_the_office_given_the_forwarding_step_builds_sends_or_records()
    {
        var id = await AtForwardingAsync("Hoàng Văn Pao");
        var decision = new { number = "126/QĐ-TTg", date = "2027-02-25", issuingAuthority = "Thủ tướng Chính phủ", awardFormCode = PrimeMinisterCertificate };
        foreach (var stranger in new[] { DemoAccounts.OfficerTanHoa, DemoAccounts.CouncilMember5, DemoAccounts.Leader, DemoAccounts.Admin, DemoAccounts.Inspector })
        {
            var client = await app.As(stranger);
            (await client.GetAsync($"/api/nominations/{id}/forwarding/package")).StatusCode.Should().Be(HttpStatusCode.Forbidden, stranger.UserName);
            (await client.PostAsync($"/api/nominations/{id}/forwarding/sends", null)).StatusCode.Should().Be(HttpStatusCode.Forbidden, stranger.UserName);
            (await client.PostAsJsonAsync($"/api/nominations/{id}/central-decision", decision)).StatusCode.Should().Be(HttpStatusCode.Forbidden, stranger.UserName);
        }
        (await app.AnonymousClient().GetAsync($"/api/nominations/{id}/forwarding/package")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        var bad = await (await app.As(DemoAccounts.Appraiser)).PostAsJsonAsync($"/api/nominations/{id}/central-decision",
            new { number = "không số", date = "2027-02-25", issuingAuthority = "", awardFormCode = PrimeMinisterCertificate });
        await ApiJourney.Expect(bad, HttpStatusCode.BadRequest);
        (await ApiJourney.Problem(bad))["errors"]!.AsObject().Select(e => e.Key).Should().Contain(["number", "issuingAuthority"]);
        ((string)(await _journey.DetailAsync(id))["status"]!).Should().Be("InReview", "nothing changed");

        // A nomination that is not at a forwarding step has no package to send.
        app.Clock.Set(Testing.TestClock.At(2026, 12, 1));
        var draft = await _journey.CreateAsync(await _journey.IndividualBodyAsync());
        var notYet = await (await app.As(DemoAccounts.Appraiser)).GetAsync($"/api/nominations/{draft}/forwarding/package");
        await ApiJourney.Expect(notYet, HttpStatusCode.Conflict);
        ((string)(await ApiJourney.Problem(notYet))["code"]!).Should().Be("not-at-forwarding");
    }
}
