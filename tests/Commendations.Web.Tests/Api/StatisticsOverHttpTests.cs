using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Commendations.Domain.Campaigns;
using Commendations.Domain.Catalog;
using Commendations.Domain.Registry;
using Commendations.Domain.Nominees;
using Commendations.Seeding;
using Commendations.Web.Tests.Infrastructure;
using ExcelDataReader;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Web.Tests.Api;

/// <summary>
/// Issue 22: the yearly statistics in forms 0601.N, 0602.N and 0603.N of Circular 02/2023/TT-BNV. Awards are made through
/// the app (provincial ones, one revoked, and a State-level one decided centrally), the workbook is downloaded and read
/// with ExcelDataReader (not the SDK that wrote it), and every cell of every row is recomputed from the registry's rows
/// with the rows' and columns' rules written out in the test; the unit scope is enforced.
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

        // A State-level award: the Prime Minister's certificate, decided centrally, in the regular campaign.
        await new AwardsForStatistics(app).CentralAsync("Lò Thị Sen", "125/QĐ-TTg", new DateOnly(2027, 2, 25));

        var xlsx = await (await app.As(DemoAccounts.Appraiser)).GetAsync("/api/statistics/xlsx?year=2027");
        await ApiJourney.Expect(xlsx, HttpStatusCode.OK);
        xlsx.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        xlsx.Content.Headers.ContentDisposition!.FileName.Should().Be("thong-ke-thi-dua-khen-thuong-2027.xlsx");
        var workbook = Workbook.Read(await xlsx.Content.ReadAsByteArrayAsync());
        workbook.Sheets.Keys.Should().Equal("0601.N", "0602.N", "0603.N", "Phụ lục - Phong trào", "Phụ lục - Hình thức");

        // The registry's rows, counted the way the forms count: current, not revoked, decided 01/12/2026–30/11/2027.
        await using var db = new ApiJourney(app).CreateDbContext();
        var from = new DateOnly(2026, 12, 1);
        var to = new DateOnly(2027, 11, 30);
        var lines = await db.AwardRecords.AsNoTracking()
            .Where(r => r.RevokedAt == null && r.SupersededByDecisionId == null && r.DecisionDate >= from && r.DecisionDate <= to).ToListAsync();
        var women = await db.People.AsNoTracking().Where(p => p.Gender == Gender.Female).Select(p => p.Id).ToListAsync();
        var campaignTypes = await db.Campaigns.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Type);
        lines.Should().HaveCount(5, "five provincial awards were decided and one revoked, and one State-level award was decided centrally");

        // Which rows count which lines, written out here from the forms (not taken from the code under test); null: a
        // row the system records nothing for, whose cells must be empty.
        Func<AwardRecord, bool> all = _ => true, collectives = l => l.Kind == NomineeKind.Collective, households = l => l.Kind == NomineeKind.Household,
            individuals = l => l.Kind == NomineeKind.Individual, regular = l => campaignTypes[l.CampaignId] == CampaignType.Regular,
            thematic = l => campaignTypes[l.CampaignId] == CampaignType.Thematic;

        // Form 0603.N: the province's awards, one column per kind of award.
        var provincial = workbook.Sheets["0603.N"];
        provincial.Should().Contain(r => Text(r, 0) == "Biểu số: 0603.N/BNV-TĐKT" && Text(r, 4) == "Đơn vị báo cáo: Ủy ban nhân dân tỉnh Lam Giang");
        provincial.Should().Contain(r => Text(r, 0) == "Ban hành theo Thông tư số 02/2023/TT-BNV ngày 23/3/2023" && Text(r, 4) == "Đơn vị nhận báo cáo: Bộ Nội vụ");
        provincial.Should().Contain(r => Text(r, 0) == "SỐ LƯỢNG KHEN THƯỞNG CẤP BỘ, BAN, NGÀNH, ĐOÀN THỂ TRUNG ƯƠNG VÀ TỈNH, THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG");
        provincial.Should().Contain(r => Text(r, 0) == "Năm 2027 (kỳ báo cáo từ ngày 01/12/2026 đến ngày 30/11/2027)");
        var header = provincial.FindIndex(r => Text(r, 0) == "Chỉ tiêu");
        Texts(provincial[header]).Should().Equal("Chỉ tiêu", "Mã số", "Đơn vị tính", "Tổng số", "Chia ra", null, null, null);
        Texts(provincial[header + 1]).Skip(4).Should().Equal("Bằng khen", "Chiến sĩ thi đua cấp bộ, cấp tỉnh",
            "Cờ thi đua của bộ, ban, ngành, đoàn thể Trung ương, tỉnh, thành phố trực thuộc Trung ương",
            "Huy hiệu (kỷ niệm chương) của bộ, ban, ngành, đoàn thể Trung ương, tỉnh, thành phố trực thuộc Trung ương");
        Texts(provincial[header + 2]).Should().Equal("A", "B", "C", "1", "2", "3", "4", "5");
        workbook.Merges["0603.N"].Should().Contain((header, 4, header, 7), "“Chia ra” spans the four award columns")
            .And.Contain((header, 3, header + 1, 3), "“Tổng số” spans both header rows");
        string?[] provincialCodes = ["bang-khen-tinh", "csdt-tinh", "co-thi-dua-tinh", "huy-hieu-"];
        var forms = await db.AwardForms.AsNoTracking().ToDictionaryAsync(f => f.Id, f => f.Code);
        CheckForm(provincial, header + 3, new()
        {
            ["01"] = all, ["02"] = collectives, ["03"] = null, ["04"] = households, ["05"] = individuals, ["06"] = null, ["07"] = null, ["08"] = null,
            ["09"] = null, ["10"] = null, ["11"] = regular, ["12"] = thematic, ["13"] = null, ["14"] = null, ["15"] = null, ["16"] = null, ["17"] = null,
        }, provincialCodes.Select(code => (Func<AwardRecord, bool>)(l => forms[l.AwardFormId].StartsWith(code!))).ToList(), lines);
        Number(provincial.Single(r => Text(r, 1) == "01"), 3).Should().Be(4, "the four provincial certificates of merit still in force");
        Number(provincial.Single(r => Text(r, 1) == "12"), 4).Should().Be(4, "all four in the thematic campaign");
        provincial.Should().Contain(r => Text(r, 0) != null && Text(r, 0)!.StartsWith("Các ô để trống là số liệu hệ thống không ghi nhận"),
            "the form says which data is not recorded");
        provincial.Should().Contain(r => Text(r, 0) != null && Text(r, 0)!.StartsWith("Biểu theo mẫu 0603.N/BNV-TĐKT ban hành kèm theo Thông tư số 02/2023/TT-BNV")
            && Text(r, 0)!.Contains("18/2025/TT-BNV"), "the legal text is cited, and the circular that may have replaced it named");

        // Form 0602.N: State-level awards, each award form its own column, split into collectives and individuals.
        var state = workbook.Sheets["0602.N"];
        var stateHeader = state.FindIndex(r => Text(r, 0) == "Chỉ tiêu");
        state[stateHeader + 1].Should().Contain("Các loại huân chương, huy chương").And.Contain("Giải thưởng Hồ Chí Minh");
        state[stateHeader + 2].Should().Contain("Huân chương Lao động hạng Ba", "each order has its own column");
        var pm = Array.IndexOf(state[stateHeader + 1], "Bằng khen của Thủ tướng Chính phủ");
        Texts(state[stateHeader + 2]).Skip(pm).Take(2).Should().Equal("Tập thể", "Cá nhân");
        workbook.Merges["0602.N"].Should().Contain((stateHeader + 1, pm, stateHeader + 1, pm + 1))
            .And.Contain((stateHeader + 2, pm, stateHeader + 3, pm), "the certificate's “Tập thể” reaches down to the last header row");
        var columnNumbers = state[stateHeader + 4];
        Text(columnNumbers, pm).Should().Be("7");
        var stateLeaves = Enumerable.Range(4, columnNumbers.Length - 4).Select(c => (Func<AwardRecord, bool>)(l =>
        {
            var code = forms[l.AwardFormId];
            var kind = Text(state[stateHeader + 3], c) ?? Text(state[stateHeader + 2], c);
            return Text(columnNumbers, c) switch
            {
                "7" => code == "bang-khen-thu-tuong" && kind == (l.Kind == NomineeKind.Collective ? "Tập thể" : "Cá nhân"),
                "2" => code.StartsWith("huan-chuong-") && kind == (l.Kind == NomineeKind.Collective ? "Tập thể" : "Cá nhân"),
                "8" => code == "csdt-toan-quoc",
                _ => false,
            };
        })).ToList();
        CheckForm(state, stateHeader + 5, new()
        {
            ["1"] = all, ["2"] = _ => false, ["3"] = all, ["6"] = collectives, ["7"] = null, ["8"] = households, ["9"] = individuals, ["10"] = null,
            ["11"] = null, ["12"] = null, ["13"] = null, ["14"] = null, ["15"] = regular, ["16"] = thematic, ["17"] = null, ["18"] = null, ["19"] = null,
            ["20"] = null, ["21"] = null,
        }, stateLeaves, lines);
        Number(state.Single(r => Text(r, 1) == "9"), pm + 1).Should().Be(1, "Lò Thị Sen's certificate, in the individuals' row and column");
        Number(state.Single(r => Text(r, 1) == "15"), 3).Should().Be(1, "in the regular campaign");

        // Form 0601.N: the campaigns, all launched by the province.
        var campaignForm = workbook.Sheets["0601.N"];
        campaignForm.Should().Contain(r => Text(r, 0) == "Ngày nhận báo cáo: ngày 15 tháng 12 năm báo cáo");
        campaignForm.Should().Contain(r => Text(r, 0) == "Đơn vị tính: Phong trào");
        var running = await db.Campaigns.AsNoTracking().Where(c => c.PeriodStart <= to && c.PeriodEnd >= from).ToListAsync();
        var counted = running.Select(c => c.Id).Union(lines.Select(l => l.CampaignId)).Select(id => running.SingleOrDefault(c => c.Id == id)).ToList();
        counted.Should().NotContainNulls("every awarded campaign runs in the period").And.HaveCountGreaterThan(1);
        var campaignRows = campaignForm.Where(r => Text(r, 1) is { Length: 2 } code && code.All(char.IsDigit)).ToDictionary(r => Text(r, 1)!);
        Number(campaignRows["01"], 2).Should().Be(counted.Count);
        Number(campaignRows["01"], 4).Should().Be(counted.Count, "column 3: launched at the province's level");
        campaignRows["01"][3].Should().BeNull("the central level's campaigns are not recorded");
        Number(campaignRows["03"], 2).Should().Be(counted.Count);
        campaignRows["02"].Skip(2).Should().OnlyContain(v => v == null);
        Number(campaignRows["07"], 2).Should().Be(counted.Count(c => c!.PeriodStart.AddYears(1) == c.PeriodEnd.AddDays(1)), "campaigns of one year");
        Number(campaignRows["11"], 2).Should().Be(counted.Count(c => c!.Type == CampaignType.Thematic));
        Number(campaignRows["12"], 2).Should().Be(counted.Count(c => c!.Type == CampaignType.Regular));

        // The annex by award form: every counted line in exactly one row; with the forms, the totals match the registry.
        var byForm = workbook.Sheets["Phụ lục - Hình thức"];
        var formRows = byForm.Where(r => Text(r, 0) is { Length: > 0 } n && n.All(char.IsDigit)).ToList();
        formRows.Select(r => Text(r, 1)).Should().BeEquivalentTo(await db.AwardForms.AsNoTracking().Select(f => f.Name).ToListAsync());
        foreach (var row in formRows)
        {
            var ofForm = lines.Where(l => l.AwardFormName == Text(row, 1)).ToList();
            Number(row, 3).Should().Be(ofForm.Count, Text(row, 1));
            Number(row, 4).Should().Be(ofForm.Count(l => l.Kind == NomineeKind.Collective), Text(row, 1));
            Number(row, 6).Should().Be(ofForm.Count(l => l.Kind == NomineeKind.Individual), Text(row, 1));
            Number(row, 7).Should().Be(ofForm.Count(l => l.PersonId is { } p && women.Contains(p)), Text(row, 1));
        }
        Text(formRows.Single(r => Text(r, 1) == "Bằng khen của Chủ tịch UBND tỉnh"), 2).Should().Be("0603.N/BNV-TĐKT (2)");
        Text(formRows.Single(r => Text(r, 1) == "Tập thể lao động xuất sắc"), 2).Should().Be("Không có cột trong biểu");
        var formTotal = byForm.Single(r => Text(r, 1) == "Tổng cộng");
        Number(formTotal, 3).Should().Be(lines.Count);
        Number(formTotal, 7).Should().Be(lines.Count(l => l.PersonId is { } p && women.Contains(p))).And.Be(2);
        (Number(provincial.Single(r => Text(r, 1) == "01"), 3) + Number(state.Single(r => Text(r, 1) == "1"), 3)
         + formRows.Where(r => Text(r, 2) == "Không có cột trong biểu").Sum(r => Number(r, 3))).Should().Be(lines.Count,
            "forms 0602.N and 0603.N and the forms they have no column for count every registry line once");

        // The annex of campaigns: the units registered and the awards in each.
        var campaigns = workbook.Sheets["Phụ lục - Phong trào"];
        var registrations = await db.TitleRegistrations.AsNoTracking().ToListAsync();
        var qcdc = campaigns.Single(r => Text(r, 1) == "Thi đua thực hiện Quy chế dân chủ ở cơ sở năm 2026");
        Number(qcdc, 3).Should().Be(registrations.Count(r => r.CampaignId == campaign)).And.BeGreaterThan(0);
        Number(qcdc, 4).Should().Be(2);
        Number(qcdc, 6).Should().Be(2);
        var campaignTotal = campaigns.Single(r => Text(r, 1)?.StartsWith("Tổng số:") == true);
        Number(campaignTotal, 6).Should().Be(3);

        // The same figures on screen (JSON), and nothing in the year before (its period ends 30/11/2026).
        var report = (await (await app.As(DemoAccounts.Leader)).GetFromJsonAsync<JsonObject>("/api/statistics?year=2027"))!;
        Total(report, "0603.N/BNV-TĐKT", "05").Should().Be(2);
        Total(report, "0602.N/BNV-TĐKT", "9").Should().Be(1);
        ((string)Form(report, "0602.N/BNV-TĐKT")["columns"]!.AsArray().Select(c => c!)
            .Single(c => (string)c["heading"]! == "Chia ra – Bằng khen của Thủ tướng Chính phủ – Cá nhân")["kind"]!).Should().Be("Individual");
        var before = (await (await app.As(DemoAccounts.Leader)).GetFromJsonAsync<JsonObject>("/api/statistics?year=2026"))!;
        Total(before, "0603.N/BNV-TĐKT", "01").Should().Be(0);

        // A unit's officer: his own unit, yes; another unit or the whole province, no.
        var tanHoa = await db.Units.AsNoTracking().SingleAsync(u => u.Code == DemoUnits.TanHoa);
        var own = await (await app.As(DemoAccounts.OfficerTanHoa)).GetFromJsonAsync<JsonObject>($"/api/statistics?year=2027&unitId={tanHoa.Id}");
        Total(own!, "0603.N/BNV-TĐKT", "02").Should().Be(2);
        ((string)own!["recipient"]!).Should().Be("Ủy ban nhân dân tỉnh Lam Giang", "a unit reports to the province");
        var dongXuyen = await app.As(DemoAccounts.OfficerDongXuyen);
        var other = await dongXuyen.GetAsync($"/api/statistics/xlsx?year=2027&unitId={tanHoa.Id}");
        await ApiJourney.Expect(other, HttpStatusCode.Forbidden);
        (await ApiJourney.Problem(other))["detail"]!.GetValue<string>().Should().Be("Cán bộ của đơn vị chỉ xem được số liệu của đơn vị mình.");
        await ApiJourney.Expect(await dongXuyen.GetAsync("/api/statistics?year=2027"), HttpStatusCode.Forbidden);
        var badYear = await dongXuyen.GetAsync("/api/statistics?year=19");
        await ApiJourney.Expect(badYear, HttpStatusCode.BadRequest);
        (await ApiJourney.Problem(badYear))["errors"]!.AsObject().Should().ContainKey("year");
    }

    /// <summary>
    /// Every row of figures from <paramref name="first"/> on: its cells are recomputed from the registry's lines — the
    /// row's rule and each award column's, the total column their sum — or, for a row the system does not record, empty.
    /// </summary>
    private static void CheckForm(List<object?[]> sheet, int first, Dictionary<string, Func<AwardRecord, bool>?> rows,
        IReadOnlyList<Func<AwardRecord, bool>> columns, IReadOnlyList<AwardRecord> lines)
    {
        var body = sheet.Skip(first).TakeWhile(r => r.Any(c => c is not null)).Where(r => Text(r, 1) is { Length: > 0 }).ToList();
        body.Select(r => Text(r, 1)).Should().Equal(rows.Keys, "the form's rows in the form's order");
        foreach (var row in body)
        {
            var code = Text(row, 1)!;
            if (rows[code] is not { } rule)
            {
                row.Skip(3).Should().OnlyContain(v => v == null, $"row {code} is not recorded");
                continue;
            }
            var inRow = lines.Where(rule).ToList();
            var cells = columns.Select(column => inRow.Count(column)).ToList();
            Enumerable.Range(0, columns.Count).Select(i => Number(row, 4 + i)).Should().Equal(cells, $"row {code}");
            Number(row, 3).Should().Be(cells.Sum(), $"row {code}'s total");
        }
    }

    private static JsonObject Form(JsonObject report, string code) => report["forms"]!.AsArray().Single(f => (string)f!["code"]! == code)!.AsObject();

    private static int Total(JsonObject report, string form, string row) =>
        (int)Form(report, form)["rows"]!.AsArray().Single(r => (string)r!["code"]! == row)!["values"]![0]!;

    private static string?[] Texts(object?[] row) => row.Select(c => c?.ToString()).ToArray();

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
