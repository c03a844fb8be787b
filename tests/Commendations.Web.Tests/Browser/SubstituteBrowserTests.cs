using Commendations.Domain.Nominees;
using VoteChoice = Commendations.Engine.VoteChoice;
using Commendations.Features.Admin.Users;
using Commendations.Features.Nominations;
using Commendations.Features.Substitutions;
using Commendations.Seeding;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Commendations.Web.Tests.Browser;

/// <summary>
/// Hoàng Văn Dũng, the steering committee's standing member, will be away: he names Bùi Văn Phúc (same unit, on the
/// council with him) from the user box; Phúc finds Dũng's turn in his inbox marked "Thay mặt", acts on it, and the
/// timeline says on whose behalf. Dũng's council ballot stays his own.
/// </summary>
public sealed class SubstituteBrowserTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private static readonly DemoAccounts.Account Away = DemoAccounts.SteeringStandingMember;
    private static readonly DemoAccounts.Account Cover = DemoAccounts.CouncilMember5;

    /// <summary>The pages run on the real clock: today in Vietnam.</summary>
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [BrowserFact]
    public async Task A_member_names_a_substitute_who_acts_on_his_behalf_and_the_timeline_says_so()
    {
        var away = await app.SignInAsync(Away);
        await away.GotoAsync("/");
        await away.Locator("[data-testid=my-substitutes]").ClickAsync();
        await away.WaitForURLAsync("**/tai-khoan/nguoi-thay-the");
        var form = away.Locator("[data-testid=substitute-form]");

        // A range that ends before it starts is refused on its field, and nothing is set.
        await form.GetByLabel("Người thay thế").SelectOptionAsync(new SelectOptionValue { Label = $"{Cover.DisplayName} – {Cover.Title}" });
        await form.GetByLabel("Từ ngày").FillAsync(Iso(Today.AddDays(3)));
        await form.GetByLabel("Đến ngày").FillAsync(Iso(Today.AddDays(2)));
        await form.GetByRole(AriaRole.Button, new() { Name = "Đặt người thay thế" }).ClickAsync();
        await Expect(away.Locator("[data-valmsg-for='Input.To'], .field-error").Filter(new() { HasText = "Ngày kết thúc không được trước ngày bắt đầu." }).First).ToBeVisibleAsync();
        await Expect(away.Locator("[data-testid=no-substitutions]")).ToBeVisibleAsync();

        await form.GetByLabel("Từ ngày").FillAsync(Iso(Today));
        await form.GetByLabel("Đến ngày").FillAsync(Iso(Today.AddDays(2)));
        await form.GetByLabel("Lý do").FillAsync("Học lớp bồi dưỡng");
        await form.GetByRole(AriaRole.Button, new() { Name = "Đặt người thay thế" }).ClickAsync();
        await Expect(away.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã đặt người thay thế");
        var row = away.Locator("[data-testid=substitutions] tbody tr").First;
        await Expect(row).ToContainTextAsync(Cover.DisplayName);
        await Expect(row).ToContainTextAsync("Đang thay thế");
        await Expect(row).ToContainTextAsync(Today.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));
        await away.CheckPageAsync("70-substitutes");

        var id = await Journeys.SubmittedCollectiveAsync(app, "Đoàn Thanh niên xã Tân Hòa");
        var cover = await app.SignInAsync(Cover);
        await cover.GotoAsync("/viec-can-xu-ly");
        var item = cover.Locator("[data-testid=inbox] tbody tr").Filter(new() { Has = cover.Locator($"a[href='/de-nghi/{id}']") });
        await Expect(item.Locator("[data-testid=inbox-on-behalf]")).ToHaveTextAsync($"Thay mặt {Away.DisplayName}");
        await item.Locator($"a[href='/de-nghi/{id}']").ClickAsync();
        await Expect(cover.Locator("[data-testid=on-behalf]")).ToContainTextAsync(Away.DisplayName);
        await Journeys.ActAsync(cover, "approve", "Đồng ý, thay mặt đồng chí Dũng.");
        await Expect(cover.Locator("[data-testid=timeline]")).ToContainTextAsync($"{Cover.DisplayName} (thay mặt {Away.DisplayName})");

        // Back early: Dũng revokes; the cover ends at once.
        await away.GotoAsync("/tai-khoan/nguoi-thay-the");
        await away.Locator("[data-testid=revoke-substitution]").First.ClickAsync();
        await Expect(away.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã thu hồi người thay thế");
        await Expect(away.Locator("[data-testid=substitutions] tbody tr").First).ToContainTextAsync("Đã thu hồi");
    }

    [BrowserFact]
    public async Task An_administrator_sets_a_substitute_for_someone_and_the_covered_ballot_is_shown_as_the_members_own()
    {
        var id = await Journeys.AtCouncilVoteAsync(app, "Trần Thị Mỹ Duyên", Gender.Female, 1986, "Công chức xã Tân Hòa");
        var admin = await app.SignInAsync(DemoAccounts.Admin);
        await admin.GotoAsync("/quan-tri");
        await admin.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Người thay thế khi vắng mặt" }).ClickAsync();
        await admin.WaitForURLAsync("**/quan-tri/nguoi-thay-the");
        var form = admin.Locator("[data-testid=substitute-for-form]");
        var principal = DemoAccounts.CouncilMember8;
        var substitute = DemoAccounts.CouncilMember6;
        await form.GetByLabel("Người vắng mặt").SelectOptionAsync(new SelectOptionValue { Label = $"{principal.DisplayName} – Ủy ban nhân dân tỉnh Lam Giang" });
        await form.GetByLabel("Người thay thế").SelectOptionAsync(new SelectOptionValue { Label = $"{substitute.DisplayName} – Ủy ban nhân dân tỉnh Lam Giang" });
        await form.GetByLabel("Từ ngày").FillAsync(Iso(Today));
        await form.GetByLabel("Đến ngày").FillAsync(Iso(Today.AddDays(1)));
        await form.GetByLabel("Lý do").FillAsync("Ốm đột xuất");
        await form.GetByRole(AriaRole.Button, new() { Name = "Đặt người thay thế" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã đặt người thay thế");
        await Expect(admin.Locator("[data-testid=substitutions]")).ToContainTextAsync(principal.DisplayName);
        await admin.CheckPageAsync("71-admin-substitutes");

        // The substitute votes for herself; the covered member's ballot is listed as his, with no ballot form for her.
        await app.SendAs(substitute, new CastVote(id, VoteChoice.Yes, null));
        var member = await app.SignInAsync(substitute);
        await member.GotoAsync("/viec-can-xu-ly");
        var item = member.Locator("[data-testid=inbox] tbody tr").Filter(new() { Has = member.Locator($"a[href='/de-nghi/{id}']") });
        await Expect(item.Locator("[data-testid=inbox-on-behalf]")).ToHaveTextAsync($"Phiếu biểu quyết của {principal.DisplayName} (thành viên tự bỏ phiếu)");
        await member.GotoAsync($"/de-nghi/{id}");
        await Expect(member.Locator("[data-testid=my-turn]")).ToHaveCountAsync(0);

        var officer = await app.SignInAsync(DemoAccounts.OfficerTanHoa);
        (await officer.GotoAsync("/quan-tri/nguoi-thay-the"))!.Status.Should().Be(403);
        var users = await app.SendAs(DemoAccounts.Admin, new ListUsers());
        var list = await app.SendAs(DemoAccounts.Admin, new ListSubstitutions());
        list.Should().ContainSingle(s => s.PrincipalUserId == users.Single(u => u.UserName == principal.UserName).Id);
    }
}
