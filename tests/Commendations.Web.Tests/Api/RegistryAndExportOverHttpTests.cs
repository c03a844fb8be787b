using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Commendations.Features.Scheduling;
using Commendations.Seeding;
using Commendations.Web.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Web.Tests.Api;

/// <summary>
/// Issue 8 over HTTP: one decision for 15 collectives and 15 individuals with consecutive register numbers, the registry
/// finding them, and the registry and campaign exports opened and checked cell by cell; refusals and bad input.
/// </summary>
public class RegistryAndExportOverHttpTests(ApiFactory app) : IClassFixture<ApiFactory>
{
    private readonly ApiJourney _journey = new(app);

    private async Task<List<Guid>> AtDecisionAsync(int collectives, int individuals)
    {
        app.Clock.Set(Testing.TestClock.At(2026, 12, 1));
        var campaign = await _journey.CurrentCampaignAsync();
        var ids = new List<Guid>();
        for (var i = 1; i <= collectives + individuals; i++)
        {
            var collective = i <= collectives;
            var id = await _journey.CreateAsync(collective
                ? new
                {
                    campaignId = campaign, awardFormCode = DemoCatalog.CertificateOfMerit, kind = "Collective",
                    collective = new { name = $"Tập thể {i:D2}", headcount = 20, women = 9, advancedWorkers = 15 },
                    achievementSummary = $"Thành tích tập thể {i}.",
                }
                : new
                {
                    campaignId = campaign, awardFormCode = DemoCatalog.CertificateOfMerit, kind = "Individual",
                    person = new { fullName = $"Cá nhân {i - collectives:D2}", gender = "Male", birthYear = 1985, position = "Chuyên viên" },
                    achievementSummary = $"Thành tích cá nhân {i}.",
                });
            await _journey.AttachRequiredAsync(id);
            await _journey.SubmitAsync(id);
            foreach (var member in ApiJourney.Steering)
                await ApiJourney.Expect(await _journey.ActAsync(member, await _journey.TaskInInboxAsync(member, id), "approve"), HttpStatusCode.OK);
            ids.Add(id);
        }
        await using (var db = _journey.CreateDbContext())
        {
            var states = await db.WorkflowInstances.Where(w => ids.Contains(w.NominationId)).Select(w => w.State).ToListAsync();
            app.Clock.Set(states.Max(s => Engine.InstanceState.FromJson(s).WaitUntil!.Value).AddMinutes(5));
        }
        foreach (var id in ids)
        {
            (await app.AsSystem(new ElapseWait(id, "public-disclosure"))).Should().BeTrue();
            await ApiJourney.Expect(await _journey.ActAsync(DemoAccounts.Appraiser, await _journey.TaskInInboxAsync(DemoAccounts.Appraiser, id), "forward"), HttpStatusCode.OK);
        }
        return ids;
    }

