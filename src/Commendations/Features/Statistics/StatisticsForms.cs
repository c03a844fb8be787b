using System.Globalization;
using Commendations.Common.Text;
using Commendations.Domain.Campaigns;

namespace Commendations.Features.Statistics;

/// <summary>
/// The report as sheets, the same on screen and in the workbook (docs/statistics.md): forms 0601.N, 0602.N and 0603.N
/// of Circular 02/2023/TT-BNV in their layout, then two annexes of the system's own (campaigns with registrations; awards
/// by award form), which carry the detail the forms do not and make the totals traceable to the registry.
/// </summary>
public static class StatisticsForms
{
    /// <summary>Where the figures come from: the registry's current lines decided in the period.</summary>
    public static Message Source(StatisticsReport report) => new(
        "Số liệu lấy từ sổ khen thưởng: các quyết định ký từ ngày {0} đến ngày {1}; không tính khen thưởng đã thu hồi hoặc đã được đính chính bằng quyết định khác.",
        report.From, report.To);

    /// <summary>The rows the system has no data for: shown empty, never guessed.</summary>
    public static Message NotRecordedRows => new(
        "Các ô để trống là số liệu hệ thống không ghi nhận: doanh nghiệp; người được khen thưởng là lãnh đạo (theo cấp), doanh nhân hay người trực tiếp lao động, công tác; khen thưởng đột xuất, đối ngoại, cống hiến, niên hạn, kháng chiến (hệ thống chỉ xét khen thưởng thường xuyên và chuyên đề theo phong trào thi đua).");

    public static Message CampaignLevels => new(
        "Hệ thống quản lý các phong trào thi đua do tỉnh phát động: các phong trào của Trung ương, của cụm, khối thi đua và của từng cơ quan, đơn vị không được ghi nhận (các ô để trống).");

    /// <summary>Which text the forms are taken from, and what may have superseded it (docs/statistics.md).</summary>
    public static Message FormsNote => new(
        "Biểu theo mẫu {0} ban hành kèm theo Thông tư số 02/2023/TT-BNV ngày 23/3/2023 của Bộ Nội vụ quy định chế độ báo cáo thống kê ngành Nội vụ. Thông tư số 18/2025/TT-BNV ngày 08/10/2025 cùng nội dung có thể đã thay thế thông tư này: trước khi nộp, đối chiếu với biểu mẫu của thông tư đang có hiệu lực.");

    public static Message StateNote => new(
        "Khen thưởng cấp Nhà nước do cấp trên quyết định; chỉ tính các quyết định đã được ghi vào sổ khen thưởng. Mỗi hình thức khen thưởng ghi riêng một cột.");

    public static Message ProvincialNote => new(
        "Hình thức khen thưởng không có cột trong biểu này (ví dụ danh hiệu Tập thể lao động xuất sắc, Chiến sĩ thi đua cơ sở) được thống kê ở phụ lục “Khen thưởng theo hình thức khen thưởng”.");

    public static Message AnnexNote => new Message("Phụ lục do hệ thống lập, không thuộc biểu mẫu của Thông tư số 02/2023/TT-BNV: chi tiết để đối chiếu số liệu của các biểu.");

    public static Message RegistrationNote => new(
        "Số đơn vị đăng ký thi đua: số đơn vị đã đăng ký danh hiệu, hình thức khen thưởng trong phong trào (chức năng Đăng ký thi đua).");

    public static Message ByAwardFormNote => new(
        "Mỗi dòng của sổ khen thưởng được tính ở đúng một hình thức; cột “Tính ở biểu (cột)” cho biết biểu và cột tính hình thức đó, hoặc ghi “Không có cột trong biểu”.");

    public static Message TypeName(CampaignType type) => type == CampaignType.Regular ? new Message("Thường xuyên") : new Message("Chuyên đề");

    public static IReadOnlyList<FormSheet> Sheets(StatisticsReport report) =>
    [
        Form(report, report.CampaignForm, "0601.N", "statistics-0601", withDeadline: true, [Source(report), CampaignLevels]),
        Form(report, report.StateForm, "0602.N", "statistics-0602", withDeadline: true, [Source(report), StateNote, NotRecordedRows]),
        Form(report, report.ProvincialForm, "0603.N", "statistics-0603", withDeadline: false, [Source(report), ProvincialNote, NotRecordedRows]),
        Campaigns(report),
        AwardForms(report),
    ];

    private static Message Year(StatisticsReport report) => new Message("Năm {0} (kỳ báo cáo từ ngày {1} đến ngày {2})",
        report.Year.ToString(CultureInfo.InvariantCulture), report.From, report.To);

