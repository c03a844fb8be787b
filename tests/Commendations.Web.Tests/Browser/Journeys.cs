using Commendations.Domain.Catalog;
using Commendations.Features.Campaigns;
using Commendations.Features.Decisions;
using Commendations.Features.Nominations;
using Commendations.Domain.Nominees;
using Commendations.Features.Scheduling;
using Commendations.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Commendations.Web.Tests.Browser;

/// <summary>Steps shared by the browser tests: what a user does on a page, and set-up through the use cases.</summary>
public static class Journeys
{
    public static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();

    public static Guid IdFromUrl(IPage page) => Guid.Parse(page.Url.Split('?')[0].TrimEnd('/').Split('/')[^1]);

    public static async Task UploadAsync(IPage page, string kind, string fileName)
    {
        await page.GetByLabel("Loại tài liệu").SelectOptionAsync(kind);
        await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = "application/pdf", Buffer = Pdf });
        await page.GetByRole(AriaRole.Button, new() { Name = "Tải lên", Exact = true }).ClickAsync();
        await Expect(page.Locator("[data-testid=documents]")).ToContainTextAsync(fileName);
    }

    /// <summary>A reviewer's action with a comment on the nomination page (the page reloads with the result).</summary>
    public static async Task ActAsync(IPage page, string action, string? comment)
    {
        if (comment is not null)
            await page.Locator("#act-comment").FillAsync(comment);
        await NextPage.AfterAsync(page, () => page.Locator($"[data-testid=my-turn] button[data-action={action}]").ClickAsync());
    }

    /// <summary>Drafted, documented and submitted by Tân Hòa's officer through the use cases (the browser test starts after that).</summary>
    public static async Task<Guid> SubmittedCollectiveAsync(BrowserFixture app, string name)
    {
        var campaigns = await app.SendAs(DemoAccounts.OfficerTanHoa, new ListCampaigns());
        var campaignId = campaigns.Single(c => c.Code == DemoCatalog.CurrentThematicCampaign).Id;
        var id = await app.SendAs(DemoAccounts.OfficerTanHoa, new CreateNomination(campaignId, DemoCatalog.CertificateOfMerit,
            NomineeKind.Collective, null, new CollectiveInput(name, 28, 13, 20), "Thực hiện tốt Quy chế dân chủ ở cơ sở năm 2026."));
        await app.SendAs(DemoAccounts.OfficerTanHoa, new AddDocument(id, DocumentKind.SubmissionLetter, "to-trinh.pdf", Pdf));
        await app.SendAs(DemoAccounts.OfficerTanHoa, new AddDocument(id, DocumentKind.AchievementReport, "bao-cao-thanh-tich.pdf", Pdf));
        await app.SendAs(DemoAccounts.OfficerTanHoa, new SubmitNomination(id, "Kính trình Ban Chỉ đạo."));
        return id;
    }

    /// <summary>
    /// A provincial emulation fighter nomination of Tân Hòa, submitted and forwarded by the appraiser, so it waits for the
    /// council's vote (hdtdkt) — through the use cases. Needs the campaign's dossier window (a clock in December 2026).
    /// </summary>
    public static async Task<Guid> AtCouncilVoteAsync(BrowserFixture app, string fullName, Gender gender, int birthYear, string position)
    {
        var campaigns = await app.SendAs(DemoAccounts.OfficerTanHoa, new ListCampaigns());
        var campaignId = campaigns.Single(c => c.Code == DemoCatalog.CurrentRegularCampaign).Id;
        var id = await app.SendAs(DemoAccounts.OfficerTanHoa, new CreateNomination(campaignId, DemoCatalog.ProvincialEmulationFighter,
            NomineeKind.Individual, new PersonInput(fullName, gender, birthYear, position), null, "Ba năm liền chiến sĩ thi đua cơ sở, có sáng kiến cấp tỉnh."));
        await app.SendAs(DemoAccounts.OfficerTanHoa, new AddDocument(id, DocumentKind.SubmissionLetter, "to-trinh.pdf", Pdf));
        await app.SendAs(DemoAccounts.OfficerTanHoa, new AddDocument(id, DocumentKind.AchievementReport, "bao-cao-thanh-tich.pdf", Pdf));
        await app.SendAs(DemoAccounts.OfficerTanHoa, new AddDocument(id, DocumentKind.Minutes, "bien-ban.pdf", Pdf));
        await app.SendAs(DemoAccounts.OfficerTanHoa, new SubmitNomination(id, "Kính trình Hội đồng."));
        var turn = (await app.SendAs(DemoAccounts.Appraiser, new GetNomination(id))).MyTurn!;
        await app.SendAs(DemoAccounts.Appraiser, new ActOnTask(turn.TaskId, "forward", "Đủ điều kiện trình Hội đồng."));
        return id;
    }

    /// <summary>Approved by the steering committee's members in order (through the use cases): the nomination enters public disclosure.</summary>
    public static async Task ApprovedByCommitteeAsync(BrowserFixture app, Guid id)
    {
        foreach (var member in new[] { DemoAccounts.SteeringStandingMember, DemoAccounts.SteeringDeputyHead, DemoAccounts.SteeringHead })
        {
            var turn = (await app.SendAs(member, new GetNomination(id))).MyTurn!;
            await app.SendAs(member, new ActOnTask(turn.TaskId, "approve", "Đồng ý."));
        }
    }

    /// <summary>Moves the app's clock just past the end of the nomination's disclosure wait (7 working days).</summary>
    public static async Task PastDisclosureAsync(DecisionBrowserFixture app, Guid id)
    {
        await using var db = app.CreateDbContext();
        var instance = await db.WorkflowInstances.FirstAsync(i => i.NominationId == id);
        app.TestClock.Set(Engine.InstanceState.FromJson(instance.State).WaitUntil!.Value.AddMinutes(1));
    }

    /// <summary>Approved nominations past their disclosure and forwarded by the appraiser: they wait for the leader's decision.</summary>
    public static async Task DisclosedAndAppraisedAsync(DecisionBrowserFixture app, params Guid[] ids)
    {
        await PastDisclosureAsync(app, ids[^1]);
        foreach (var id in ids)
        {
            (await app.SendAs(null, new ElapseWait(id, "public-disclosure"))).Should().BeTrue();
            var turn = (await app.SendAs(DemoAccounts.Appraiser, new GetNomination(id))).MyTurn!;
            await app.SendAs(DemoAccounts.Appraiser, new ActOnTask(turn.TaskId, "forward", "Đủ điều kiện."));
        }
    }

    /// <summary>Collectives of Tân Hòa submitted, approved, disclosed, appraised and awarded by the leader's decision (all through the use cases).</summary>
    public static async Task<DecisionIssued> AwardedCollectivesAsync(DecisionBrowserFixture app, string decisionNumber, DateOnly date, params string[] names)
    {
        var ids = new List<Guid>();
        foreach (var name in names)
        {
            var id = await SubmittedCollectiveAsync(app, name);
            await ApprovedByCommitteeAsync(app, id);
            ids.Add(id);
        }
        await DisclosedAndAppraisedAsync(app, [.. ids]);
        // The leader signs on the decision's own date (a decision cannot be dated after the day it is signed).
        if (app.TestClock.GetUtcNow() < Testing.TestClock.At(date.Year, date.Month, date.Day))
            app.TestClock.Set(Testing.TestClock.At(date.Year, date.Month, date.Day));
        return await app.SendAs(DemoAccounts.Leader, new IssueDecision(decisionNumber, date, DemoAccounts.Leader.DisplayName, "Chủ tịch UBND tỉnh",
            "đã có thành tích xuất sắc trong thực hiện Quy chế dân chủ ở cơ sở năm 2026", ids));
    }
}