    [Fact]
    public async Task A_decision_for_15_collectives_and_15_individuals_is_numbered_found_in_the_registry_and_exported_cell_by_cell()
    {
        var ids = await AtDecisionAsync(15, 15);
        app.Clock.Set(Testing.TestClock.At(2027, 1, 12)); // the leader signs on the decision's date
        var leader = await app.As(DemoAccounts.Leader);
        var issued = await leader.PostAsJsonAsync("/api/decisions", new
        {
            number = "215/QĐ-UBND", date = "2027-01-12", signerName = "Ngô Đức Mạnh", signerTitle = "Chủ tịch UBND tỉnh",
            citation = "Đã có thành tích xuất sắc trong thực hiện Quy chế dân chủ ở cơ sở năm 2026", nominationIds = ids,
        });
        await ApiJourney.Expect(issued, HttpStatusCode.Created);
        var body = (await issued.Content.ReadFromJsonAsync<JsonObject>())!;
        body["registerNumbers"]!.AsArray().Select(n => n!.GetValue<string>()).Should().Equal(Enumerable.Range(1, 30).Select(i => $"SV-2027-{i:D4}"));

        var decision = (await (await app.As(DemoAccounts.OfficerTanHoa)).GetFromJsonAsync<JsonObject>($"/api/decisions/{body["decisionId"]}"))!;
        decision["collectives"]!.AsArray().Should().HaveCount(15);
        decision["individuals"]!.AsArray().Select(a => (string?)a!["registerNumber"]).Should().Equal(Enumerable.Range(16, 15).Select(i => $"SV-2027-{i:D4}"));

        // The decision as a PDF for anyone signed in, under its number; nobody signed out gets it.
        var pdf = await (await app.As(DemoAccounts.OfficerDongXuyen)).GetAsync($"/api/decisions/{body["decisionId"]}/pdf");
        await ApiJourney.Expect(pdf, HttpStatusCode.OK);
        pdf.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        pdf.Content.Headers.ContentDisposition!.FileName.Should().Be("quyet-dinh-215-QD-UBND.pdf");
        (await pdf.Content.ReadAsByteArrayAsync()).Take(5).Should().Equal("%PDF-"u8.ToArray());
        await ApiJourney.Expect(await app.AnonymousClient().GetAsync($"/api/decisions/{body["decisionId"]}/pdf"), HttpStatusCode.Unauthorized);
        (await (await app.As(DemoAccounts.OfficerTanHoa)).GetStringAsync($"/quyet-dinh/{body["decisionId"]}"))
            .Should().Contain($"href=\"/api/decisions/{body["decisionId"]}/pdf\"", "the decision page offers its PDF (\"Tải PDF\")");
        await ApiJourney.Expect(await (await app.As(DemoAccounts.OfficerTanHoa)).GetAsync($"/api/decisions/{Guid.NewGuid()}/pdf"), HttpStatusCode.NotFound);

        var certificates = await (await app.As(DemoAccounts.OfficerTanHoa)).GetAsync($"/chung-nhan/{body["decisionId"]}");
        await ApiJourney.Expect(certificates, HttpStatusCode.OK);
        var printed = WebUtility.HtmlDecode(await certificates.Content.ReadAsStringAsync());
        System.Text.RegularExpressions.Regex.Matches(printed, "data-testid=\"certificate\"").Count.Should().Be(30);
        printed.Should().Contain("/css/certificate.css").And.Contain("SV-2027-0001").And.Contain("SV-2027-0030").And.Contain("BẰNG KHEN");
        (await (await app.As(DemoAccounts.OfficerTanHoa)).GetStringAsync("/css/certificate.css")).Should().Contain("size: A4 landscape");
        await ApiJourney.Expect(await (await app.As(DemoAccounts.OfficerTanHoa)).GetAsync($"/chung-nhan/{Guid.NewGuid()}"), HttpStatusCode.NotFound);

        var officer = await app.As(DemoAccounts.OfficerDongXuyen);
        var found = (await officer.GetFromJsonAsync<JsonObject>("/api/registry?decision=215/QĐ-UBND&pageSize=100"))!;
        found["totalCount"]!.GetValue<int>().Should().Be(30);
        var people = (await officer.GetFromJsonAsync<JsonObject>("/api/registry?person=c%C3%A1%20nh%C3%A2n%2007"))!["items"]!.AsArray();
        people.Single()!["registerNumber"]!.GetValue<string>().Should().Be("SV-2027-0022");

        var xlsx = await officer.GetAsync("/api/exports/registry?decision=215/QĐ-UBND&format=xlsx");
        await ApiJourney.Expect(xlsx, HttpStatusCode.OK);
        xlsx.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using (var document = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false))
        {
            var workbook = document.WorkbookPart!;
            var rows = workbook.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
            rows.Should().HaveCount(31);
            string[] headers = ["STT", "Số sổ vàng", "Tên tập thể, cá nhân", "Loại", "Đơn vị", "Hình thức khen thưởng", "Phong trào thi đua",
                "Năm", "Số quyết định", "Ngày quyết định", "Tình trạng", "Quyết định thu hồi", "Ngày thu hồi"];
            rows[0].Elements<Cell>().Select(c => c.InnerText).Should().Equal(headers);

            var first = rows[1].Elements<Cell>().ToDictionary(c => c.CellReference!.Value!);
            first["A2"].DataType!.Value.Should().Be(CellValues.Number);
            first["A2"].CellValue!.Text.Should().Be("1");
            first["B2"].InnerText.Should().Be("SV-2027-0001");
            first["C2"].InnerText.Should().Be("Tập thể 01");
            first["D2"].InnerText.Should().Be("Tập thể");
            first["E2"].InnerText.Should().Be("UBND xã Tân Hòa");
            first["F2"].InnerText.Should().Be("Bằng khen của Chủ tịch UBND tỉnh");
            first["G2"].InnerText.Should().Be("Thi đua thực hiện Quy chế dân chủ ở cơ sở năm 2026");
            first["H2"].DataType!.Value.Should().Be(CellValues.Number);
            first["H2"].CellValue!.Text.Should().Be("2027");
            first["I2"].InnerText.Should().Be("215/QĐ-UBND");
            // A real date: a serial number (no text type) with a dd/mm/yyyy number format.
            first["J2"].DataType.Should().BeNull();
            DateTime.FromOADate(double.Parse(first["J2"].CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)).Should().Be(new DateTime(2027, 1, 12));
            var format = (CellFormat)workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.ElementAt((int)first["J2"].StyleIndex!.Value);
            workbook.WorkbookStylesPart.Stylesheet.NumberingFormats!.Elements<NumberingFormat>()
                .Single(f => f.NumberFormatId!.Value == format.NumberFormatId!.Value).FormatCode!.Value.Should().Be("dd/mm/yyyy");
            first["K2"].InnerText.Should().Be("Hiệu lực");
            first["L2"].InnerText.Should().BeEmpty();

            var last = rows[30].Elements<Cell>().ToDictionary(c => c.CellReference!.Value!);
            last["A31"].CellValue!.Text.Should().Be("30");
            last["B31"].InnerText.Should().Be("SV-2027-0030");
            last["C31"].InnerText.Should().Be("Cá nhân 15");
            last["D31"].InnerText.Should().Be("Cá nhân");
        }

