using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Commendations.Seeding;
using Commendations.Testing;
using Commendations.Web.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Web.Tests.Api;

/// <summary>
/// Issue 19 over HTTP: the minutes, the appraisal report and the decision downloaded as PDF and .docx by those who may
/// read them and refused to others; the registry linking to the signed decision; and the public disclosure pages and API
/// carrying only what the law has published (Decree 13/2023/NĐ-CP on personal data; docs/documents.md "Personal data").
/// </summary>
public class OfficialDocumentsOverHttpTests(SigningApiFactory app) : IClassFixture<SigningApiFactory>
{
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private readonly ApiJourney _journey = new(app);

    /// <summary>A provincial emulation fighter voted 9 of 9 by the council in a numbered session: now waiting for the decision.</summary>
    private async Task<(Guid SessionId, Guid CampaignId)> DecidedSessionAsync()
    {
        app.Clock.Set(TestClock.At(2026, 12, 1));
        var campaign = await _journey.RegularCampaignAsync();
        var id = await _journey.CreateAsync(new
        {
            campaignId = campaign, awardFormCode = DemoCatalog.ProvincialEmulationFighter, kind = "Individual",
            person = new { fullName = "Nguyễn Thị Hồng Nhung", gender = "Female", birthYear = 1972, position = "Trưởng thôn Bến Đình" },
            achievementSummary = "Ba năm liền chiến sĩ thi đua cơ sở.",
        });
        await _journey.AttachWithMinutesAsync(id);
        await _journey.SubmitAsync(id);
        await ApiJourney.Expect(await _journey.ActAsync(DemoAccounts.Appraiser, await _journey.TaskInInboxAsync(DemoAccounts.Appraiser, id), "forward",
            "Đủ điều kiện, tiêu chuẩn."), HttpStatusCode.OK);
        var secretary = await app.As(DemoAccounts.SteeringStandingMember);
        var opened = await secretary.PostAsJsonAsync("/api/sessions", new { committeeCode = DemoCatalog.Council, title = "Phiên họp Hội đồng tháng 12",
            heldAt = "2026-12-03T08:00:00+07:00", nominationIds = new[] { id } });
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
        await ApiJourney.Expect(await secretary.PostAsync($"/api/sessions/{sessionId}/close", null), HttpStatusCode.OK);
        await ApiJourney.Expect(await secretary.PutAsJsonAsync($"/api/sessions/{sessionId}/minutes", new { number = "07/BB-HĐTĐKT" }), HttpStatusCode.NoContent);
        return (sessionId, campaign);
    }

    private static async Task<string> DocxTextAsync(HttpResponseMessage response)
    {
        response.Content.Headers.ContentType!.MediaType.Should().Be(DocxType);
        using var docx = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        return docx.MainDocumentPart!.Document.Body!.InnerText;
    }

