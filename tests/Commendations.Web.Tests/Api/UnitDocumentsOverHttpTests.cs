using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Commendations.Seeding;
using Commendations.Testing;
using Commendations.Web.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.AspNetCore.Hosting;

namespace Commendations.Web.Tests.Api;

/// <summary>An installation holding the Tân Hòa head's PKCS#12 certificate and trusting the test CA that issued it.</summary>
public sealed class UnitHeadSigningFactory : ApiFactory
{
    private readonly string _folder = Directory.CreateTempSubdirectory("unit-head-signing-").FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        var p12 = TestCertificates.SignerPkcs12(_folder, DemoAccounts.HeadTanHoa.DisplayName, "mật-khẩu");
        builder.UseSetting($"Signing:Certificates:{DemoAccounts.HeadTanHoa.UserName}:Path", p12);
        builder.UseSetting($"Signing:Certificates:{DemoAccounts.HeadTanHoa.UserName}:Password", "mật-khẩu");
        builder.UseSetting("Signing:TrustedRoots:0", TestCertificates.AuthorityOf(_folder));
    }
}

/// <summary>
/// The unit's documents over HTTP: the submission letter downloaded as PDF and Word by the unit and refused to another
/// unit; signed by the unit's head (never the officer) into the dossier; the certificates of a decision as a PDF; and an
/// award form's print positions, refused field by field with a ProblemDetails and only for administrators.
/// </summary>
public class UnitDocumentsOverHttpTests(UnitHeadSigningFactory app) : IClassFixture<UnitHeadSigningFactory>
{
    private readonly ApiJourney _journey = new(app);

    [Fact]
    public async Task The_unit_downloads_its_letter_another_unit_does_not_and_the_head_signs_it_into_the_dossier()
    {
        app.Clock.Set(TestClock.At(2026, 12, 1));
        var id = await _journey.CreateAsync(await _journey.IndividualBodyAsync());
        var officer = await app.As(DemoAccounts.OfficerTanHoa);

        var pdf = await officer.GetAsync($"/api/nominations/{id}/submission-letter/pdf");
        await ApiJourney.Expect(pdf, HttpStatusCode.OK);
        pdf.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        pdf.Content.Headers.ContentDisposition!.FileName.Should().Be("to-trinh-de-nghi-khen-thuong.pdf");
        (await pdf.Content.ReadAsByteArrayAsync()).Take(5).Should().Equal("%PDF-"u8.ToArray());

        var docx = await officer.GetAsync($"/api/nominations/{id}/submission-letter/docx");
        await ApiJourney.Expect(docx, HttpStatusCode.OK);
        using (var word = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false))
            word.MainDocumentPart!.Document.Body!.InnerText.Should().Contain("TỜ TRÌNH").And.Contain("Phạm Quốc Bảo").And.Contain("Phạm Văn Tùng");

        foreach (var outsider in new[] { DemoAccounts.OfficerDongXuyen, DemoAccounts.HeadDongXuyen })
        {
            var other = await app.As(outsider);
            await ApiJourney.Expect(await other.GetAsync($"/api/nominations/{id}/submission-letter/pdf"), HttpStatusCode.NotFound);
            await ApiJourney.Expect(await other.GetAsync($"/api/nominations/{id}/submission-letter/docx"), HttpStatusCode.NotFound);
        }
        await ApiJourney.Expect(await (await app.As(DemoAccounts.HeadDongXuyen)).PostAsync($"/api/nominations/{id}/submission-letter/signed", null), HttpStatusCode.NotFound);

        // The officer does not sign on the head's behalf.
        var byOfficer = await officer.PostAsync($"/api/nominations/{id}/submission-letter/signed", null);
        await ApiJourney.Expect(byOfficer, HttpStatusCode.Forbidden);
        (await ApiJourney.Problem(byOfficer))["code"]!.GetValue<string>().Should().Be("role-required");

        var head = await app.As(DemoAccounts.HeadTanHoa);
        var signed = await head.PostAsync($"/api/nominations/{id}/submission-letter/signed", null);
        await ApiJourney.Expect(signed, HttpStatusCode.OK);
        var summary = (await signed.Content.ReadFromJsonAsync<JsonObject>())!;
        summary["verification"]!.GetValue<string>().Should().Be("Valid");
        summary["nominationIds"]!.AsArray().Select(n => n!.GetValue<Guid>()).Should().Contain(id);

        var detail = await _journey.DetailAsync(id);
        detail["documents"]!.AsArray().Should().Contain(d => d!["kind"]!.GetValue<string>() == "SubmissionLetter"
            && d["signature"]!.GetValue<string>() == "Valid" && d["sha256"]!.GetValue<string>() == summary["sha256"]!.GetValue<string>());

