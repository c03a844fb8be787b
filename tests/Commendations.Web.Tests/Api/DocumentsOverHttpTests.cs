using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Commendations.Features.Scheduling;
using Commendations.Seeding;
using Commendations.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Web.Tests.Api;

/// <summary>
/// The data decisions print, over HTTP: administrators view and add legal instruments and authority versions (others are
/// refused, bad input is a ProblemDetails naming the field, nothing changes); the printed decision and certificate read it.
/// </summary>
public class DocumentsOverHttpTests(ApiFactory app) : IClassFixture<ApiFactory>
{
    private readonly ApiJourney _journey = new(app);

    private static object Authority(string effectiveFrom, string authorityLine = "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LAM GIANG") => new
    {
        effectiveFrom, issuerName = "ỦY BAN NHÂN DÂN TỈNH LAM GIANG", place = "Lam Giang", authorityLine, headTitle = "CHỦ TỊCH",
        deputyTitle = "PHÓ CHỦ TỊCH", proposalLine = "Theo đề nghị của Giám đốc Sở Nội vụ.",
        executionLine = "Các cơ quan, đơn vị và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.",
        recipients = new[] { "Như Điều 3;", "Lưu: VT, SNV." },
    };

    [Fact]
    public async Task Only_administrators_view_and_add_the_versions_and_bad_input_is_refused_on_its_field_changing_nothing()
    {
        var admin = await app.As(DemoAccounts.Admin);
        var instruments = await admin.GetFromJsonAsync<JsonArray>("/api/admin/legal-instruments");
        instruments!.Select(i => (string?)i!["number"]).Should().Contain(["06/2022/QH15", "98/2023/NĐ-CP", "152/2025/NĐ-CP"]);
        var decree152 = instruments!.Single(i => (string?)i!["number"] == "152/2025/NĐ-CP")!;
        ((string?)decree152["appliesFrom"]).Should().Be("2025-07-01");
        ((string?)instruments!.Single(i => (string?)i!["number"] == "98/2023/NĐ-CP")!["appliesUntil"]).Should().Be("2025-06-30");

        foreach (var account in new[] { DemoAccounts.Leader, DemoAccounts.OfficerTanHoa, DemoAccounts.Appraiser })
        {
            var client = await app.As(account);
            await ApiJourney.Expect(await client.GetAsync("/api/admin/legal-instruments"), HttpStatusCode.Forbidden);
            await ApiJourney.Expect(await client.GetAsync("/api/admin/signing-authorities"), HttpStatusCode.Forbidden);
            await ApiJourney.Expect(await client.PostAsJsonAsync("/api/admin/signing-authorities", Authority("2027-03-01")), HttpStatusCode.Forbidden);
        }

        var lowerCase = await admin.PostAsJsonAsync("/api/admin/signing-authorities", Authority("2027-03-01", "Chủ tịch UBND tỉnh"));
        await ApiJourney.Expect(lowerCase, HttpStatusCode.BadRequest);
        (await ApiJourney.Problem(lowerCase))["errors"]!.AsObject().Select(e => e.Key).Should().Equal("authorityLine");
        var untilBeforeFrom = await admin.PostAsJsonAsync("/api/admin/legal-instruments", new
        {
            kind = "Decree", name = "Nghị định", number = "01/2027/NĐ-CP", issuedOn = "2027-01-02", issuer = "Chính phủ", subject = "quy định",
            appliesFrom = "2027-02-01", appliesUntil = "2027-01-15", order = 30,
        });
        await ApiJourney.Expect(untilBeforeFrom, HttpStatusCode.BadRequest);
        (await ApiJourney.Problem(untilBeforeFrom))["errors"]!.AsObject().Select(e => e.Key).Should().Equal("appliesUntil");
        (await admin.GetFromJsonAsync<JsonArray>("/api/admin/legal-instruments"))!.Count.Should().Be(instruments!.Count);
        (await admin.GetFromJsonAsync<JsonArray>("/api/admin/signing-authorities"))!.Count.Should().Be(1);

        await ApiJourney.Expect(await admin.PostAsJsonAsync("/api/admin/signing-authorities", Authority("2027-03-01")), HttpStatusCode.Created);
        var versions = await admin.GetFromJsonAsync<JsonArray>("/api/admin/signing-authorities");
        versions!.Select(v => ((string?)v!["effectiveFrom"], (string?)v["effectiveUntil"])).Should().Equal(("2020-01-01", "2027-02-28"), ("2027-03-01", null));
        var same = await admin.PostAsJsonAsync("/api/admin/signing-authorities", Authority("2027-03-01"));
        await ApiJourney.Expect(same, HttpStatusCode.BadRequest);
        (await ApiJourney.Problem(same))["errors"]!.AsObject().Select(e => e.Key).Should().Equal("effectiveFrom");

        // The administrators' page lists both, in Vietnamese.
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/quan-tri/van-ban"));
        page.Should().Contain("Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ").And.Contain("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH")
            .And.Contain("01/03/2027");
    }