    [Fact]
    public async Task The_minutes_and_the_appraisal_report_download_as_pdf_and_docx_for_their_readers_only()
    {
        var (sessionId, campaign) = await DecidedSessionAsync();

        var pdf = await (await app.As(DemoAccounts.Appraiser)).GetAsync($"/api/sessions/{sessionId}/minutes.pdf");
        await ApiJourney.Expect(pdf, HttpStatusCode.OK);
        pdf.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        pdf.Content.Headers.ContentDisposition!.FileNameStar.Should().Be("bien-ban-07-BB-HDTDKT.pdf");
        (await pdf.Content.ReadAsByteArrayAsync()).Take(5).Should().Equal("%PDF-"u8.ToArray());
        var docx = await (await app.As(DemoAccounts.CouncilMember4)).GetAsync($"/api/sessions/{sessionId}/minutes.docx");
        await ApiJourney.Expect(docx, HttpStatusCode.OK);
        (await DocxTextAsync(docx)).Should().Contain("BIÊN BẢN").And.Contain("Số: 07/BB-HĐTĐKT").And.Contain("Nguyễn Thị Hồng Nhung").And.Contain("9/9 (100%)");

        await ApiJourney.Expect(await (await app.As(DemoAccounts.OfficerTanHoa)).GetAsync($"/api/sessions/{sessionId}/minutes.pdf"), HttpStatusCode.Forbidden);
        var badFormat = await (await app.As(DemoAccounts.Appraiser)).GetAsync($"/api/sessions/{sessionId}/minutes.txt");
        await ApiJourney.Expect(badFormat, HttpStatusCode.BadRequest);
        (await ApiJourney.Problem(badFormat))["errors"]!["format"]![0]!.GetValue<string>().Should().Be("Chọn định dạng pdf hoặc docx.");

        var minutesPage = WebUtility.HtmlDecode(await (await app.As(DemoAccounts.Appraiser)).GetStringAsync($"/bien-ban/{sessionId}"));
        minutesPage.Should().Contain($"/api/sessions/{sessionId}/minutes.pdf").And.Contain($"/api/sessions/{sessionId}/minutes.docx")
            .And.Contain("Tải biên bản (PDF)");

        // Deferred signing of the minutes over HTTP: refused to an officer (role) and to a member out of turn, prepared for
        // the secretary; a signature that is not base64 refused on its field, an unknown field refused, an unknown session 404.
        await ApiJourney.Expect(await (await app.As(DemoAccounts.OfficerTanHoa)).PostAsync($"/api/sessions/{sessionId}/minutes/signing/prepare", null), HttpStatusCode.Forbidden);
        var outOfTurn = await (await app.As(DemoAccounts.SteeringHead)).PostAsync($"/api/sessions/{sessionId}/minutes/signing/prepare", null);
        await ApiJourney.Expect(outOfTurn, HttpStatusCode.Forbidden);
        (await ApiJourney.Problem(outOfTurn))["code"]!.GetValue<string>().Should().Be("not-minutes-signer");
        var secretary = await app.As(DemoAccounts.SteeringStandingMember);
        var prepared = await secretary.PostAsync($"/api/sessions/{sessionId}/minutes/signing/prepare", null);
        await ApiJourney.Expect(prepared, HttpStatusCode.OK);
        var exchange = (await prepared.Content.ReadFromJsonAsync<JsonObject>())!;
        exchange["digestAlgorithm"]!.GetValue<string>().Should().Be("SHA-256");
        Convert.FromBase64String(exchange["digest"]!.GetValue<string>()).Should().HaveCount(32);
        var complete = $"/api/sessions/{sessionId}/minutes/signing/{exchange["sessionId"]!.GetValue<Guid>()}/complete";
        var notBase64 = await secretary.PostAsJsonAsync(complete, new { signature = "không phải base64" });
        await ApiJourney.Expect(notBase64, HttpStatusCode.BadRequest);
        (await ApiJourney.Problem(notBase64))["errors"]!.AsObject().Select(e => e.Key).Should().Equal("signature");
        await ApiJourney.Expect(await secretary.PostAsJsonAsync(complete, new { signature = "MIIB", extra = 1 }), HttpStatusCode.BadRequest);
        await ApiJourney.Expect(await secretary.PostAsJsonAsync($"/api/sessions/{sessionId}/minutes/signing/{Guid.NewGuid()}/complete", new { signature = "MIIB" }),
            HttpStatusCode.NotFound);

        var report = await (await app.As(DemoAccounts.Leader)).GetAsync($"/api/campaigns/{campaign}/appraisal-report.docx");
        await ApiJourney.Expect(report, HttpStatusCode.OK);
        (await DocxTextAsync(report)).Should().Contain("BÁO CÁO").And.Contain("Nguyễn Thị Hồng Nhung").And.Contain("Đạt: 9/9 thành viên đồng ý (100%)")
            .And.Contain("Đủ điều kiện, tiêu chuẩn.").And.Contain("Kính trình Chủ tịch Ủy ban nhân dân tỉnh Lam Giang xem xét, quyết định tặng Chiến sĩ thi đua cấp tỉnh cho 01 cá nhân");
        var reportPdf = await (await app.As(DemoAccounts.Appraiser)).GetAsync($"/api/campaigns/{campaign}/appraisal-report.pdf");
        await ApiJourney.Expect(reportPdf, HttpStatusCode.OK);
        reportPdf.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        foreach (var wrong in new[] { DemoAccounts.OfficerTanHoa, DemoAccounts.CouncilMember4 })
            await ApiJourney.Expect(await (await app.As(wrong)).GetAsync($"/api/campaigns/{campaign}/appraisal-report.pdf"), HttpStatusCode.Forbidden);
        var unknownForm = await (await app.As(DemoAccounts.Appraiser)).GetAsync($"/api/campaigns/{campaign}/appraisal-report.pdf?awardFormId={Guid.NewGuid()}");
        await ApiJourney.Expect(unknownForm, HttpStatusCode.BadRequest);
        (await ApiJourney.Problem(unknownForm))["errors"]!.AsObject().Select(e => e.Key).Should().Equal("awardFormId");

        // The dashboard offers the report to appraisers, not to officers.
        (await (await app.As(DemoAccounts.Appraiser)).GetStringAsync($"/bang-dieu-khien?campaignId={campaign}"))
            .Should().Contain($"/api/campaigns/{campaign}/appraisal-report.pdf");
        (await (await app.As(DemoAccounts.OfficerTanHoa)).GetStringAsync($"/bang-dieu-khien?campaignId={campaign}"))
            .Should().NotContain("appraisal-report");
    }

