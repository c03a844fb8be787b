using Commendations.Domain.Nominees;
using Commendations.Features.Sessions;
using Commendations.Seeding;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Commendations.Web.Tests.Browser;

/// <summary>
/// The "Nơi nhận" a committee's minutes end with, edited on the committees page one recipient a line: a line too long is
/// refused on the field with the text kept; once saved, the minutes print the new lines. Only administrators see the page.
/// </summary>
public sealed class MinutesRecipientsBrowserTests(SessionBrowserFixture app) : IClassFixture<SessionBrowserFixture>
{
    private const string Label = "Nơi nhận của biên bản (mỗi dòng một nơi)";

    [BrowserFact]
    public async Task An_administrator_edits_the_councils_recipients_and_the_minutes_print_them()
    {
        await Journeys.AtCouncilVoteAsync(app, "Lê Thị Thu Hà", Gender.Female, 1980, "Hiệu trưởng Trường Tiểu học Tân Hòa");
        var sessionId = await app.SendAs(DemoAccounts.Admin, new OpenSession(DemoCatalog.Council, "Phiên họp xét tặng Chiến sĩ thi đua cấp tỉnh",
            new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.FromHours(7)), "Phòng họp số 2"));

        var admin = await app.SignInAsync(DemoAccounts.Admin);
        await admin.GotoAsync("/quan-tri/hoi-dong");
        var council = admin.Locator($"[data-testid=committee-{DemoCatalog.Council}]");
        var recipients = council.GetByLabel(Label);
        var save = council.GetByRole(AriaRole.Button, new() { Name = "Lưu nơi nhận" });

        // A line longer than a line of the minutes can hold: refused on the field, what was typed is kept, nothing saved.
        var tooLong = "Ủy ban nhân dân các xã, phường " + new string('x', 300);
        await recipients.FillAsync($"Chủ tịch UBND tỉnh (để báo cáo);\n{tooLong}");
        await save.ClickAsync();
        await Expect(council.Locator(".field-error")).ToContainTextAsync("300");
        await Expect(council.GetByLabel(Label)).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(council.GetByLabel(Label)).ToHaveValueAsync($"Chủ tịch UBND tỉnh (để báo cáo);\n{tooLong}");
        await admin.CheckPageAsync("31c-admin-minutes-recipients-refused");

        await council.GetByLabel(Label).FillAsync("Chủ tịch UBND tỉnh (để báo cáo);\n\n  Các thành viên Hội đồng;  \nLưu: VT, HĐTĐKT.");
        await council.GetByRole(AriaRole.Button, new() { Name = "Lưu nơi nhận" }).ClickAsync();
        await Expect(admin.Locator(".flash")).ToContainTextAsync("Đã lưu nơi nhận của biên bản.");
        await Expect(council.GetByLabel(Label)).ToHaveValueAsync("Chủ tịch UBND tỉnh (để báo cáo);\nCác thành viên Hội đồng;\nLưu: VT, HĐTĐKT.");
        await admin.CheckPageAsync("31b-admin-minutes-recipients");

        await admin.GotoAsync($"/bien-ban/{sessionId}");
        var printed = admin.Locator("[data-testid=minutes-recipients] p");
        await Expect(printed).ToHaveTextAsync(["Nơi nhận:", "- Chủ tịch UBND tỉnh (để báo cáo);", "- Các thành viên Hội đồng;", "- Lưu: VT, HĐTĐKT."]);

        // The same field in English.
        await admin.GotoAsync("/quan-tri/hoi-dong");
        await admin.GetByTestId("language-switch").ClickAsync();
        await Expect(council.GetByLabel("Recipients of the minutes (one per line)")).ToHaveValueAsync(
            "Chủ tịch UBND tỉnh (để báo cáo);\nCác thành viên Hội đồng;\nLưu: VT, HĐTĐKT.");
        await admin.GetByTestId("language-switch").ClickAsync();
    }

    [BrowserFact]
    public async Task A_council_member_who_is_not_an_administrator_is_refused_the_page()
    {
        var member = await app.SignInAsync(DemoAccounts.CouncilMember9);
        var response = await member.GotoAsync("/quan-tri/hoi-dong");
        response!.Status.Should().Be(403);
        await Expect(member.Locator("[data-testid=admin-refused]")).ToBeVisibleAsync();
        await Expect(member.GetByLabel(Label)).ToHaveCountAsync(0);
    }
}