    [Fact]
    public async Task A_decision_signed_by_a_vice_chairman_prints_KT_CHU_TICH_and_its_certificate_is_titled_by_the_award_form()
    {
        app.Clock.Set(Testing.TestClock.At(2026, 12, 1));
        var campaign = await _journey.CurrentCampaignAsync();
        var id = await _journey.CreateAsync(new
        {
            campaignId = campaign, awardFormCode = DemoCatalog.CertificateOfMerit, kind = "Individual",
            person = new { fullName = "Trần Thị Mỹ Duyên", gender = "Female", birthYear = 1986, position = "Công chức" },
            achievementSummary = "Tham mưu đối thoại định kỳ với Nhân dân.",
        });
        await _journey.AttachRequiredAsync(id);
        await _journey.SubmitAsync(id);
        foreach (var member in ApiJourney.Steering)
            await ApiJourney.Expect(await _journey.ActAsync(member, await _journey.TaskInInboxAsync(member, id), "approve"), HttpStatusCode.OK);
        await _journey.EndDisclosureAsync(id);
        await ApiJourney.Expect(await _journey.ActAsync(DemoAccounts.Appraiser, await _journey.TaskInInboxAsync(DemoAccounts.Appraiser, id), "forward"), HttpStatusCode.OK);

        app.Clock.Set(Testing.TestClock.At(2027, 2, 3));
        var leader = await app.As(DemoAccounts.Leader);
        var body = new
        {
            number = "3/QĐ-UBND", date = "2027-02-03", signerName = "Lê Thị Hạnh", signerTitle = "Phó Chủ tịch UBND tỉnh",
            citation = "Đã có thành tích xuất sắc trong thực hiện Quy chế dân chủ ở cơ sở năm 2026", nominationIds = new[] { id },
        };
        var unpadded = await leader.PostAsJsonAsync("/api/decisions", body);
        await ApiJourney.Expect(unpadded, HttpStatusCode.BadRequest);
        var problem = await ApiJourney.Problem(unpadded);
        problem["errors"]!["number"]![0]!.GetValue<string>().Should().Be(
            "Số văn bản nhỏ hơn 10 phải ghi thêm số 0 phía trước (Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II, khoản 3 điểm c): viết 03/QĐ-UBND.");
        (await _journey.DetailAsync(id))["status"]!.GetValue<string>().Should().Be("InReview");

        var issued = await leader.PostAsJsonAsync("/api/decisions", body with { number = "03/QĐ-UBND" });
        await ApiJourney.Expect(issued, HttpStatusCode.Created);
        var decisionId = (await issued.Content.ReadFromJsonAsync<JsonObject>())!["decisionId"]!.GetValue<Guid>();

        var html = WebUtility.HtmlDecode(await leader.GetStringAsync($"/quyet-dinh/{decisionId}"));
        html.Should().Contain("Số: 03/QĐ-UBND").And.Contain("Lam Giang, ngày 03 tháng 02 năm 2027")
            .And.Contain("<p class=\"signer-title\">KT. CHỦ TỊCH</p>").And.Contain("<p class=\"signer-title\">PHÓ CHỦ TỊCH</p>")
            .And.Contain("Tặng Bằng khen của Chủ tịch UBND tỉnh cho bà Trần Thị Mỹ Duyên, ")
            .And.Contain("Bà Trần Thị Mỹ Duyên").And.NotContain("Ông/Bà")
            .And.Contain($"href=\"/chung-nhan/{decisionId}\"");

        var certificate = WebUtility.HtmlDecode(await leader.GetStringAsync($"/chung-nhan/{decisionId}"));
        certificate.Should().Contain("<p class=\"title\" data-testid=\"certificate-title\">BẰNG KHEN</p>")
            .And.Contain("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LAM GIANG").And.Contain("Bà Trần Thị Mỹ Duyên")
            .And.Contain("<br />KT. CHỦ TỊCH<br />PHÓ CHỦ TỊCH");

        // The registry line links to its certificate.
        Guid line;
        await using (var db = _journey.CreateDbContext())
            line = await db.AwardRecords.Where(r => r.DecisionId == decisionId).Select(r => r.Id).SingleAsync();
        var registry = WebUtility.HtmlDecode(await leader.GetStringAsync($"/so-khen-thuong/{line}"));
        registry.Should().Contain($"href=\"/chung-nhan/{decisionId}?line={line}\"");

        // The nomination form (while a campaign takes dossiers) offers her as a person nominated before, with her award, so past titles follow her.
        app.Clock.Set(Testing.TestClock.At(2026, 12, 1));
        var form = WebUtility.HtmlDecode(await (await app.As(DemoAccounts.OfficerTanHoa)).GetStringAsync("/de-nghi/tao-moi"));
        form.Should().Contain("— Người mới —").And.Contain("Trần Thị Mỹ Duyên (Nữ, 1986) – 1 khen thưởng trong sổ");
        WebUtility.HtmlDecode(await (await app.As(DemoAccounts.OfficerDongXuyen)).GetStringAsync("/de-nghi/tao-moi")).Should().NotContain("Trần Thị Mỹ Duyên");
    }
}
