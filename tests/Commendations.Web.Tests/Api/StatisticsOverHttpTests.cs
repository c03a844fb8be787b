using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Commendations.Domain.Catalog;
using Commendations.Domain.Nominees;
using Commendations.Seeding;
using Commendations.Web.Tests.Infrastructure;
using ExcelDataReader;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Web.Tests.Api;

/// <summary>
/// Issue 22: the yearly statistics in the forms' layout. Awards are made through the app, one is revoked, the workbook is
/// downloaded and read with ExcelDataReader (not the SDK that wrote it), and every row and total is recomputed from the
/// registry's rows; the unit scope is enforced.
/// </summary>
public class StatisticsOverHttpTests(ApiFactory app) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task The_workbook_matches_the_registry_row_by_row_and_a_unit_officer_sees_only_his_unit()
    {
        app.Clock.Set(Testing.TestClock.At(2026, 12, 1));
        var campaign = await new ApiJourney(app).CurrentCampaignAsync();
        await ApiJourney.Expect(await (await app.As(DemoAccounts.Appraiser)).PutAsJsonAsync($"/api/campaigns/{campaign}/registration/window",
            new { closesOn = "2026-12-20" }), HttpStatusCode.OK);
        await ApiJourney.Expect(await (await app.As(DemoAccounts.OfficerTanHoa)).PutAsJsonAsync($"/api/campaigns/{campaign}/registration/my-unit",
            new { titles = new[] { new { awardFormCode = DemoCatalog.CertificateOfMerit, collectives = 2, individuals = 3 } } }), HttpStatusCode.OK);

        var numbers = await new AwardsForStatistics(app).DecideAsync("31/QĐ-UBND", new DateOnly(2027, 1, 12),
            new("Tổ Văn hóa thôn Đông", true), new("Hội Phụ nữ xã Tân Hòa", true),
            new("Nguyễn Thị Mai", false, Woman: true), new("Trần Thị Lan", false, Woman: true), new("Lê Văn Hùng", false));
        numbers.Should().HaveCount(5);

        // One individual's award is revoked: the statistics no longer count it.
        var leader = await app.As(DemoAccounts.Leader);
        var revokedLine = (await leader.GetFromJsonAsync<JsonObject>("/api/registry?person=Tr%E1%BA%A7n%20Th%E1%BB%8B%20Lan"))!["items"]!.AsArray().Single()!;
        await ApiJourney.Expect(await leader.PostAsJsonAsync($"/api/registry/{revokedLine["id"]}/revocation",
            new { reason = "Kê khai không trung thực", revokingDecisionNumber = "45/QĐ-UBND", date = "2027-02-01" }), HttpStatusCode.OK);

        var xlsx = await (await app.As(DemoAccounts.Appraiser)).GetAsync("/api/statistics/xlsx?year=2027");
        await ApiJourney.Expect(xlsx, HttpStatusCode.OK);
        xlsx.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        xlsx.Content.Headers.ContentDisposition!.FileName.Should().Be("thong-ke-thi-dua-khen-thuong-2027.xlsx");
        var workbook = Workbook.Read(await xlsx.Content.ReadAsByteArrayAsync());
        workbook.Sheets.Keys.Should().Equal("Phong trào thi đua", "Khen thưởng cấp tỉnh", "Khen thưởng cấp Nhà nước");

        // The registry's rows, counted the way the forms count: current, not revoked, decided 01/12/2026–30/11/2027.
        await using var db = new ApiJourney(app).CreateDbContext();
        var from = new DateOnly(2026, 12, 1);
        var to = new DateOnly(2027, 11, 30);
        var lines = await db.AwardRecords.AsNoTracking()
            .Where(r => r.RevokedAt == null && r.SupersededByDecisionId == null && r.DecisionDate >= from && r.DecisionDate <= to).ToListAsync();
        var women = await db.People.AsNoTracking().Where(p => p.Gender == Gender.Female).Select(p => p.Id).ToListAsync();
        lines.Should().HaveCount(4, "five awards were decided and one revoked");

        var provincial = workbook.Sheets["Khen thưởng cấp tỉnh"];
        provincial.Should().Contain(r => Text(r, 0) == "Biểu: Khen thưởng cấp tỉnh");
        provincial.Should().Contain(r => Text(r, 0) == "SỐ LƯỢNG KHEN THƯỞNG CẤP TỈNH");
        provincial.Should().Contain(r => Text(r, 0) == "Đơn vị báo cáo: Ủy ban nhân dân tỉnh Lam Giang");
        provincial.Should().Contain(r => Text(r, 0) == "Năm 2027 (kỳ báo cáo từ ngày 01/12/2026 đến ngày 30/11/2027)");
        var header = provincial.FindIndex(r => Text(r, 0) == "Mã số");
        provincial[header].Select((_, i) => Text(provincial[header], i)).Should().StartWith(["Mã số", "Hình thức khen thưởng", "Tổng số", "Tập thể", "Hộ gia đình", "Cá nhân"]);
        Text(provincial[header + 2], 6).Should().Be("Nữ");
        Text(provincial[header + 2], 8).Should().Be("Công nhân, nông dân, người lao động trực tiếp");
        workbook.Merges["Khen thưởng cấp tỉnh"].Should().Contain((header, 5, header, 9), "“Cá nhân” spans its five columns");
        var body = provincial.Where(r => Text(r, 0) is { Length: 2 } code && code.All(char.IsDigit)).ToList();
        var forms = await db.AwardForms.AsNoTracking().ToListAsync();
        body.Select(r => Text(r, 1)).Should().BeEquivalentTo(forms.Where(f => Features.Statistics.StateAwardRows.Of(f.Code) is null).Select(f => f.Name),
            "every provincial award form of the catalogue has its row (the State-level ones are counted in their own table)");
        foreach (var row in body)
        {
            var ofForm = lines.Where(l => l.AwardFormName == Text(row, 1)).ToList();
            Number(row, 3).Should().Be(ofForm.Count(l => l.Kind == NomineeKind.Collective), Text(row, 1));
            Number(row, 4).Should().Be(ofForm.Count(l => l.Kind == NomineeKind.Household), Text(row, 1));
            Number(row, 5).Should().Be(ofForm.Count(l => l.Kind == NomineeKind.Individual), Text(row, 1));
            Number(row, 6).Should().Be(ofForm.Count(l => l.PersonId is { } p && women.Contains(p)), Text(row, 1));
            Number(row, 2).Should().Be(ofForm.Count, Text(row, 1));
            row[7].Should().BeNull("the system does not record who is a leader");
            row[9].Should().BeNull("nor the ethnicity");
        }
        var total = provincial.Single(r => Text(r, 1) == "Tổng cộng");
        Number(total, 2).Should().Be(lines.Count);
        Number(total, 3).Should().Be(lines.Count(l => l.Kind == NomineeKind.Collective)).And.Be(2);
        Number(total, 5).Should().Be(lines.Count(l => l.Kind == NomineeKind.Individual)).And.Be(2);
        Number(total, 6).Should().Be(lines.Count(l => l.PersonId is { } p && women.Contains(p))).And.Be(1);
        provincial.Should().Contain(r => Text(r, 0) != null && Text(r, 0)!.StartsWith("Các cột (6), (7), (8) để trống"), "the form says which data is not recorded");
        provincial.Should().Contain(r => Text(r, 0) != null && Text(r, 0)!.StartsWith("Biểu do hệ thống lập") && Text(r, 0)!.Contains("không phải biểu mẫu chính thức"),
            "no official form code is claimed: the office copies the figures into the form of the circular in force");

        var state = workbook.Sheets["Khen thưởng cấp Nhà nước"];
        Number(state.Single(r => Text(r, 1) == "Tổng cộng"), 2).Should().Be(0, "no State-level award is in the registry");

        var campaigns = workbook.Sheets["Phong trào thi đua"];
        var registrations = await db.TitleRegistrations.AsNoTracking().ToListAsync();
        var campaignRows = campaigns.Where(r => Text(r, 0) is { Length: 2 } code && code.All(char.IsDigit)).ToList();
        var qcdc = campaignRows.Single(r => Text(r, 1) == "Thi đua thực hiện Quy chế dân chủ ở cơ sở năm 2026");
        Number(qcdc, 3).Should().Be(registrations.Count(r => r.CampaignId == campaign)).And.BeGreaterThan(0);
        Number(qcdc, 4).Should().Be(2);
        Number(qcdc, 6).Should().Be(2);
        var campaignTotal = campaigns.Single(r => Text(r, 1)?.StartsWith("Tổng số:") == true);
        Number(campaignTotal, 6).Should().Be(campaignRows.Sum(r => Number(r, 6)));

        // The same figures on screen (JSON), and nothing in the year before (its period ends 30/11/2026).
        var report = (await (await app.As(DemoAccounts.Leader)).GetFromJsonAsync<JsonObject>("/api/statistics?year=2027"))!;
        report["provincialTotal"]!["individuals"]!.GetValue<int>().Should().Be(2);
        var before = (await (await app.As(DemoAccounts.Leader)).GetFromJsonAsync<JsonObject>("/api/statistics?year=2026"))!;
        before["provincialTotal"]!["collectives"]!.GetValue<int>().Should().Be(0);

        // A unit's officer: his own unit, yes; another unit or the whole province, no.
        var tanHoa = await db.Units.AsNoTracking().SingleAsync(u => u.Code == DemoUnits.TanHoa);
        var own = await (await app.As(DemoAccounts.OfficerTanHoa)).GetFromJsonAsync<JsonObject>($"/api/statistics?year=2027&unitId={tanHoa.Id}");
        own!["provincialTotal"]!["collectives"]!.GetValue<int>().Should().Be(2);
        var dongXuyen = await app.As(DemoAccounts.OfficerDongXuyen);
        var other = await dongXuyen.GetAsync($"/api/statistics/xlsx?year=2027&unitId={tanHoa.Id}");
        await ApiJourney.Expect(other, HttpStatusCode.Forbidden);
        (await ApiJourney.Problem(other))["detail"]!.GetValue<string>().Should().Be("Cán bộ của đơn vị chỉ xem được số liệu của đơn vị mình.");
        await ApiJourney.Expect(await dongXuyen.GetAsync("/api/statistics?year=2027"), HttpStatusCode.Forbidden);
        var badYear = await dongXuyen.GetAsync("/api/statistics?year=19");
        await ApiJourney.Expect(badYear, HttpStatusCode.BadRequest);
        (await ApiJourney.Problem(badYear))["errors"]!.AsObject().Should().ContainKey("year");
    }

    private static string? Text(object?[] row, int column) => column < row.Length ? row[column]?.ToString() : null;

    private static int Number(object?[] row, int column) => Convert.ToInt32(row[column], CultureInfo.InvariantCulture);
}

