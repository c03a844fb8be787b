using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Commendations.Seeding;
using Commendations.Testing;
using Commendations.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Commendations.Web.Tests.Api;

/// <summary>An installation holding the leader's PKCS#12 certificate and trusting the test CA that issued it.</summary>
public sealed class SigningApiFactory : ApiFactory
{
    private readonly string _folder = Directory.CreateTempSubdirectory("signing-api-").FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        var p12 = TestCertificates.SignerPkcs12(_folder, "Ngô Đức Mạnh", "mật-khẩu");
        builder.UseSetting($"Signing:Certificates:{DemoAccounts.Leader.UserName}:Path", p12);
        builder.UseSetting($"Signing:Certificates:{DemoAccounts.Leader.UserName}:Password", "mật-khẩu");
        builder.UseSetting("Signing:TrustedRoots:0", TestCertificates.AuthorityOf(_folder));
    }
}

/// <summary>
/// The signed decision over HTTP: only its signer signs it, once; any reader downloads the stored bytes; the decision
/// page shows the signed copy's checksum and check.
/// </summary>
public class SignedDecisionOverHttpTests(SigningApiFactory app) : IClassFixture<SigningApiFactory>
{
    private readonly ApiJourney _journey = new(app);

    private async Task<Guid> IssuedAsync()
    {
        app.Clock.Set(TestClock.At(2026, 12, 1));
        var id = await _journey.CreateAsync(await _journey.CollectiveBodyAsync());
        await _journey.AttachRequiredAsync(id);
        await _journey.SubmitAsync(id);
        foreach (var member in ApiJourney.Steering)
            await ApiJourney.Expect(await _journey.ActAsync(member, await _journey.TaskInInboxAsync(member, id), "approve"), HttpStatusCode.OK);
        await _journey.EndDisclosureAsync(id);
        await ApiJourney.Expect(await _journey.ActAsync(DemoAccounts.Appraiser, await _journey.TaskInInboxAsync(DemoAccounts.Appraiser, id), "forward"), HttpStatusCode.OK);
        app.Clock.Set(TestClock.At(2027, 2, 3));
        var leader = await app.As(DemoAccounts.Leader);
        var issued = await leader.PostAsJsonAsync("/api/decisions", new
        {
            number = "41/QĐ-UBND", date = "2027-02-03", signerName = "Ngô Đức Mạnh", signerTitle = "Chủ tịch UBND tỉnh",
            citation = "Đã có thành tích xuất sắc trong thực hiện Quy chế dân chủ ở cơ sở năm 2026", nominationIds = new[] { id },
        });
        await ApiJourney.Expect(issued, HttpStatusCode.Created);
        return (await issued.Content.ReadFromJsonAsync<JsonObject>())!["decisionId"]!.GetValue<Guid>();
    }

    [Fact]
    public async Task The_leader_signs_once_others_are_refused_and_any_reader_downloads_the_stored_bytes()
    {
        var decisionId = await IssuedAsync();
        var officer = await app.As(DemoAccounts.OfficerTanHoa);
        var leader = await app.As(DemoAccounts.Leader);

        await ApiJourney.Expect(await officer.PostAsync($"/api/decisions/{decisionId}/signed-pdf", null), HttpStatusCode.Forbidden);
        await ApiJourney.Expect(await officer.PostAsync($"/api/decisions/{decisionId}/signing/prepare", null), HttpStatusCode.Forbidden);
        await ApiJourney.Expect(await officer.GetAsync($"/api/decisions/{decisionId}/signed-pdf"), HttpStatusCode.NotFound);

        var signed = await leader.PostAsync($"/api/decisions/{decisionId}/signed-pdf", null);
        await ApiJourney.Expect(signed, HttpStatusCode.OK);
        var summary = (await signed.Content.ReadFromJsonAsync<JsonObject>())!;
        summary["verification"]!.GetValue<string>().Should().Be("Valid");
        var sha256 = summary["sha256"]!.GetValue<string>();

        var download = await officer.GetAsync($"/api/decisions/{decisionId}/signed-pdf");
        await ApiJourney.Expect(download, HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        Convert.ToHexString(SHA256.HashData(await download.Content.ReadAsByteArrayAsync())).ToLowerInvariant().Should().Be(sha256);

        var again = await leader.PostAsync($"/api/decisions/{decisionId}/signed-pdf", null);
        await ApiJourney.Expect(again, HttpStatusCode.Conflict);
        (await ApiJourney.Problem(again))["code"]!.GetValue<string>().Should().Be("decision-already-signed");
        var unknownField = await leader.PostAsJsonAsync($"/api/decisions/{decisionId}/signing/{Guid.NewGuid()}/complete", new { signature = "AAAA", extra = 1 });
        await ApiJourney.Expect(unknownField, HttpStatusCode.BadRequest);

        var page = WebUtility.HtmlDecode(await officer.GetStringAsync($"/quyet-dinh/{decisionId}"));
        page.Should().Contain("Bản đã ký số").And.Contain(sha256).And.Contain("Ngô Đức Mạnh")
            .And.Contain("Hợp lệ: văn bản nguyên vẹn").And.Contain($"/api/decisions/{decisionId}/signed-pdf").And.NotContain("data-testid=\"sign\"");
    }
}