        var csv = await officer.GetAsync("/api/exports/registry?decision=215/QĐ-UBND&format=csv");
        await ApiJourney.Expect(csv, HttpStatusCode.OK);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        bytes.Take(3).Should().Equal(Encoding.UTF8.GetPreamble());
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(31);
        lines[0].Should().StartWith("STT,Số sổ vàng,\"Tên tập thể, cá nhân\",Loại,");
        lines[1].Should().StartWith("1,SV-2027-0001,Tập thể 01,Tập thể,UBND xã Tân Hòa,").And.Contain(",2027,215/QĐ-UBND,12/01/2027,Hiệu lực,,");

        var campaignSheet = await (await app.As(DemoAccounts.Appraiser)).GetAsync($"/api/exports/campaigns/{await _journey.CurrentCampaignAsync()}/nominations");
        await ApiJourney.Expect(campaignSheet, HttpStatusCode.OK);
        using (var document = SpreadsheetDocument.Open(new MemoryStream(await campaignSheet.Content.ReadAsByteArrayAsync()), false))
        {
            var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
            rows[0].Elements<Cell>().Select(c => c.InnerText).Should().StartWith(["STT", "Tên tập thể, cá nhân", "Loại", "Đơn vị đề nghị"]);
            rows.Count.Should().BeGreaterThanOrEqualTo(31);
            var cells = rows[1].Elements<Cell>().ToDictionary(c => c.CellReference!.Value!);
            cells["F2"].InnerText.Should().Be("Đã khen thưởng");
            cells["H2"].CellValue!.Text.Should().Be("1");
            DateTime.FromOADate(double.Parse(cells["I2"].CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)).Should().Be(new DateTime(2026, 12, 1));
        }

        // Revocation keeps the record; only an administrator or the leader may record it.
        var line = found["items"]!.AsArray()[0]!;
        var byOfficer = await officer.PostAsJsonAsync($"/api/registry/{line["id"]}/revocation", new { reason = "Giả mạo hồ sơ", revokingDecisionNumber = "45/QĐ-UBND", date = "2027-03-01" });
        await ApiJourney.Expect(byOfficer, HttpStatusCode.Forbidden);
        var revoked = await leader.PostAsJsonAsync($"/api/registry/{line["id"]}/revocation", new { reason = "Giả mạo hồ sơ", revokingDecisionNumber = "45/QĐ-UBND", date = "2027-03-01" });
        await ApiJourney.Expect(revoked, HttpStatusCode.OK);
        var history = (await officer.GetFromJsonAsync<JsonObject>($"/api/registry/{line["id"]}/history"))!;
        history["awards"]!.AsArray().Single()!["revoked"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public async Task Registry_and_export_refusals_and_bad_input()
    {
        var admin = await app.As(DemoAccounts.Admin);
        await ApiJourney.Expect(await app.AnonymousClient().GetAsync("/api/registry"), HttpStatusCode.Unauthorized);
        await ApiJourney.Expect(await admin.PostAsJsonAsync($"/api/registry/{Guid.NewGuid()}/revocation",
            new { reason = "Lý do", revokingDecisionNumber = "45/QĐ-UBND", date = "2027-03-01" }), HttpStatusCode.NotFound);
        await ApiJourney.Expect(await admin.GetAsync($"/api/registry/{Guid.NewGuid()}/history"), HttpStatusCode.NotFound);
        await ApiJourney.Expect(await admin.GetAsync($"/api/exports/campaigns/{Guid.NewGuid()}/nominations"), HttpStatusCode.NotFound);

        var bad = await admin.PostAsJsonAsync($"/api/registry/{Guid.NewGuid()}/revocation", new { reason = "", revokingDecisionNumber = "x", date = "2027-03-01" });
        await ApiJourney.Expect(bad, HttpStatusCode.BadRequest);
        (await ApiJourney.Problem(bad))["errors"]!.AsObject().Select(e => e.Key).Should().BeEquivalentTo(["reason", "revokingDecisionNumber"]);
        var badSearch = await admin.GetAsync("/api/registry?year=12&pageSize=0");
        await ApiJourney.Expect(badSearch, HttpStatusCode.BadRequest);
        (await ApiJourney.Problem(badSearch))["errors"]!.AsObject().Select(e => e.Key).Should().BeEquivalentTo(["year", "pageSize"]);
        var badFormat = await admin.GetAsync("/api/exports/registry?format=pdf");
        await ApiJourney.Expect(badFormat, HttpStatusCode.BadRequest);
        (await ApiJourney.Problem(badFormat))["errors"]!.AsObject().Should().ContainKey("format");
    }
}
