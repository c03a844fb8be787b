using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Commendations.Seeding;
using Commendations.Web.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Web.Tests.Api;

/// <summary>A council session over HTTP: open, attendance, ballots, close, minutes page and vote table; refusals and bad input.</summary>
public class SessionOverHttpTests(ApiFactory app) : IClassFixture<ApiFactory>
{
    private readonly ApiJourney _journey = new(app);

    private async Task<Guid> AtCouncilVoteAsync()
    {
        app.Clock.Set(Testing.TestClock.At(2026, 12, 1));
        var campaigns = await (await app.As(DemoAccounts.OfficerTanHoa)).GetFromJsonAsync<JsonArray>("/api/campaigns");
        var campaign = campaigns!.Single(c => (string?)c!["code"] == DemoCatalog.CurrentRegularCampaign)!["id"]!.GetValue<Guid>();
        var id = await _journey.CreateAsync(new
        {
            campaignId = campaign, awardFormCode = DemoCatalog.ProvincialEmulationFighter, kind = "Individual",
            person = new { fullName = "Nguyễn Thị Hồng Nhung", gender = "Female", birthYear = 1972, position = "Trưởng thôn Bến Đình" },
            achievementSummary = "Ba năm liền chiến sĩ thi đua cơ sở.",
        });
        await _journey.AttachRequiredAsync(id);
        await ApiJourney.Expect(await (await app.As(DemoAccounts.OfficerTanHoa)).PostAsync($"/api/nominations/{id}/documents",
            ApiJourney.Upload("Minutes", "bien-ban.pdf", ApiJourney.Pdf)), HttpStatusCode.Created);
        await _journey.SubmitAsync(id);
        await ApiJourney.Expect(await _journey.ActAsync(DemoAccounts.Appraiser, await _journey.TaskInInboxAsync(DemoAccounts.Appraiser, id), "forward"), HttpStatusCode.OK);
        return id;
    }

