using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Commendations.Scheduling;
using Commendations.Seeding;
using Commendations.Testing;
using Commendations.Web.Tests.Auth;
using Commendations.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Commendations.Web.Tests.Api;

/// <summary>The web host mailing through a captured SMTP server, with the public address e-mail links are made under.</summary>
public sealed class MailingApiFactory : ApiFactory
{
    public const string PublicBaseUrl = "https://thidua.lamgiang.example";

    public SmtpTestServer Smtp { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Smtp:Host", "127.0.0.1");
        builder.UseSetting("Smtp:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Smtp:PublicBaseUrl", PublicBaseUrl);
        builder.UseSetting("Smtp:SendInterval", "00:00:00.200");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

/// <summary>
/// Issue 16: each hand-over tells whoever it concerns — and nobody else — in-app and by e-mail, with a link that opens
/// for its recipient; a person who turned e-mail off still gets the in-app notice.
/// </summary>
public class HandOverNotificationsOverHttpTests(MailingApiFactory app) : IClassFixture<MailingApiFactory>
{
    private readonly ApiJourney _journey = new(app);

    [Fact]
    public async Task A_return_a_rejection_and_an_award_each_tell_the_right_people_with_links_that_open()
    {
        app.Clock.Set(TestClock.At(2026, 12, 1));

        // Submitted: the first member of the committee is told it is their turn; the next ones are not yet.
        var returned = await SubmittedAsync(DemoAccounts.OfficerTanHoa);
        await SettleAsync();
        var turn = (await NotificationsAsync(DemoAccounts.SteeringStandingMember, returned)).Should().ContainSingle(n => Kind(n) == "task-assigned").Subject;
        await ShouldOpenAsync(DemoAccounts.SteeringStandingMember, turn, $"/de-nghi/{returned}");
        (await NotificationsAsync(DemoAccounts.SteeringDeputyHead, returned)).Should().BeEmpty("it is not the deputy head's turn yet");

        // Returned with a reason: the unit's officer is told why; neither the member who returned it nor another unit's officer.
        await ApiJourney.Expect(await _journey.ActAsync(DemoAccounts.SteeringStandingMember,
            await _journey.TaskInInboxAsync(DemoAccounts.SteeringStandingMember, returned), "return", "Thiếu bảng tổng hợp số liệu năm 2026."), HttpStatusCode.OK);
        await SettleAsync();
        var returnNotice = (await NotificationsAsync(DemoAccounts.OfficerTanHoa, returned)).Should().ContainSingle(n => Kind(n) == "nomination-returned").Subject;
        ((string)returnNotice["body"]!).Should().Contain("Thiếu bảng tổng hợp số liệu năm 2026.");
        await ShouldOpenAsync(DemoAccounts.OfficerTanHoa, returnNotice, $"/de-nghi/{returned}");
        (await NotificationsAsync(DemoAccounts.SteeringStandingMember, returned)).Should().NotContain(n => Kind(n) == "nomination-returned");
        (await NotificationsAsync(DemoAccounts.OfficerDongXuyen, returned)).Should().BeEmpty();
        var mail = await app.Smtp.WaitForMailAsync(m => m.Subject.Contains("trả lại") && m.Body.Contains(returned.ToString()), TimeSpan.FromSeconds(20));
        mail.To.Should().ContainSingle().Which.Should().Contain(DemoAccounts.OfficerTanHoa.UserName);
        mail.Body.Should().Contain($"{MailingApiFactory.PublicBaseUrl}/de-nghi/{returned}").And.Contain("Thiếu bảng tổng hợp số liệu năm 2026.");

        // Rejected by the second member: the officer is told why; the member who rejected is not.
        var rejected = await SubmittedAsync(DemoAccounts.OfficerTanHoa);
        await ApiJourney.Expect(await _journey.ActAsync(DemoAccounts.SteeringStandingMember,
            await _journey.TaskInInboxAsync(DemoAccounts.SteeringStandingMember, rejected), "approve", "Đồng ý."), HttpStatusCode.OK);
        await ApiJourney.Expect(await _journey.ActAsync(DemoAccounts.SteeringDeputyHead,
            await _journey.TaskInInboxAsync(DemoAccounts.SteeringDeputyHead, rejected), "reject", "Thành tích chưa tiêu biểu trong toàn tỉnh."), HttpStatusCode.OK);
        await SettleAsync();
        (await NotificationsAsync(DemoAccounts.SteeringDeputyHead, rejected)).Should().ContainSingle(n => Kind(n) == "task-assigned",
            "the deputy head was told of their turn, and of nothing they did themselves");
        var rejectNotice = (await NotificationsAsync(DemoAccounts.OfficerTanHoa, rejected)).Should().ContainSingle(n => Kind(n) == "nomination-rejected").Subject;
        ((string)rejectNotice["body"]!).Should().Contain("Thành tích chưa tiêu biểu trong toàn tỉnh.");
        await ShouldOpenAsync(DemoAccounts.OfficerTanHoa, rejectNotice, $"/de-nghi/{rejected}");
        (await NotificationsAsync(DemoAccounts.SteeringHead, rejected)).Should().BeEmpty("the head's turn never came");

        // Awarded: the officer is told, with the decision's number, and its link opens the decision.
        var awarded = await SubmittedAsync(DemoAccounts.OfficerTanHoa);
        foreach (var member in ApiJourney.Steering)
            await ApiJourney.Expect(await _journey.ActAsync(member, await _journey.TaskInInboxAsync(member, awarded), "approve", "Đồng ý."), HttpStatusCode.OK);
        await SettleAsync();
        (await NotificationsAsync(DemoAccounts.OfficerTanHoa, awarded)).Should().ContainSingle(n => Kind(n) == "disclosure-started");
        await _journey.EndDisclosureAsync(awarded);
        await ApiJourney.Expect(await _journey.ActAsync(DemoAccounts.Appraiser, await _journey.TaskInInboxAsync(DemoAccounts.Appraiser, awarded), "forward", "Đủ điều kiện."), HttpStatusCode.OK);
        app.Clock.Set(TestClock.At(2027, 1, 12));
        await ApiJourney.Expect(await (await app.As(DemoAccounts.Leader)).PostAsJsonAsync("/api/decisions", new
        {
            number = "301/QĐ-UBND", date = "2027-01-12", signerName = "Ngô Đức Mạnh", signerTitle = "Chủ tịch UBND tỉnh",
            citation = "Đã có thành tích xuất sắc", nominationIds = new[] { awarded },
        }), HttpStatusCode.Created);
        await SettleAsync();
        var decisionId = (await _journey.DetailAsync(awarded))["decisionId"]!.GetValue<Guid>();
        var awardNotice = (await NotificationsAsync(DemoAccounts.OfficerTanHoa, awarded)).Should().ContainSingle(n => Kind(n) == "nomination-awarded").Subject;
        ((string)awardNotice["body"]!).Should().Contain("301/QĐ-UBND").And.Contain("12/01/2027");
        await ShouldOpenAsync(DemoAccounts.OfficerTanHoa, awardNotice, $"/quyet-dinh/{decisionId}");
        (await NotificationsAsync(DemoAccounts.Leader, awarded)).Should().NotContain(n => Kind(n) == "nomination-awarded", "the leader signed it");
        (await NotificationsAsync(DemoAccounts.OfficerDongXuyen, awarded)).Should().BeEmpty();

        // Told once: applying the hand-overs again (a retried message) writes nothing new.
        var before = await CountAsync();
        await using (var db = _journey.CreateDbContext())
            await db.Database.ExecuteSqlRawAsync("UPDATE outbox_messages SET processed_at = NULL WHERE kind = 'notification.handover'");
        await SettleAsync();
        (await CountAsync()).Should().Be(before);
    }

    [Fact]
    public async Task A_person_who_turned_email_off_still_gets_the_notice_in_app_but_no_mail()
    {
        app.Clock.Set(TestClock.At(2026, 12, 1));
        var officer = await app.As(DemoAccounts.OfficerDongXuyen);
        (await officer.GetFromJsonAsync<JsonObject>("/api/notifications/settings"))!["emailNotifications"]!.GetValue<bool>().Should().BeTrue("mail is on by default");
        var bad = await officer.PutAsJsonAsync("/api/notifications/settings", new { emailNotifications = false, language = "fr" });
        (await bad.ShouldBeValidationProblem()).Errors.Should().ContainKey("language");
        (await officer.GetFromJsonAsync<JsonObject>("/api/notifications/settings"))!["emailNotifications"]!.GetValue<bool>().Should().BeTrue("a refused change changes nothing");

        var saved = await officer.PutAsJsonAsync("/api/notifications/settings", new { emailNotifications = false, language = "en" });
        await ApiJourney.Expect(saved, HttpStatusCode.OK);
        var settings = (await officer.GetFromJsonAsync<JsonObject>("/api/notifications/settings"))!;
        settings["emailNotifications"]!.GetValue<bool>().Should().BeFalse();
        settings["language"]!.GetValue<string>().Should().Be("en");

        var id = await SubmittedAsync(DemoAccounts.OfficerDongXuyen);
        await ApiJourney.Expect(await _journey.ActAsync(DemoAccounts.SteeringStandingMember,
            await _journey.TaskInInboxAsync(DemoAccounts.SteeringStandingMember, id), "return", "Bổ sung tờ trình có chữ ký."), HttpStatusCode.OK);
        await SettleAsync();

        var notice = (await NotificationsAsync(DemoAccounts.OfficerDongXuyen, id)).Should().ContainSingle(n => Kind(n) == "nomination-returned").Subject;
        // Written in the officer's chosen language; the reason as the member wrote it; the member's own in Vietnamese.
        ((string)notice["title"]!).Should().Be("Returned for supplement: Phạm Quốc Bảo");
        ((string)notice["body"]!).Should().Contain("Reason: Bổ sung tờ trình có chữ ký.");
        ((string)(await NotificationsAsync(DemoAccounts.SteeringStandingMember, id)).Single(n => Kind(n) == "task-assigned")["title"]!)
            .Should().Be("Đến lượt Đồng chí xử lý hồ sơ: Phạm Quốc Bảo");
        await using var db = _journey.CreateDbContext();
        var rows = await db.Notifications.Where(n => n.NominationId == id).ToListAsync();
        rows.Single(n => n.Kind == "nomination-returned").EmailTo.Should().BeNull("the officer turned e-mail off");
        rows.Single(n => n.Kind == "task-assigned").EmailTo.Should().NotBeNull("the member who kept mail on is mailed their turn");
        await app.Smtp.WaitForMailAsync(m => m.Body.Contains(id.ToString()) && m.Subject.Contains("Đến lượt"), TimeSpan.FromSeconds(20));
        app.Smtp.Mails.Should().NotContain(m => m.To.Any(to => to.Contains(DemoAccounts.OfficerDongXuyen.UserName)));
    }

    [Fact]
    public async Task A_failed_council_vote_tells_the_officer_its_counts_and_the_timeline_shows_them_with_the_minutes()
    {
        app.Clock.Set(TestClock.At(2026, 12, 1));
        var id = await _journey.CreateAsync(new
        {
            campaignId = await _journey.RegularCampaignAsync(), awardFormCode = DemoCatalog.ProvincialEmulationFighter, kind = "Individual",
            person = new { fullName = "Trần Văn Khải", gender = "Male", birthYear = 1975, position = "Trưởng thôn Đồng Lạc" },
            achievementSummary = "Ba năm liền chiến sĩ thi đua cơ sở.",
        });
        await _journey.AttachWithMinutesAsync(id);
        await _journey.SubmitAsync(id);
        await ApiJourney.Expect(await _journey.ActAsync(DemoAccounts.Appraiser, await _journey.TaskInInboxAsync(DemoAccounts.Appraiser, id), "forward"), HttpStatusCode.OK);

        var secretary = await app.As(DemoAccounts.SteeringStandingMember);
        var opened = await secretary.PostAsJsonAsync("/api/sessions", new { committeeCode = DemoCatalog.Council, title = "Phiên họp Hội đồng xét chiến sĩ thi đua", heldAt = "2026-12-03T08:00:00+07:00", nominationIds = new[] { id } });
        await ApiJourney.Expect(opened, HttpStatusCode.Created);
        var sessionId = (await opened.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        await SettleAsync();
        // The members are called to the session; its link opens for them.
        var call = (await (await app.As(DemoAccounts.CouncilMember9)).GetFromJsonAsync<JsonObject>("/api/notifications?pageSize=100"))!["items"]!.AsArray()
            .Single(n => (string)n!["kind"]! == "session-opened" && ((string)n["link"]!).EndsWith(sessionId.ToString()))!;
        await ShouldOpenAsync(DemoAccounts.CouncilMember9, call, $"/phien-hop/{sessionId}");

        Dictionary<string, Guid> users;
        await using (var db = _journey.CreateDbContext())
            users = await db.Users.ToDictionaryAsync(u => u.UserName!, u => u.Id);
        var choice = 0;
        foreach (var member in DemoAccounts.CouncilInOrder)
        {
            await ApiJourney.Expect(await secretary.PutAsJsonAsync($"/api/sessions/{sessionId}/attendance/{users[member.UserName]}", new { status = "Present" }), HttpStatusCode.NoContent);
            await ApiJourney.Expect(await (await app.As(member)).PostAsJsonAsync($"/api/sessions/{sessionId}/ballots",
                new { nominationId = id, choice = choice++ < 7 ? "Yes" : "No" }), HttpStatusCode.NoContent);
        }
        await ApiJourney.Expect(await secretary.PostAsync($"/api/sessions/{sessionId}/close", null), HttpStatusCode.OK);
        await SettleAsync();

        // 7 of 9 is below the 90 % the step requires: not awarded, and the officer is told so in counts.
        var notice = (await NotificationsAsync(DemoAccounts.OfficerTanHoa, id)).Should().ContainSingle(n => Kind(n) == "nomination-rejected").Subject;
        ((string)notice["body"]!).Should().Contain("7/9").And.Contain("90%");

        var forAppraiser = (await _journey.DetailAsync(id, DemoAccounts.Appraiser))["timeline"]!.AsArray();
        var counted = forAppraiser.Single(e => (string)e!["action"]! == "vote.counted")!;
        counted["vote"]!["yes"]!.GetValue<int>().Should().Be(7);
        counted["vote"]!["no"]!.GetValue<int>().Should().Be(2);
        counted["vote"]!["abstain"]!.GetValue<int>().Should().Be(0);
        counted["vote"]!["passThreshold"]!.GetValue<decimal>().Should().Be(0.9m);
        counted["vote"]!["quorum"]!.GetValue<decimal>().Should().Be(0.8m);
        counted["vote"]!["passed"]!.GetValue<bool>().Should().BeFalse();
        ((string)counted["minutesLink"]!).Should().Be($"/bien-ban/{sessionId}");
        var minutes = await (await app.As(DemoAccounts.Appraiser)).GetAsync((string)counted["minutesLink"]!);
        minutes.StatusCode.Should().Be(HttpStatusCode.OK);

        // The officer reads the same counts on the nomination page; the minutes stay with those who may open them.
        var forOfficer = (await _journey.DetailAsync(id))["timeline"]!.AsArray().Single(e => (string)e!["action"]! == "vote.counted")!;
        forOfficer["vote"]!["yes"]!.GetValue<int>().Should().Be(7);
        forOfficer["minutesLink"].Should().BeNull();
        var page = System.Net.WebUtility.HtmlDecode(await (await app.As(DemoAccounts.OfficerTanHoa)).GetStringAsync($"/de-nghi/{id}"));
        page.Should().Contain("Biểu quyết không đạt").And.Contain("7 đồng ý, 2 không đồng ý, 0 không biểu quyết trên 9 thành viên.")
            .And.Contain("Tỷ lệ đồng ý cần từ 90% tổng số thành viên: không đạt.");
        var appraiserPage = await (await app.As(DemoAccounts.Appraiser)).GetStringAsync($"/de-nghi/{id}");
        appraiserPage.Should().Contain($"href=\"/bien-ban/{sessionId}\"");
    }

    private async Task<Guid> SubmittedAsync(DemoAccounts.Account officer)
    {
        var id = await _journey.CreateAsync(await _journey.IndividualBodyAsync(), officer);
        var client = await app.As(officer);
        await ApiJourney.Expect(await client.PostAsync($"/api/nominations/{id}/documents", ApiJourney.Upload("SubmissionLetter", "to-trinh.pdf", ApiJourney.Pdf)), HttpStatusCode.Created);
        await ApiJourney.Expect(await client.PostAsync($"/api/nominations/{id}/documents", ApiJourney.Upload("AchievementReport", "bao-cao.pdf", ApiJourney.Pdf)), HttpStatusCode.Created);
        await ApiJourney.Expect(await client.PostAsJsonAsync($"/api/nominations/{id}/submit", new { comment = "Kính trình." }), HttpStatusCode.OK);
        return id;
    }

    /// <summary>Applies the outbox until nothing is left (the background dispatcher may take a batch meanwhile).</summary>
    private Task SettleAsync() => _journey.SettleAsync();

    private async Task<List<JsonNode>> NotificationsAsync(DemoAccounts.Account account, Guid nominationId)
    {
        var page = await (await app.As(account)).GetFromJsonAsync<JsonObject>("/api/notifications?pageSize=100");
        return page!["items"]!.AsArray().Where(n => (Guid?)n!["nominationId"] == nominationId).Select(n => n!).ToList();
    }

    private static string Kind(JsonNode notification) => (string)notification["kind"]!;

    /// <summary>The notification links <paramref name="expected"/>, and that page opens (200) for its recipient.</summary>
    private async Task ShouldOpenAsync(DemoAccounts.Account recipient, JsonNode notification, string expected)
    {
        var link = (string)notification["link"]!;
        link.Should().Be(expected);
        var page = await (await app.As(recipient)).GetAsync(link);
        page.StatusCode.Should().Be(HttpStatusCode.OK, $"{recipient.UserName} follows {link}");
        (await page.Content.ReadAsStringAsync()).Should().Contain("<html");
    }

    private async Task<int> CountAsync()
    {
        await using var db = _journey.CreateDbContext();
        return await db.Notifications.CountAsync();
    }
}
