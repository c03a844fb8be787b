using System.Text.Json.Nodes;
using Commendations.Domain.Nominations;
using Commendations.Features.Decisions;
using Commendations.Features.Definitions;
using Commendations.Features.Nominations;
using Commendations.Seeding;
using Commendations.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Commendations.Web.Tests.Browser;

/// <summary>An installation holding the leader's certificate and the agency's seal certificate, each from a test CA it trusts.</summary>
public sealed class SealBrowserFixture : DecisionBrowserFixture
{
    private readonly string _folder = Directory.CreateTempSubdirectory("seal-browser-").FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        var leader = Directory.CreateDirectory(Path.Combine(_folder, "leader")).FullName;
        var seal = Directory.CreateDirectory(Path.Combine(_folder, "seal")).FullName;
        builder.UseSetting($"Signing:Certificates:{DemoAccounts.Leader.UserName}:Path", TestCertificates.SignerPkcs12(leader, "Ngô Đức Mạnh", "mk-lanh-dao"));
        builder.UseSetting($"Signing:Certificates:{DemoAccounts.Leader.UserName}:Password", "mk-lanh-dao");
        builder.UseSetting("Signing:Seal:Path", TestCertificates.SignerPkcs12(seal, "Ủy ban nhân dân tỉnh Lam Giang", "mk-con-dau"));
        builder.UseSetting("Signing:Seal:Password", "mk-con-dau");
        builder.UseSetting("Signing:TrustedRoots:0", TestCertificates.AuthorityOf(leader));
        builder.UseSetting("Signing:TrustedRoots:1", TestCertificates.AuthorityOf(seal));
    }
}

/// <summary>
/// A route whose decision requires the leader's signature and the clerk's seal: the leader signs from the decision page,
/// the decision waits for the seal, the clerk (văn thư) seals it from the same page, the page shows both signatures
/// verified, and only then are the nominations awarded.
/// </summary>
public sealed class SealBrowserTests(SealBrowserFixture app) : IClassFixture<SealBrowserFixture>
{
    private async Task PublishSigningRouteAsync()
    {
        const string route = "bang-khen-chuyen-de";
        var latest = (await app.SendAs(DemoAccounts.Admin, new ListDefinitions(route))).Single().PublishedVersion!.Value;
        var draft = await app.SendAs(DemoAccounts.Admin, new CreateDraft(route, latest, null));
        var view = await app.SendAs(DemoAccounts.Admin, new GetDefinitionVersion(route, draft.Version));
        var root = JsonNode.Parse(view.Content)!.AsObject();
        root["steps"]!.AsArray().Select(s => s!.AsObject()).Single(s => (string?)s["meaning"] == "decision")["signing"] =
            JsonNode.Parse("""{ "leader": "required", "seal": { "role": "clerk", "scope": "province" } }""");
        await app.SendAs(DemoAccounts.Admin, new SaveDraft(route, draft.Version, root.ToJsonString(), view.RowVersion));
        await app.SendAs(DemoAccounts.Admin, new PublishDefinition(route, draft.Version));
    }

    [BrowserFact]
    public async Task The_leader_signs_the_clerk_seals_from_the_decision_page_and_only_then_the_nominations_are_awarded()
    {
        await PublishSigningRouteAsync();
        var id = await Journeys.SubmittedCollectiveAsync(app, "UBND xã Tân Hòa");
        await Journeys.ApprovedByCommitteeAsync(app, id);
        await Journeys.DisclosedAndAppraisedAsync(app, id);
        app.TestClock.Set(TestClock.At(2027, 1, 12));
        var issued = await app.SendAs(DemoAccounts.Leader, new IssueDecision("51/QĐ-UBND", new DateOnly(2027, 1, 12), "Ngô Đức Mạnh", "Chủ tịch UBND tỉnh",
            "đã có thành tích xuất sắc trong thực hiện Quy chế dân chủ ở cơ sở năm 2026", [id]));
        issued.AwaitsSignatures.Should().BeTrue();

        var leader = await app.SignInAsync(DemoAccounts.Leader);
        await leader.GotoAsync($"/quyet-dinh/{issued.DecisionId}");
        await Expect(leader.Locator("[data-testid=decision-waiting]")).ToContainTextAsync("Chờ ký số");
        await leader.Locator("[data-testid=sign]").ClickAsync();
        await Expect(leader.Locator("[data-testid=decision-waiting]")).ToContainTextAsync("Chờ văn thư đóng dấu");
        await Expect(leader.Locator("[data-testid=signature-row]")).ToHaveCountAsync(1);
        await Expect(leader.Locator("[data-testid=seal]")).ToHaveCountAsync(0);
        (await app.SendAs(DemoAccounts.OfficerTanHoa, new GetNomination(id))).Status.Should().NotBe(NominationStatus.Awarded, "the seal is still missing");
        var waiting = await app.SignInAsync(DemoAccounts.OfficerTanHoa);
        await waiting.GotoAsync($"/de-nghi/{id}");
        await Expect(waiting.Locator("[data-testid=decision-waiting]")).ToContainTextAsync("Chờ văn thư đóng dấu");

        var clerk = await app.SignInAsync(DemoAccounts.Clerk);
        await clerk.GotoAsync($"/quyet-dinh/{issued.DecisionId}");
        await clerk.Locator("[data-testid=seal]").ClickAsync();
        await Expect(clerk.Locator("[data-testid=decision-waiting]")).ToHaveCountAsync(0);
        var rows = clerk.Locator("[data-testid=signature-row]");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Nth(0)).ToContainTextAsync("Chữ ký của lãnh đạo");
        await Expect(rows.Nth(0)).ToContainTextAsync("Ngô Đức Mạnh");
        await Expect(rows.Nth(1)).ToContainTextAsync("Chữ ký số đóng dấu của cơ quan");
        await Expect(rows.Nth(1)).ToContainTextAsync("Ủy ban nhân dân tỉnh Lam Giang");
        await Expect(rows.Filter(new() { HasText = "Hợp lệ: văn bản nguyên vẹn" })).ToHaveCountAsync(2);
        await Expect(clerk.Locator("[data-testid=signed-by]")).ToContainTextAsync(DemoAccounts.Clerk.DisplayName);
        await Expect(clerk.Locator("[data-testid=seal]")).ToHaveCountAsync(0);
        await clerk.CheckPageAsync("72-decision-sealed");

        var officer = await app.SignInAsync(DemoAccounts.OfficerTanHoa);
        await officer.GotoAsync($"/de-nghi/{id}");
        await Expect(officer.Locator("[data-testid=status]")).ToHaveTextAsync("Đã khen thưởng");
    }
}