/// <summary>A workbook as ExcelDataReader reads it: each sheet's rows (cell values) and merged ranges (0-based, inclusive).</summary>
public sealed record Workbook(Dictionary<string, List<object?[]>> Sheets, Dictionary<string, List<(int, int, int, int)>> Merges)
{
    // ExcelDataReader's configuration names Windows-1252 (for old .xls files) even when reading .xlsx; .NET ships that
    // code page as a provider to register.
    static Workbook() => System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);

    public static Workbook Read(byte[] bytes)
    {
        using var reader = ExcelReaderFactory.CreateOpenXmlReader(new MemoryStream(bytes));
        var sheets = new Dictionary<string, List<object?[]>>();
        var merges = new Dictionary<string, List<(int, int, int, int)>>();
        do
        {
            var rows = new List<object?[]>();
            while (reader.Read())
            {
                var row = new object?[reader.FieldCount];
                for (var i = 0; i < row.Length; i++)
                    row[i] = reader.GetValue(i);
                rows.Add(row);
            }
            sheets[reader.Name] = rows;
            merges[reader.Name] = (reader.MergeCells ?? []).Select(m => (m.FromRow, m.FromColumn, m.ToRow, m.ToColumn)).ToList();
        } while (reader.NextResult());
        return new Workbook(sheets, merges);
    }
}
