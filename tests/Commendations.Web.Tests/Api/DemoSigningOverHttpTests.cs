using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Commendations.Seeding;
using Commendations.Testing;
using Commendations.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Commendations.Web.Tests.Api;

/// <summary>A fresh demo with no certificate configured, its demo certificates turned on as Development does by default.</summary>
public sealed class DemoSigningApiFactory : ApiFactory
{
    public string Folder { get; } = Path.Combine(Directory.CreateTempSubdirectory("demo-signing-").FullName, "demo-signing");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Signing:DemoCertificates", "true");
        builder.UseSetting("Signing:DemoCertificatesFolder", Folder);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(Path.GetDirectoryName(Folder)!, recursive: true);
    }
}

/// <summary>
/// The demo signs out of the box: with nothing configured, the leader signs a decision with the demo certificate made
/// for them, and the verifier, trusting the demo CA, finds it valid — the signing path end to end without setup.
/// </summary>
public class DemoSigningOverHttpTests(DemoSigningApiFactory app) : IClassFixture<DemoSigningApiFactory>
{
    private readonly ApiJourney _journey = new(app);

    [Fact]
    public async Task A_fresh_demo_signs_a_decision_with_its_demo_certificate_and_verifies_it_valid()
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
            number = "61/QĐ-UBND", date = "2027-02-03", signerName = "Ngô Đức Mạnh", signerTitle = "Chủ tịch UBND tỉnh",
            citation = "Đã có thành tích xuất sắc trong thực hiện Quy chế dân chủ ở cơ sở năm 2026", nominationIds = new[] { id },
        });
        await ApiJourney.Expect(issued, HttpStatusCode.Created);
        var decisionId = (await issued.Content.ReadFromJsonAsync<JsonObject>())!["decisionId"]!.GetValue<Guid>();

        var signed = await leader.PostAsync($"/api/decisions/{decisionId}/signed-pdf", null);
        await ApiJourney.Expect(signed, HttpStatusCode.OK);
        var summary = (await signed.Content.ReadFromJsonAsync<JsonObject>())!;
        summary["verification"]!.GetValue<string>().Should().Be("Valid", "the demo CA is trusted in the demo");
        summary["certificateName"]!.GetValue<string>().Should().Be("Ngô Đức Mạnh", "the leader's own demo certificate signed it");

        File.Exists(Path.Combine(app.Folder, "demo-ca.cer")).Should().BeTrue();
        foreach (var signer in new[] { DemoAccounts.Leader, DemoAccounts.Clerk, DemoAccounts.HeadTanHoa, DemoAccounts.SteeringStandingMember, DemoAccounts.SteeringHead })
            File.Exists(Path.Combine(app.Folder, $"{signer.UserName}.p12")).Should().BeTrue($"{signer.DisplayName} signs in the demo");
        File.Exists(Path.Combine(app.Folder, $"{DemoAccounts.OfficerTanHoa.UserName}.p12")).Should().BeFalse("an officer signs nothing");
    }
}