    [Fact]
    public async Task The_decision_downloads_as_a_docx_draft_and_the_registry_links_to_its_signed_copy()
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
            number = "42/QĐ-UBND", date = "2027-02-03", signerName = "Ngô Đức Mạnh", signerTitle = "Chủ tịch UBND tỉnh",
            citation = "Đã có thành tích xuất sắc trong thực hiện Quy chế dân chủ ở cơ sở năm 2026", nominationIds = new[] { id },
        });
        await ApiJourney.Expect(issued, HttpStatusCode.Created);
        var decisionId = (await issued.Content.ReadFromJsonAsync<JsonObject>())!["decisionId"]!.GetValue<Guid>();
        var officer = await app.As(DemoAccounts.OfficerTanHoa);

        var docx = await officer.GetAsync($"/api/decisions/{decisionId}/docx");
        await ApiJourney.Expect(docx, HttpStatusCode.OK);
        docx.Content.Headers.ContentDisposition!.FileNameStar.Should().Be("quyet-dinh-42-QD-UBND.docx");
        var decision = (await officer.GetFromJsonAsync<JsonObject>($"/api/decisions/{decisionId}"))!;
        (await DocxTextAsync(docx)).Should().Contain("Số: 42/QĐ-UBND").And.Contain(decision["subject"]!.GetValue<string>())
            .And.Contain("Điều 1. " + decision["articleOne"]!.GetValue<string>()).And.Contain("Trung tâm Phục vụ hành chính công tỉnh")
            .And.Contain("Điều 2. Quyết định này có hiệu lực kể từ ngày ký.").And.Contain("Ngô Đức Mạnh");
        await ApiJourney.Expect(await app.AnonymousClient().GetAsync($"/api/decisions/{decisionId}/docx"), HttpStatusCode.Unauthorized);
        (await officer.GetStringAsync($"/quyet-dinh/{decisionId}")).Should().Contain($"/api/decisions/{decisionId}/docx");

        // Before the signature the registry has no link to a signed copy; after it, the list and the line link to it.
        var signedLink = $"/api/decisions/{decisionId}/signed-pdf";
        var search = "decision=" + Uri.EscapeDataString("42/QĐ-UBND");
        (await officer.GetStringAsync($"/so-khen-thuong?{search}")).Should().Contain("Trung tâm Phục vụ hành chính công tỉnh").And.NotContain(signedLink);
        await ApiJourney.Expect(await leader.PostAsync(signedLink, null), HttpStatusCode.OK);
        var registry = await officer.GetStringAsync($"/so-khen-thuong?{search}");
        registry.Should().Contain(signedLink);
        var lineId = (await officer.GetFromJsonAsync<JsonObject>($"/api/registry?{search}"))!["items"]![0]!["id"]!.GetValue<Guid>();
        (await officer.GetStringAsync($"/so-khen-thuong/{lineId}")).Should().Contain(signedLink);
    }

    [Fact]
    public async Task Public_disclosure_pages_and_api_publish_name_unit_award_and_achievement_but_no_other_personal_data()
    {
        app.Clock.Set(TestClock.At(2026, 12, 1));
        var id = await _journey.CreateAsync(new
        {
            campaignId = await _journey.CurrentCampaignAsync(), awardFormCode = DemoCatalog.CertificateOfMerit, kind = "Individual",
            person = new { fullName = "Lò Thị Mỷ", gender = "Female", birthYear = 1968, position = "Phó Chánh Văn phòng" },
            achievementSummary = "Hoàn thành xuất sắc nhiệm vụ số hóa hồ sơ một cửa.",
        });
        await _journey.AttachRequiredAsync(id);
        await _journey.SubmitAsync(id);
        foreach (var member in ApiJourney.Steering)
            await ApiJourney.Expect(await _journey.ActAsync(member, await _journey.TaskInInboxAsync(member, id), "approve"), HttpStatusCode.OK);
        // Her particulars and dossier as the signed-in office sees them.
        var detail = await _journey.DetailAsync(id);
        var documentNames = detail["documents"]!.AsArray().Select(d => d!["fileName"]!.GetValue<string>()).ToList();
        documentNames.Should().NotBeEmpty();

        var anonymous = app.AnonymousClient();
        var page = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/cong-khai/{DemoCatalog.CurrentThematicCampaign}"));
        var json = await anonymous.GetStringAsync($"/api/public/campaigns/{DemoCatalog.CurrentThematicCampaign}/disclosure");
        var index = await anonymous.GetStringAsync("/api/public/disclosure");
        // What the law has published: name, unit, the proposed award, the achievement.
        page.Should().Contain("Lò Thị Mỷ").And.Contain("UBND xã Tân Hòa").And.Contain("Bằng khen của Chủ tịch UBND tỉnh")
            .And.Contain("Hoàn thành xuất sắc nhiệm vụ số hóa hồ sơ một cửa.");
        var published = JsonNode.Parse(json)!["nominees"]!.AsArray().Single(n => n!["nomineeName"]!.GetValue<string>() == "Lò Thị Mỷ")!.AsObject();
        published.Select(p => p.Key).Should().BeSubsetOf(
            ["nominationId", "nomineeName", "kind", "unitName", "awardFormName", "achievementSummary", "commentsUntil", "postedSince"],
            "a disclosed nominee carries nothing else");
        // Nothing else about her: no birth year, no sex, no documents, no one's account or contact.
        foreach (var text in new[] { page, json, index })
        {
            text.Should().NotContain("1968").And.NotContain("Năm sinh").And.NotContain("Giới tính").And.NotContain("Female").And.NotContain("Nữ")
                .And.NotContainAny(documentNames).And.NotContain("birthYear").And.NotContain("gender", "the JSON has no such field")
                .And.NotContain(DemoAccounts.OfficerTanHoa.DisplayName).And.NotContain("@");
        }
    }
}
