using Commendations.Common.Text;
using Commendations.Domain.Campaigns;

namespace Commendations.Features.Statistics;

/// <summary>
/// The report's three tables in the layout of the commendation statistics forms (docs/statistics.md): campaigns,
/// provincial awards, State-level awards. Headers and notes are shared by the screen and the workbook.
/// </summary>
public static class StatisticsForms
{
    public static Message CampaignsTitle => new("SỐ PHONG TRÀO THI ĐUA VÀ SỐ ĐƠN VỊ ĐĂNG KÝ THI ĐUA");
    public static Message ProvincialTitle => new("SỐ LƯỢNG KHEN THƯỞNG CẤP TỈNH");
    public static Message StateTitle => new("SỐ LƯỢNG KHEN THƯỞNG CẤP NHÀ NƯỚC");

    /// <summary>Where the figures come from: the registry's current lines decided in the period.</summary>
    public static Message Source(StatisticsReport report) => new(
        "Số liệu lấy từ sổ khen thưởng: các quyết định ký từ ngày {0} đến ngày {1}; không tính khen thưởng đã thu hồi hoặc đã được đính chính bằng quyết định khác.",
        report.From, report.To);

    /// <summary>The forms' columns the system has no data for: shown empty, never guessed.</summary>
    public static Message NotRecorded => new(
        "Các cột (6), (7), (8) để trống: hệ thống không ghi nhận người được khen thưởng là lãnh đạo, quản lý hay công nhân, nông dân, người lao động trực tiếp, cũng không ghi nhận dân tộc.");

    /// <summary>What the workbook is and is not: the forms of the circular in force could not be read (docs/statistics.md),
    /// so no official form code is printed and the office copies the figures into the official form.</summary>
    public static Message FormsNote => new(
        "Biểu do hệ thống lập theo bố cục chung của biểu báo cáo thống kê ngành Nội vụ về thi đua, khen thưởng, không phải biểu mẫu chính thức: trước khi nộp, chép số liệu vào biểu mẫu của thông tư đang có hiệu lực (Thông tư số 18/2025/TT-BNV nếu đã thay thế Thông tư số 02/2023/TT-BNV).");

    public static Message StateNote => new(
        "Khen thưởng cấp Nhà nước do cấp trên quyết định; chỉ tính các quyết định đã được ghi vào sổ khen thưởng.");

    public static Message RegistrationNote => new(
        "Số đơn vị đăng ký thi đua: số đơn vị đã đăng ký danh hiệu, hình thức khen thưởng trong phong trào (chức năng Đăng ký thi đua).");

    public static Message TypeName(CampaignType type) => type == CampaignType.Regular ? new("Thường xuyên") : new("Chuyên đề");

    public static IReadOnlyList<FormSheet> Sheets(StatisticsReport report)
    {
        string[] particulars =
        [
            new Message("Đơn vị báo cáo: {0}", report.ScopeName).ToString(),
            new Message("Năm {0} (kỳ báo cáo từ ngày {1} đến ngày {2})", report.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), report.From, report.To).ToString(),
        ];
        return [Campaigns(report, particulars), Awards("Khen thưởng cấp tỉnh", ProvincialTitle, report.ProvincialAwards, report.ProvincialTotal, particulars,
                [Source(report), NotRecorded, FormsNote]),
            Awards("Khen thưởng cấp Nhà nước", StateTitle, report.StateAwards, report.StateTotal, particulars, [Source(report), NotRecorded, StateNote, FormsNote])];
    }

    private static FormSheet Campaigns(StatisticsReport report, string[] particulars)
    {
        HeaderCell[] header =
        [
            new(0, 0, "Mã số", RowSpan: 2), new(0, 1, "Tên phong trào thi đua", RowSpan: 2), new(0, 2, "Loại phong trào", RowSpan: 2),
            new(0, 3, "Số đơn vị đăng ký thi đua", RowSpan: 2), new(0, 4, "Số được khen thưởng", ColumnSpan: 3),
            new(1, 4, "Tập thể"), new(1, 5, "Hộ gia đình"), new(1, 6, "Cá nhân"),
        ];
        var rows = report.Campaigns.Select(c => new FormRow([c.Code, c.Name, TypeName(c.Type).ToString(), c.RegisteredUnits, c.Collectives, c.Households, c.Individuals]))
            .ToList();
        var total = report.CampaignTotal;
        rows.Add(new FormRow(["", new Message("Tổng số: {0} phong trào (thường xuyên {1}, chuyên đề {2})", report.Campaigns.Count, report.RegularCampaigns,
            report.ThematicCampaigns).ToString(), "", total.RegisteredUnits, total.Collectives, total.Households, total.Individuals], IsTotal: true));
        return new FormSheet("Phong trào thi đua", "Biểu: Phong trào thi đua", CampaignsTitle.ToString(), particulars, 2, header,
            ["A", "B", "1", "2", "3", "4", "5"], rows, [Source(report).ToString(), RegistrationNote.ToString(), FormsNote.ToString()], [8, 48, 16, 16, 12, 12, 12]);
    }

    private static FormSheet Awards(string sheetName, Message title, IReadOnlyList<AwardRow> awards, AwardRow total, string[] particulars, Message[] notes)
    {
        HeaderCell[] header =
        [
            new(0, 0, "Mã số", RowSpan: 3), new(0, 1, "Hình thức khen thưởng", RowSpan: 3), new(0, 2, "Tổng số", RowSpan: 3),
            new(0, 3, "Tập thể", RowSpan: 3), new(0, 4, "Hộ gia đình", RowSpan: 3), new(0, 5, "Cá nhân", ColumnSpan: 5),
            new(1, 5, "Tổng số", RowSpan: 2), new(1, 6, "Trong đó", ColumnSpan: 4),
            new(2, 6, "Nữ"), new(2, 7, "Lãnh đạo, quản lý"), new(2, 8, "Công nhân, nông dân, người lao động trực tiếp"), new(2, 9, "Người dân tộc thiểu số"),
        ];
        var rows = awards.Select(a => Row(a.Code, a.Name, a, false)).ToList();
        rows.Add(Row("", "Tổng cộng", total, true));
        return new FormSheet(sheetName, "Biểu: " + sheetName, title.ToString(), particulars, 3, header,
            ["A", "B", "1", "2", "3", "4", "5", "6", "7", "8"], rows, notes.Select(n => n.ToString()).ToList(),
            [8, 40, 10, 10, 10, 10, 10, 14, 18, 14]);
    }

    private static FormRow Row(string code, string name, AwardRow a, bool total) =>
        new([code, name, a.Total, a.Collectives, a.Households, a.Individuals, a.Women, null, null, null], total);
}
