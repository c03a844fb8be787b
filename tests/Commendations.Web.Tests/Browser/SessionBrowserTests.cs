using Commendations.Domain.Nominees;
using Commendations.Domain.Sessions;
using Commendations.Engine;
using Commendations.Features.Sessions;
using Commendations.Seeding;
using Commendations.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Commendations.Web.Tests.Browser;

/// <summary>The app with its clock in the regular campaign's dossier window (01/11–15/12/2026).</summary>
public sealed class SessionBrowserFixture : BrowserFixture
{
    public TestClock TestClock { get; } = new(TestClock.At(2026, 12, 1));

    protected override TimeProvider? Clock => TestClock;
}

/// <summary>
/// A council session in the browser: the secretary opens it, records attendance (one absent with a written vote, one
/// recused from one nomination) and the written ballots; a member votes in their own browser; the secretary closes it and
/// the page and the minutes show the engine's outcomes. Someone outside the council is refused.
/// </summary>
public sealed class SessionBrowserTests(SessionBrowserFixture app) : IClassFixture<SessionBrowserFixture>
{
    private const string Passing = "Nguyễn Thị Hồng Nhung";
    private const string Failing = "Phạm Quốc Bảo";

    [BrowserFact]
    public async Task The_secretary_runs_a_session_members_vote_and_the_outcomes_and_minutes_are_shown()
    {
        var passing = await Journeys.AtCouncilVoteAsync(app, Passing, Gender.Female, 1972, "Trưởng thôn Bến Đình");
        var failing = await Journeys.AtCouncilVoteAsync(app, Failing, Gender.Male, 1990, "Chuyên viên");
        Dictionary<string, Guid> users;
        await using (var db = app.CreateDbContext())
            users = await db.Users.ToDictionaryAsync(u => u.UserName!, u => u.Id);

        // The secretary finds the council's waiting nominations from the navigation and opens a session with both.
        var secretary = await app.SignInAsync(DemoAccounts.SteeringStandingMember);
        await secretary.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Phiên họp", Exact = true }).ClickAsync();
        await secretary.WaitForURLAsync("**/phien-hop");
        var openForm = secretary.Locator($"[data-testid=open-{DemoCatalog.Council}]");
        await Expect(openForm.Locator("[data-testid=waiting-count]")).ToHaveTextAsync("2 hồ sơ đang chờ biểu quyết (chưa có trong phiên họp nào đang mở).");
        await Expect(openForm.GetByLabel(Passing)).ToBeCheckedAsync();
        await Expect(openForm.GetByLabel(Failing)).ToBeCheckedAsync();

        // Without a title and a time nothing is opened, and the form says why.
        await openForm.GetByLabel("Địa điểm").FillAsync("Phòng họp tầng 3, UBND tỉnh");
        await openForm.GetByRole(AriaRole.Button, new() { Name = "Mở phiên họp" }).ClickAsync();
        await Expect(openForm).ToContainTextAsync("Nhập tên phiên họp.");
        await Expect(openForm).ToContainTextAsync("Nhập thời gian họp.");
        await Expect(secretary.Locator("[data-testid=sessions-empty]")).ToBeVisibleAsync();
        await Expect(openForm.GetByLabel("Địa điểm")).ToHaveValueAsync("Phòng họp tầng 3, UBND tỉnh");
        await secretary.CheckPageAsync("40-sessions-open-errors");

        await openForm.GetByLabel("Tên phiên họp").FillAsync("Phiên họp Hội đồng Thi đua - Khen thưởng tháng 12/2026");
        await openForm.GetByLabel("Thời gian họp (giờ Việt Nam)").FillAsync("2026-12-03T08:00");
        await openForm.GetByRole(AriaRole.Button, new() { Name = "Mở phiên họp" }).ClickAsync();
        await secretary.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, "/phien-hop/[0-9a-f-]{36}"));
        var sessionId = Journeys.IdFromUrl(secretary);
        await Expect(secretary.Locator(".flash")).ToHaveTextAsync("Đã mở phiên họp với 2 hồ sơ.");
        await Expect(secretary.Locator("[data-testid=session-facts]")).ToContainTextAsync("03/12/2026 08:00");
        await Expect(secretary.Locator("[data-testid=session-status]")).ToHaveTextAsync("Đang họp");
        var agenda = secretary.Locator("[data-testid=agenda]");
        await Expect(agenda.Locator("tbody tr")).ToHaveCountAsync(2);
        await Expect(AgendaRow(secretary, passing)).ToContainTextAsync("UBND xã Tân Hòa");
        await Expect(AgendaRow(secretary, passing)).ToContainTextAsync("Chiến sĩ thi đua cấp tỉnh");

        // A member who looks before the secretary has recorded them present is told why they cannot vote yet.
        var member4 = await app.SignInAsync(DemoAccounts.CouncilMember4);
        await member4.GotoAsync("/phien-hop");
        var listed = member4.Locator("[data-testid=sessions] tbody tr");
        await Expect(listed).ToHaveCountAsync(1);
        await Expect(listed.Locator("td")).ToHaveTextAsync(["Phiên họp Hội đồng Thi đua - Khen thưởng tháng 12/2026", "Hội đồng Thi đua - Khen thưởng tỉnh Lam Giang",
            "03/12/2026 08:00", "Phòng họp tầng 3, UBND tỉnh", "2", "Đang họp"]);
        await Expect(member4.Locator("[data-testid^=open-]")).ToHaveCountAsync(0);
        await member4.CheckPageAsync("45-sessions-list");
        await member4.GetByRole(AriaRole.Link, new() { Name = "Phiên họp Hội đồng Thi đua - Khen thưởng tháng 12/2026" }).ClickAsync();
        await Expect(member4.Locator("[data-testid=awaiting-attendance]")).ToBeVisibleAsync();
        await Expect(member4.Locator("[data-testid=my-ballots]")).ToHaveCountAsync(0);

        // The roll call in one form: a member present, one absent with a written vote, one recused from one nomination.
        await SetAttendanceAsync(secretary, DemoAccounts.CouncilMember4, "Present", null);
        await SetAttendanceAsync(secretary, DemoAccounts.CouncilMember9, "AbsentWithWrittenVote", "Đi công tác, gửi phiếu bằng văn bản");
        // A recusal needs the declared conflict: the roll call is refused whole, it says whose line is wrong, and keeps
        // everything entered.
        await SetAttendanceAsync(secretary, DemoAccounts.CouncilMember8, "Recused", null);
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Lưu điểm danh" }).ClickAsync();
        await Expect(secretary.Locator("[data-testid=error-summary]"))
            .ToContainTextAsync($"{DemoAccounts.CouncilMember8.DisplayName}: Ghi rõ lý do xung đột lợi ích mà thành viên đã nêu.");
        await Expect(AttendanceRow(secretary, DemoAccounts.CouncilMember8).Locator("[data-testid=line-error]")).ToBeVisibleAsync();
        await Expect(AttendanceRow(secretary, DemoAccounts.CouncilMember4).Locator("[data-testid=attendance-status]")).ToHaveTextAsync("Vắng mặt");
        await Expect(AttendanceRow(secretary, DemoAccounts.CouncilMember4).GetByLabel($"Tình hình tham dự của {DemoAccounts.CouncilMember4.DisplayName}"))
            .ToHaveValueAsync("Present");
        await Expect(AttendanceRow(secretary, DemoAccounts.CouncilMember9).GetByLabel($"Ghi chú của {DemoAccounts.CouncilMember9.DisplayName}"))
            .ToHaveValueAsync("Đi công tác, gửi phiếu bằng văn bản");
        var recusedRow = AttendanceRow(secretary, DemoAccounts.CouncilMember8);
        await recusedRow.GetByLabel($"Ghi chú của {DemoAccounts.CouncilMember8.DisplayName}").FillAsync("Là người thân của người được đề nghị");
        await recusedRow.Locator("summary").ClickAsync();
        await recusedRow.GetByLabel(Failing).CheckAsync();
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Lưu điểm danh" }).ClickAsync();
        await Expect(secretary.Locator(".flash")).ToHaveTextAsync("Đã ghi nhận điểm danh (3 thành viên thay đổi).");
        await Expect(AttendanceRow(secretary, DemoAccounts.CouncilMember4).Locator("[data-testid=attendance-status]")).ToHaveTextAsync("Có mặt");
        await Expect(AttendanceRow(secretary, DemoAccounts.CouncilMember9)).ToContainTextAsync("Đi công tác, gửi phiếu bằng văn bản");
        await Expect(AttendanceRow(secretary, DemoAccounts.CouncilMember8).Locator("[data-testid=attendance-status]"))
            .ToHaveTextAsync("Không tham gia biểu quyết (xung đột lợi ích) (1 hồ sơ)");
        await secretary.CheckPageAsync("41-session-secretary");

        // The rest of the council is present and votes through the use cases (not what this test shows).
        var others = new[] { DemoAccounts.SteeringHead, DemoAccounts.SteeringDeputyHead, DemoAccounts.SteeringStandingMember, DemoAccounts.CouncilMember5,
            DemoAccounts.CouncilMember6, DemoAccounts.CouncilMember7 };
        foreach (var member in others)
            await app.SendAs(DemoAccounts.SteeringStandingMember, new RecordAttendance(sessionId, users[member.UserName], AttendanceStatus.Present));

        // A present member votes in their own browser, and changes a ballot before the close.
        await member4.ReloadAsync();
        await Expect(member4.Locator("[data-testid=awaiting-attendance]")).ToHaveCountAsync(0);
        var mine = member4.Locator("[data-testid=my-ballots]");
        await Expect(mine).ToBeVisibleAsync();
        await Expect(member4.Locator("[data-testid=close]")).ToHaveCountAsync(0);
        await Expect(member4.Locator("[data-testid=written-ballots]")).ToHaveCountAsync(0);
        await VoteAsync(member4, "my-ballots", passing, "Đồng ý");
        await VoteAsync(member4, "my-ballots", failing, "Đồng ý");
        await VoteAsync(member4, "my-ballots", failing, "Không đồng ý");
        await Expect(BallotRow(member4, "my-ballots", failing).Locator("[data-testid=recorded-choice]")).ToHaveTextAsync("Không đồng ý");
        await Expect(BallotRow(member4, "my-ballots", failing).GetByRole(AriaRole.Button, new() { Name = "Không đồng ý" }))
            .ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(AgendaRow(member4, failing).Locator("[data-count=no]")).ToHaveTextAsync("1");
        await Expect(AgendaRow(member4, failing).Locator("[data-count=yes]")).ToHaveTextAsync("0");
        await member4.CheckPageAsync("42-session-member");

        // The secretary records the absent member's written ballots.
        await secretary.ReloadAsync();
        var written = secretary.Locator("[data-testid=written-ballots]");
        await Expect(written).ToContainTextAsync(DemoAccounts.CouncilMember9.DisplayName);
        await VoteAsync(secretary, "written-ballots", passing, "Đồng ý");
        await VoteAsync(secretary, "written-ballots", failing, "Không biểu quyết");

        foreach (var member in others)
        {
            await app.SendAs(member, new CastSessionBallot(sessionId, passing, VoteChoice.Yes));
            await app.SendAs(member, new CastSessionBallot(sessionId, failing, VoteChoice.Yes));
        }
        await app.SendAs(DemoAccounts.CouncilMember8, new CastSessionBallot(sessionId, passing, VoteChoice.Yes));

        await secretary.ReloadAsync();
        await Expect(AgendaRow(secretary, passing).Locator("[data-count=yes]")).ToHaveTextAsync("9");
        await Expect(AgendaRow(secretary, failing).Locator("[data-count=yes]")).ToHaveTextAsync("6");
        await Expect(AgendaRow(secretary, failing).Locator("[data-count=recused]")).ToHaveTextAsync("1");
        await Expect(AgendaRow(secretary, failing).Locator("[data-count=abstain]")).ToHaveTextAsync("1");

        // Closing needs the confirmation; then the engine decides: 9 of 9 pass, 6 of 9 (one recused) fail.
        var close = secretary.Locator("[data-testid=close]");
        await close.GetByRole(AriaRole.Button, new() { Name = "Kết thúc phiên họp" }).ClickAsync();
        await Expect(secretary.Locator("[data-testid=error-summary]")).ToContainTextAsync("Đánh dấu xác nhận trước khi kết thúc phiên họp.");
        await Expect(secretary.Locator("[data-testid=session-status]")).ToHaveTextAsync("Đang họp");
        await secretary.Locator("[data-testid=close]").GetByLabel("Tôi xác nhận đã ghi đủ điểm danh và phiếu biểu quyết").CheckAsync();
        await secretary.Locator("[data-testid=close]").GetByRole(AriaRole.Button, new() { Name = "Kết thúc phiên họp" }).ClickAsync();
        await Expect(secretary.Locator(".flash")).ToHaveTextAsync("Đã kết thúc phiên họp. Kết quả đã được ghi vào biên bản.");
        await Expect(secretary.Locator("[data-testid=session-status]")).ToContainTextAsync("Đã kết thúc");
        await Expect(AgendaRow(secretary, passing).Locator("[data-testid=outcome]")).ToHaveTextAsync("Đạt");
        await Expect(AgendaRow(secretary, failing).Locator("[data-testid=outcome]")).ToHaveTextAsync("Không đạt");
        await Expect(secretary.Locator("[data-testid=close]")).ToHaveCountAsync(0);
        await Expect(secretary.Locator("form[action*='handler=Attendance']")).ToHaveCountAsync(0);
        await secretary.CheckPageAsync("43-session-closed");

        // The member's page no longer offers ballots.
        await member4.ReloadAsync();
        await Expect(member4.Locator("[data-testid=my-ballots]")).ToHaveCountAsync(0);
        await Expect(AgendaRow(member4, passing).Locator("[data-testid=outcome]")).ToHaveTextAsync("Đạt");
        // In English the same page reads in English.
        await member4.Locator("[data-testid=language-switch]").ClickAsync();
        await member4.WaitForURLAsync($"**/phien-hop/{sessionId}");
        await Expect(member4.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(member4.Locator("#agenda-heading")).ToHaveTextAsync("Agenda");
        await Expect(AgendaRow(member4, passing).Locator("[data-testid=outcome]")).ToHaveTextAsync("Passed");
        await Expect(AgendaRow(member4, failing).Locator("[data-testid=outcome]")).ToHaveTextAsync("Failed");
        await Expect(member4.Locator("[data-testid=session-status]")).ToContainTextAsync("Closed");
        await Expect(AttendanceRow(member4, DemoAccounts.CouncilMember9).Locator("[data-testid=attendance-status]")).ToHaveTextAsync("Absent, with a written vote");

        // The vote table downloads with the secretary's cookies; the minutes show attendance and counts.
        var csv = await secretary.Context.APIRequest.GetAsync($"/api/sessions/{sessionId}/votes.csv");
        csv.Status.Should().Be(200);
        (await csv.TextAsync()).Should().Contain(Passing).And.Contain(Failing);
        await Expect(secretary.GetByRole(AriaRole.Link, new() { Name = "Tải bảng kết quả (.xlsx)" })).ToHaveAttributeAsync("href", $"/api/sessions/{sessionId}/votes.xlsx");
        await secretary.GetByRole(AriaRole.Link, new() { Name = "Xem và in biên bản" }).ClickAsync();
        await secretary.WaitForURLAsync($"**/bien-ban/{sessionId}");
        var minutes = secretary.Locator("[data-testid=minutes]");
        await Expect(minutes).ToContainTextAsync("Tổng số thành viên: 9; có mặt: 7; vắng mặt có phiếu bằng văn bản: 1; không tham gia biểu quyết do xung đột lợi ích: 1; vắng mặt: 0.");
        await Expect(minutes.Locator("tr", new() { HasText = DemoAccounts.CouncilMember9.DisplayName })).ToContainTextAsync("Vắng mặt, có phiếu bằng văn bản");
        await Expect(minutes.Locator("tr", new() { HasText = DemoAccounts.CouncilMember8.DisplayName })).ToContainTextAsync("Không tham gia biểu quyết 1 trường hợp (xung đột lợi ích)");
        await Expect(MinutesLine(minutes, Passing)).ToHaveTextAsync(Cells("1", Passing, "UBND xã Tân Hòa", "9", "0", "0", "0", "100%", "Đạt"));
        await Expect(MinutesLine(minutes, Failing)).ToHaveTextAsync(Cells("2", Failing, "UBND xã Tân Hòa", "6", "1", "1", "1", "66,67%", "Không đạt"));

        // Someone outside the council: no navigation link, the list and the session refused (403).
        var officer = await app.SignInAsync(DemoAccounts.OfficerTanHoa);
        // The nominee's particulars are on the nomination page the officer follows.
        await officer.GotoAsync($"/de-nghi/{passing}");
        await Expect(officer.Locator("[data-testid=nominee-gender]")).ToHaveTextAsync("Nữ");
        await Expect(officer.Locator("[data-testid=nominee-birth-year]")).ToHaveTextAsync("1972");
        await Expect(officer.Locator("[data-testid=nominee-position]")).ToHaveTextAsync("Trưởng thôn Bến Đình");
        await Expect(officer.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Phiên họp", Exact = true })).ToHaveCountAsync(0);
        var list = await officer.GotoAsync("/phien-hop");
        list!.Status.Should().Be(403);
        await Expect(officer.Locator("[data-testid=sessions-refused]")).ToBeVisibleAsync();
        await officer.CheckPageAsync("44-sessions-refused");
        var session = await officer.GotoAsync($"/phien-hop/{sessionId}");
        session!.Status.Should().Be(403);
        await Expect(officer.Locator("[data-testid=not-found]")).ToBeVisibleAsync();
        await Expect(officer.Locator("body")).Not.ToContainTextAsync(Passing);
    }

    private static ILocator MinutesLine(ILocator minutes, string nominee) => minutes.Locator("tbody tr", new() { HasText = nominee }).Locator("td");

    /// <summary>Each cell's text exactly, except the nominee's cell, which also names the award form.</summary>
    private static System.Text.RegularExpressions.Regex[] Cells(params string[] texts) =>
        texts.Select((t, i) => new System.Text.RegularExpressions.Regex(i == 1 ? "^" + System.Text.RegularExpressions.Regex.Escape(t) : "^" + System.Text.RegularExpressions.Regex.Escape(t) + "$"))
            .ToArray();

    private static ILocator AgendaRow(IPage page, Guid nominationId) =>
        page.Locator($"[data-testid=agenda] tr[data-nomination='{nominationId}']");

    private static ILocator AttendanceRow(IPage page, DemoAccounts.Account member) =>
        page.Locator("[data-testid=attendance] tbody tr", new() { HasText = member.DisplayName });

    private static ILocator BallotRow(IPage page, string section, Guid nominationId) =>
        page.Locator($"[data-testid={section}] tr[data-nomination='{nominationId}']");

    private static async Task SetAttendanceAsync(IPage page, DemoAccounts.Account member, string status, string? note)
    {
        var row = AttendanceRow(page, member);
        await row.GetByLabel($"Tình hình tham dự của {member.DisplayName}").SelectOptionAsync(status);
        if (note is not null)
            await row.GetByLabel($"Ghi chú của {member.DisplayName}").FillAsync(note);
    }

    private static async Task VoteAsync(IPage page, string section, Guid nominationId, string choice)
    {
        await BallotRow(page, section, nominationId).GetByRole(AriaRole.Button, new() { Name = choice, Exact = true }).ClickAsync();
        await Expect(page.Locator(".flash")).ToBeVisibleAsync();
        await Expect(BallotRow(page, section, nominationId).Locator("[data-testid=recorded-choice]")).ToHaveTextAsync(choice);
    }
}