        // The page shows the downloads to the unit and the signing button to its head.
        var page = await (await officer.GetAsync($"/de-nghi/{id}")).Content.ReadAsStringAsync();
        page.Should().Contain($"/api/nominations/{id}/submission-letter/pdf").And.Contain("Tải tờ trình (PDF)").And.NotContain("data-testid=\"sign-letter\"");
        (await (await head.GetAsync($"/de-nghi/{id}")).Content.ReadAsStringAsync()).Should().Contain("data-testid=\"sign-letter\"");
    }

    [Fact]
    public async Task The_certificates_print_as_a_pdf_and_a_bad_mode_is_refused()
    {
        var decisionId = await IssuedAsync();
        var officer = await app.As(DemoAccounts.OfficerTanHoa);
        foreach (var mode in new[] { "Blank", "Full" })
        {
            var file = await officer.GetAsync($"/api/decisions/{decisionId}/certificates/pdf?mode={mode}");
            await ApiJourney.Expect(file, HttpStatusCode.OK);
            file.Content.Headers.ContentDisposition!.FileName.Should().Be("chung-nhan-43-QD-UBND.pdf");
        }
        var bad = await officer.GetAsync($"/api/decisions/{decisionId}/certificates/pdf?mode=dep");
        await ApiJourney.Expect(bad, HttpStatusCode.BadRequest);
        await ApiJourney.Expect(await officer.GetAsync($"/api/decisions/{Guid.NewGuid()}/certificates/pdf"), HttpStatusCode.NotFound);
        (await (await officer.GetAsync($"/chung-nhan/{decisionId}")).Content.ReadAsStringAsync())
            .Should().Contain($"/api/decisions/{decisionId}/certificates/pdf?mode=Blank").And.Contain($"/api/decisions/{decisionId}/certificates/docx");

        // The editable draft: a Word document the Open XML SDK opens, with the decision's certificates; nobody signed out gets it.
        var docx = await officer.GetAsync($"/api/decisions/{decisionId}/certificates/docx");
        await ApiJourney.Expect(docx, HttpStatusCode.OK);
        docx.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        docx.Content.Headers.ContentDisposition!.FileName.Should().Be("chung-nhan-43-QD-UBND.docx");
        using (var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false))
            word.MainDocumentPart!.Document.Body!.InnerText.Should().Contain("Quyết định số 43/QĐ-UBND");
        await ApiJourney.Expect(await app.AnonymousClient().GetAsync($"/api/decisions/{decisionId}/certificates/docx"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Print_positions_are_refused_field_by_field_for_the_administrator_and_refused_to_anyone_else()
    {
        var admin = await app.As(DemoAccounts.Admin);
        var forms = await admin.GetFromJsonAsync<JsonArray>("/api/admin/award-forms");
        var formId = forms!.Single(f => f!["code"]!.GetValue<string>() == DemoCatalog.CertificateOfMerit)!["id"]!.GetValue<Guid>();
        var current = await admin.GetFromJsonAsync<JsonObject>($"/api/admin/award-forms/{formId}/certificate-layout");
        current!["isDefault"]!.GetValue<bool>().Should().BeTrue();
        var layout = current["layout"]!.AsObject();
        layout["paper"]!.GetValue<string>().Should().Be("A4");
        layout["orientation"]!.GetValue<string>().Should().Be("Landscape");

        var off = JsonNode.Parse(layout.ToJsonString())!.AsObject();
        off["fields"]![0]!["leftMm"] = 400;
        var refused = await admin.PutAsJsonAsync($"/api/admin/award-forms/{formId}/certificate-layout", off);
        await ApiJourney.Expect(refused, HttpStatusCode.BadRequest);
        var problem = await ApiJourney.Problem(refused);
        problem["code"]!.GetValue<string>().Should().Be("invalid-input");
        problem["errors"]!["layout.fields[0].leftMm"].Should().NotBeNull(problem.ToJsonString());
        problem["errors"]!["layout.fields[0].leftMm"]![0]!.GetValue<string>().Should().Contain("297 mm");

        var unknown = JsonNode.Parse(layout.ToJsonString())!.AsObject();
        unknown["margin"] = 5;
        await ApiJourney.Expect(await admin.PutAsJsonAsync($"/api/admin/award-forms/{formId}/certificate-layout", unknown), HttpStatusCode.BadRequest);

        var officer = await app.As(DemoAccounts.OfficerTanHoa);
        await ApiJourney.Expect(await officer.PutAsJsonAsync($"/api/admin/award-forms/{formId}/certificate-layout", layout), HttpStatusCode.Forbidden);
        (await admin.GetFromJsonAsync<JsonObject>($"/api/admin/award-forms/{formId}/certificate-layout"))!["isDefault"]!.GetValue<bool>()
            .Should().BeTrue("nothing refused was saved");

        var moved = JsonNode.Parse(layout.ToJsonString())!.AsObject();
        moved["fields"]![0]!["topMm"] = 95;
        var saved = await admin.PutAsJsonAsync($"/api/admin/award-forms/{formId}/certificate-layout", moved);
        await ApiJourney.Expect(saved, HttpStatusCode.OK);
        (await saved.Content.ReadFromJsonAsync<JsonObject>())!["isDefault"]!.GetValue<bool>().Should().BeFalse();
        (await (await admin.GetAsync($"/quan-tri/hinh-thuc/{formId}/vi-tri-in")).Content.ReadAsStringAsync()).Should().Contain("value=\"95\"");
    }

    private async Task<Guid> IssuedAsync()
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
        var issued = await (await app.As(DemoAccounts.Leader)).PostAsJsonAsync("/api/decisions", new
        {
            number = "43/QĐ-UBND", date = "2027-02-03", signerName = "Ngô Đức Mạnh", signerTitle = "Chủ tịch UBND tỉnh",
            citation = "Đã có thành tích xuất sắc trong thực hiện Quy chế dân chủ ở cơ sở năm 2026", nominationIds = new[] { id },
        });
        await ApiJourney.Expect(issued, HttpStatusCode.Created);
        return (await issued.Content.ReadFromJsonAsync<JsonObject>())!["decisionId"]!.GetValue<Guid>();
    }
}
