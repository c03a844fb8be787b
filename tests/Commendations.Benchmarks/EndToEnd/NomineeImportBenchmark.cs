using System.Diagnostics;
using System.Globalization;
using Commendations.Features.Imports;
using Commendations.Seeding;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Benchmarks.EndToEnd;

/// <summary>
/// Issue 22, item 2: "a 500-row file imports in seconds". The campaign's template filled with 500 rows (a third of them
/// collectives), previewed and then committed as the unit's officer through the same use case the API sends; each phase
/// timed separately, the file written as the template is, so reading, validation, duplicate checks and 500 draft
/// nominations with their routes started are all in the figure.
/// </summary>
public static class NomineeImportBenchmark
{
    public const string Suite = "import-500";

    /// <param name="RoundTrips">Commands EF sent during the commit (a batch of statements is one).</param>
    /// <param name="Statements">SQL statements in those commands.</param>
    /// <param name="CommitCpuSeconds">Processor time this process (the app's code, EF, Npgsql) used during the commit: on a shared
    /// machine a truer measure of the app's work than the wall clock. PostgreSQL's own time is not in it.</param>
    public sealed record Result(int Rows, double PreviewSeconds, double CommitSeconds, int Imported, int RoundTrips, int Statements, double CommitCpuSeconds);

    public static async Task<Result> RunAsync(AppDatabase app, int rows, TextWriter log)
    {
        var officer = await app.UserAsync(DemoAccounts.OfficerTanHoa.UserName);
        var campaign = await app.EnsureOpenCampaignAsync("BENCH-IMPORT");
        var file = await FileAsync(app, campaign, rows);
        log.WriteLine($"  {rows}-row workbook: {file.Length / 1024.0:F0} KB");

        var preview = Stopwatch.StartNew();
        var previewed = await app.SendAs(officer, new ImportNomineeList(campaign, "danh-sach.xlsx", file, Commit: false));
        preview.Stop();
        if (previewed.Problems.Count > 0)
            throw new InvalidOperationException($"The benchmark's file has problems: {previewed.Problems[0].Message}");

        app.Capture.Take();
        app.Capture.Enabled = true;
        var cpuBefore = CpuMeter.ProcessMs(Environment.ProcessId);
        var commit = Stopwatch.StartNew();
        var committed = await app.SendAs(officer, new ImportNomineeList(campaign, "danh-sach.xlsx", file, Commit: true));
        commit.Stop();
        var cpu = (CpuMeter.ProcessMs(Environment.ProcessId) - cpuBefore) / 1000;
        app.Capture.Enabled = false;
        var (roundTrips, statements) = Profile(app.Capture.Take(), log);
        return new Result(rows, preview.Elapsed.TotalSeconds, commit.Elapsed.TotalSeconds, committed.NominationIds.Count, roundTrips, statements, cpu);
    }

    /// <summary>Where the commit's database time goes: round trips, statements, and the statements sent most often.</summary>
    private static (int RoundTrips, int Statements) Profile(IReadOnlyList<(string Sql, Npgsql.NpgsqlParameter[] Parameters)> commands, TextWriter log)
    {
        var statements = commands.SelectMany(c => c.Sql.Split(";\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(s => s.Length > 0).Select(s => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToList();
        log.WriteLine($"  commit: {commands.Count} round trips, {statements.Count} statements; most sent:");
        foreach (var group in statements.GroupBy(s => s.Length > 90 ? s[..90] : s).OrderByDescending(g => g.Count()).Take(8))
            log.WriteLine($"    {group.Count(),6} × {group.Key}");
        return (commands.Count, statements.Count);
    }

    private static async Task<byte[]> FileAsync(AppDatabase app, Guid campaign, int rows)
    {
        await using var db = app.NewDbContext();
        var merit = await db.AwardForms.AsNoTracking().SingleAsync(a => a.Code == DemoCatalog.CertificateOfMerit);
        var template = NomineeListTemplate.Write("Phong trào đo hiệu năng", [merit]);
        using var stream = new MemoryStream();
        stream.Write(template);
        using (var document = SpreadsheetDocument.Open(stream, true))
        {
            var workbook = document.WorkbookPart!;
            var first = workbook.Workbook.Sheets!.Elements<Sheet>().First();
            var data = ((WorksheetPart)workbook.GetPartById(first.Id!.Value!)).Worksheet.GetFirstChild<SheetData>()!;
            for (var i = 1; i <= rows; i++)
            {
                var collective = i % 3 == 0;
                object?[] values = collective
                    ? [i, "Tập thể", merit.Name, $"Tổ dân phố số {i}", null, null, null, 20 + i % 30, 10, 15, $"Thành tích của tập thể số {i}."]
                    : [i, "Cá nhân", merit.Name, $"Nguyễn Văn Thử {i}", i % 2 == 0 ? "Nữ" : "Nam", 1960 + i % 40, "Chuyên viên", null, null, null, $"Thành tích của cá nhân số {i}."];
                var index = (uint)i + 1;
                var row = new Row { RowIndex = index };
                for (var c = 0; c < values.Length; c++)
                {
                    var reference = (char)('A' + c) + index.ToString(CultureInfo.InvariantCulture);
                    if (values[c] is int number)
                        row.Append(new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(number.ToString(CultureInfo.InvariantCulture)) });
                    else if (values[c] is string text)
                        row.Append(new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) });
                }
                data.Append(row);
            }
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }
}