    private static FormSheet Form(StatisticsReport report, CountTable table, string sheetName, string testId, bool withDeadline, Message[] notes)
    {
        var withUnit = table.Rows.Any(r => r.Unit is not null);
        List<IReadOnlyList<ILocalised>> paths = [[new Message("Chỉ tiêu")], [new Message("Mã số")]];
        if (withUnit)
            paths.Add([new Message("Đơn vị tính")]);
        paths.AddRange(table.Columns.Select(c => c.Headings));
        var (depth, header) = HeaderLayout.Of(paths);
        List<MastheadLine> masthead =
        [
            new(new Message("Biểu số: {0}", table.FormCode), new Message("Đơn vị báo cáo: {0}", report.ScopeName)),
            new(new Message("Ban hành theo Thông tư số 02/2023/TT-BNV ngày 23/3/2023"), new Message("Đơn vị nhận báo cáo: {0}", report.Recipient)),
        ];
        if (withDeadline)
            masthead.Add(new(new Message("Ngày nhận báo cáo: ngày 15 tháng 12 năm báo cáo"), null));
        List<ILocalised> subtitles = [Year(report)];
        if (table.UnitOfCount is { } unit)
            subtitles.Add(unit);
        var rows = table.Rows.Select(r =>
        {
            List<object?> cells = [r.Label, r.Code];
            if (withUnit)
                cells.Add(r.Unit ?? (object)"");
            // A section heading has no figures (empty cells); in a row of figures, null is a figure the system does not record.
            cells.AddRange(r.Values is null ? Enumerable.Repeat<object?>("", table.Columns.Count) : r.Values.Cast<object?>());
            return new FormRow([.. cells], IsBold: r.Values is null || ReferenceEquals(r, table.Total));
        }).ToList();
        string[] letters = withUnit ? ["A", "B", "C"] : ["A", "B"];
        double[] lead = withUnit ? [46, 7, 11] : [46, 7];
        return new FormSheet(sheetName, testId, masthead, table.Title, subtitles, depth, header,
            [.. letters, .. table.Columns.Select(c => c.Number)], rows, [.. notes, new Message(FormsNote.Template, table.FormCode)],
            [.. lead, .. table.Columns.Select(_ => 12.0)]);
    }

    private static List<MastheadLine> AnnexMasthead(StatisticsReport report) =>
        [new(new Message("Phụ lục"), new Message("Đơn vị báo cáo: {0}", report.ScopeName))];

    private static FormSheet Campaigns(StatisticsReport report)
    {
        var (depth, header) = HeaderLayout.Of(
        [
            [new Message("STT")], [new Message("Tên phong trào thi đua")], [new Message("Loại phong trào")], [new Message("Số đơn vị đăng ký thi đua")],
            [new Message("Số được khen thưởng"), new Message("Tập thể")], [new Message("Số được khen thưởng"), new Message("Hộ gia đình")],
            [new Message("Số được khen thưởng"), new Message("Cá nhân")],
        ]);
        var rows = report.Campaigns.Select((c, i) => new FormRow([(i + 1).ToString(CultureInfo.InvariantCulture), c.Name, TypeName(c.Type),
            c.RegisteredUnits, c.Collectives, c.Households, c.Individuals])).ToList();
        var total = report.CampaignTotal;
        rows.Add(new FormRow(["", new Message("Tổng số: {0} phong trào (thường xuyên {1}, chuyên đề {2})", report.Campaigns.Count,
            report.Campaigns.Count(c => c.Type == CampaignType.Regular), report.Campaigns.Count(c => c.Type == CampaignType.Thematic)), "",
            total.RegisteredUnits, total.Collectives, total.Households, total.Individuals], IsBold: true));
        return new FormSheet("Phụ lục - Phong trào", "statistics-campaigns", AnnexMasthead(report), new Message("PHONG TRÀO THI ĐUA VÀ ĐĂNG KÝ THI ĐUA"),
            [Year(report)], depth, header, ["A", "B", "1", "2", "3", "4", "5"], rows, [Source(report), RegistrationNote, AnnexNote],
            [8, 48, 16, 16, 12, 12, 12], RowHeaderColumn: 1);
    }

    private static FormSheet AwardForms(StatisticsReport report)
    {
        var individual = new Message("Cá nhân");
        var (depth, header) = HeaderLayout.Of(
        [
            [new Message("STT")], [new Message("Hình thức khen thưởng")], [new Message("Tính ở biểu (cột)")], [new Message("Tổng số")],
            [new Message("Tập thể")], [new Message("Hộ gia đình")], [individual, new Message("Tổng số")], [individual, new Message("Trong đó: Nữ")],
        ]);
        var rows = report.AwardForms.Select((a, i) => new FormRow([(i + 1).ToString(CultureInfo.InvariantCulture), a.Name,
            a.Level == AwardLevel.Other ? new Message("Không có cột trong biểu") : a.Column, a.Total, a.Collectives, a.Households, a.Individuals, a.Women])).ToList();
        var total = report.AwardFormTotal;
        rows.Add(new FormRow(["", new Message("Tổng cộng"), "", total.Total, total.Collectives, total.Households, total.Individuals, total.Women], IsBold: true));
        return new FormSheet("Phụ lục - Hình thức", "statistics-award-forms", AnnexMasthead(report), new Message("KHEN THƯỞNG THEO HÌNH THỨC KHEN THƯỞNG"),
            [Year(report)], depth, header, ["A", "B", "C", "1", "2", "3", "4", "5"], rows, [Source(report), ByAwardFormNote, AnnexNote],
            [8, 44, 22, 10, 10, 10, 10, 12], RowHeaderColumn: 1);
    }
}