    [Fact]
    public async Task The_secretary_runs_a_session_and_the_minutes_and_vote_table_are_published()
    {
        var id = await AtCouncilVoteAsync();
        var secretary = await app.As(DemoAccounts.SteeringStandingMember);
        var opened = await secretary.PostAsJsonAsync("/api/sessions", new { committeeCode = DemoCatalog.Council, title = "Phiên họp Hội đồng tháng 12", heldAt = "2026-12-03T08:00:00+07:00", nominationIds = new[] { id } });
        await ApiJourney.Expect(opened, HttpStatusCode.Created);
        var sessionId = (await opened.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();

        Dictionary<string, Guid> users;
        await using (var db = _journey.CreateDbContext())
            users = await db.Users.ToDictionaryAsync(u => u.UserName!, u => u.Id);
        foreach (var member in DemoAccounts.CouncilInOrder)
        {
            await ApiJourney.Expect(await secretary.PutAsJsonAsync($"/api/sessions/{sessionId}/attendance/{users[member.UserName]}", new { status = "Present" }), HttpStatusCode.NoContent);
            await ApiJourney.Expect(await (await app.As(member)).PostAsJsonAsync($"/api/sessions/{sessionId}/ballots", new { nominationId = id, choice = "Yes" }), HttpStatusCode.NoContent);
        }
        var closed = await secretary.PostAsync($"/api/sessions/{sessionId}/close", null);
        await ApiJourney.Expect(closed, HttpStatusCode.OK);
        (await closed.Content.ReadFromJsonAsync<JsonObject>())!["items"]![0]!["outcome"]!.GetValue<string>().Should().Be("Passed");
        (await _journey.DetailAsync(id))["currentStep"]!.GetValue<string>().Should().Be("decision");

        // The secretary numbers the minutes and records the end; the number is refused on its field without its zero, and
        // another member may not.
        var unpadded = await secretary.PutAsJsonAsync($"/api/sessions/{sessionId}/minutes", new { number = "5/BB-HĐTĐKT" });
        await ApiJourney.Expect(unpadded, HttpStatusCode.BadRequest);
        (await ApiJourney.Problem(unpadded))["errors"]!["number"]![0]!.GetValue<string>().Should().Contain("05/BB-HĐTĐKT");
        await ApiJourney.Expect(await (await app.As(DemoAccounts.CouncilMember4)).PutAsJsonAsync($"/api/sessions/{sessionId}/minutes",
            new { number = "05/BB-HĐTĐKT" }), HttpStatusCode.Forbidden);
        await ApiJourney.Expect(await secretary.PutAsJsonAsync($"/api/sessions/{sessionId}/minutes",
            new { number = "05/BB-HĐTĐKT", endedAt = "2026-12-03T10:30:00+07:00" }), HttpStatusCode.NoContent);

        var page = await (await app.As(DemoAccounts.Appraiser)).GetAsync($"/bien-ban/{sessionId}");
        await ApiJourney.Expect(page, HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        html.Should().Contain("BIÊN BẢN").And.Contain("Nguyễn Thị Hồng Nhung").And.Contain("/css/minutes.css").And.Contain("Đạt");
        // A biên bản: number, place and date, start and end, chair and secretary, counts, signers and recipients; an open
        // vote carries no secret-ballot statement.
        html.Should().Contain("Số: 05/BB-HĐTĐKT").And.Contain("Lam Giang, ngày 03 tháng 12 năm 2026")
            .And.Contain("Thời gian: bắt đầu lúc 08:00 ngày 03 tháng 12 năm 2026, kết thúc lúc 10:30.")
            .And.Contain($"Chủ trì: {DemoAccounts.SteeringHead.DisplayName}, Chủ tịch Hội đồng. Thư ký: {DemoAccounts.SteeringStandingMember.DisplayName}, Ủy viên, Thư ký Hội đồng.")
            .And.Contain("Tổng số thành viên: 9; có mặt: 9").And.Contain("9/9 (100%)")
            .And.Contain("Nơi nhận:").And.Contain("- Lưu: VT, HĐTĐKT.")
            .And.NotContain("bỏ phiếu kín");
        html.Should().MatchRegex("THƯ KÝ(<br />)+" + DemoAccounts.SteeringStandingMember.DisplayName);
        (await (await app.As(DemoAccounts.Appraiser)).GetStringAsync("/css/minutes.css")).Should().Contain("size: A4");

        var sheet = await secretary.GetAsync($"/api/sessions/{sessionId}/votes.xlsx");
        await ApiJourney.Expect(sheet, HttpStatusCode.OK);
        using var document = SpreadsheetDocument.Open(new MemoryStream(await sheet.Content.ReadAsByteArrayAsync()), false);
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
        rows.Should().HaveCount(2);
        rows[0].Elements<Cell>().Select(c => c.InnerText).Should().StartWith(["STT", "Họ và tên, tên tập thể", "Đơn vị", "Hình thức khen thưởng", "Đồng ý"]);
        var cells = rows[1].Elements<Cell>().ToDictionary(c => c.CellReference!.Value!);
        cells["B2"].InnerText.Should().Be("Nguyễn Thị Hồng Nhung");
        cells["E2"].CellValue!.Text.Should().Be("9");
        cells["J2"].CellValue!.Text.Should().Be("9");
        cells["K2"].CellValue!.Text.Should().Be("100");
        cells["L2"].InnerText.Should().Be("Đạt");
        DateTime.FromOADate(double.Parse(cells["M2"].CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)).Should().Be(new DateTime(2026, 12, 3));
    }

    [Fact]
    public async Task Session_refusals_and_bad_input()
    {
        var id = await AtCouncilVoteAsync();
        var body = new { committeeCode = DemoCatalog.Council, title = "Phiên", heldAt = "2026-12-03T08:00:00+07:00", nominationIds = new[] { id } };
        await ApiJourney.Expect(await (await app.As(DemoAccounts.OfficerTanHoa)).PostAsJsonAsync("/api/sessions", body), HttpStatusCode.Forbidden);
        await ApiJourney.Expect(await (await app.As(DemoAccounts.SteeringHead)).PostAsJsonAsync("/api/sessions", body), HttpStatusCode.Forbidden);
        var bad = await (await app.As(DemoAccounts.SteeringStandingMember)).PostAsJsonAsync("/api/sessions", new { committeeCode = "", title = "", heldAt = "2026-12-03T08:00:00+07:00" });
        await ApiJourney.Expect(bad, HttpStatusCode.BadRequest);
        (await ApiJourney.Problem(bad))["errors"]!.AsObject().Select(e => e.Key).Should().BeEquivalentTo(["committeeCode", "title"]);

        var opened = await (await app.As(DemoAccounts.SteeringStandingMember)).PostAsJsonAsync("/api/sessions", body);
        await ApiJourney.Expect(opened, HttpStatusCode.Created);
        var sessionId = (await opened.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        await ApiJourney.Expect(await (await app.As(DemoAccounts.OfficerTanHoa)).GetAsync($"/api/sessions/{sessionId}"), HttpStatusCode.Forbidden);
        await ApiJourney.Expect(await (await app.As(DemoAccounts.OfficerTanHoa)).GetAsync($"/api/sessions/{sessionId}/votes.xlsx"), HttpStatusCode.Forbidden);
        await ApiJourney.Expect(await (await app.As(DemoAccounts.SteeringHead)).PostAsync($"/api/sessions/{sessionId}/close", null), HttpStatusCode.Forbidden);
        var badBallot = await (await app.As(DemoAccounts.SteeringHead)).PostAsJsonAsync($"/api/sessions/{sessionId}/ballots", new { nominationId = id, choice = "Maybe" });
        await ApiJourney.Expect(badBallot, HttpStatusCode.BadRequest);
        var absent = await (await app.As(DemoAccounts.SteeringHead)).PostAsJsonAsync($"/api/sessions/{sessionId}/ballots", new { nominationId = id, choice = "Yes" });
        await ApiJourney.Expect(absent, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Sessions_are_listed_to_their_committee_with_the_waiting_count_and_hidden_from_others()
    {
        var id = await AtCouncilVoteAsync();
        var secretary = await app.As(DemoAccounts.SteeringStandingMember);
        var before = await secretary.GetFromJsonAsync<JsonObject>("/api/sessions");
        var council = before!["runnable"]!.AsArray().Single(c => (string?)c!["code"] == DemoCatalog.Council)!;
        council["waiting"]!.AsArray().Select(w => w!["nominationId"]!.GetValue<Guid>()).Should().Contain(id);
        council["waitingCount"]!.GetValue<int>().Should().Be(council["waiting"]!.AsArray().Count);
        council["waiting"]!.AsArray().Single(w => w!["nominationId"]!.GetValue<Guid>() == id)!["nomineeName"]!.GetValue<string>()
            .Should().Be("Nguyễn Thị Hồng Nhung");

        var opened = await secretary.PostAsJsonAsync("/api/sessions", new { committeeCode = DemoCatalog.Council, title = "Phiên họp liệt kê", heldAt = "2026-12-04T14:00:00+07:00", location = "Phòng họp số 1", nominationIds = new[] { id } });
        await ApiJourney.Expect(opened, HttpStatusCode.Created);
        var sessionId = (await opened.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();

        // The secretary sees it open with its agenda, and the nomination no longer counts as waiting.
        var after = await secretary.GetFromJsonAsync<JsonObject>($"/api/sessions?committee={DemoCatalog.Council}&status=open");
        var listed = after!["sessions"]!.AsArray().Single(s => s!["id"]!.GetValue<Guid>() == sessionId)!;
        listed["title"]!.GetValue<string>().Should().Be("Phiên họp liệt kê");
        listed["agendaCount"]!.GetValue<int>().Should().Be(1);
        listed["status"]!.GetValue<string>().Should().Be("Open");
        listed["location"]!.GetValue<string>().Should().Be("Phòng họp số 1");
        listed["heldAt"]!.GetValue<DateTimeOffset>().Should().Be(new DateTimeOffset(2026, 12, 4, 14, 0, 0, TimeSpan.FromHours(7)));
        after["sessions"]!.AsArray().Should().OnlyContain(s => (string?)s!["status"] == "Open" && (string?)s["committeeCode"] == DemoCatalog.Council);
        after["runnable"]!.AsArray().Single(c => (string?)c!["code"] == DemoCatalog.Council)!["waiting"]!.AsArray()
            .Select(w => w!["nominationId"]!.GetValue<Guid>()).Should().NotContain(id);
        (await secretary.GetFromJsonAsync<JsonObject>("/api/sessions?status=Closed"))!["sessions"]!.AsArray()
            .Select(s => s!["id"]!.GetValue<Guid>()).Should().NotContain(sessionId);

        // A member who does not run the committee, and an appraiser, read it but open nothing.
        var member = await (await app.As(DemoAccounts.CouncilMember4)).GetFromJsonAsync<JsonObject>("/api/sessions");
        member!["sessions"]!.AsArray().Select(s => s!["id"]!.GetValue<Guid>()).Should().Contain(sessionId);
        member["runnable"]!.AsArray().Should().BeEmpty();
        var appraiser = await (await app.As(DemoAccounts.Appraiser)).GetFromJsonAsync<JsonObject>("/api/sessions");
        appraiser!["sessions"]!.AsArray().Select(s => s!["id"]!.GetValue<Guid>()).Should().Contain(sessionId);
        appraiser["runnable"]!.AsArray().Should().BeEmpty();

        // Officers have no part in sessions (403, not even by naming the committee); signed out is 401; bad filters are 400.
        var officer = await app.As(DemoAccounts.OfficerTanHoa);
        foreach (var url in new[] { "/api/sessions", $"/api/sessions?committee={DemoCatalog.Council}" })
            await ApiJourney.Expect(await officer.GetAsync(url), HttpStatusCode.Forbidden);
        await ApiJourney.Expect(await app.AnonymousClient().GetAsync("/api/sessions"), HttpStatusCode.Unauthorized);
        var badStatus = await secretary.GetAsync("/api/sessions?status=Maybe");
        await ApiJourney.Expect(badStatus, HttpStatusCode.BadRequest);
        (await ApiJourney.Problem(badStatus))["errors"]!.AsObject().Select(e => e.Key).Should().BeEquivalentTo(["status"]);
        var badCommittee = await secretary.GetAsync("/api/sessions?committee=khong-co");
        await ApiJourney.Expect(badCommittee, HttpStatusCode.BadRequest);
        (await ApiJourney.Problem(badCommittee))["errors"]!.AsObject().Select(e => e.Key).Should().BeEquivalentTo(["committee"]);
    }
}
