using System.Globalization;
using Commendations.Domain.Documents;
using Commendations.Features.Documents.Official;

namespace Commendations.Features.Documents.Appraisal;

/// <summary>
/// The appraisal report (báo cáo kết quả thẩm định) as an <see cref="OfficialDocument"/>: the office's heading, "Kính gửi"
/// the head of the province, the counts by award form and kind, the table of nominations (name, unit, award, the council's
/// vote, the appraisal comment), the office's conclusion and its proposal to the leader, the signer's block.
/// </summary>
public static class AppraisalReportDocument
{
    private static readonly CultureInfo Vietnamese = new("vi-VN");

    public static readonly IReadOnlyList<Column> Columns =
    [
        new("STT", 10, true), new("Tập thể, cá nhân", 33), new("Đơn vị", 28), new("Hình thức khen thưởng", 26),
        new("Kết quả biểu quyết của Hội đồng", 28), new("Ý kiến thẩm định", 0),
    ];

    public static OfficialDocument Of(AppraisalReport r)
    {
        var leader = $"Chủ tịch {r.ProvinceName}";
        var byAward = r.Nominations.GroupBy(n => n.AwardFormName).ToList();
        var body = new List<DocumentBlock>
        {
            new Paragraph([new Span($"Kính gửi: {leader}.")], BlockAlign.Center, Indent: false),
            new Paragraph($"Căn cứ hồ sơ đề nghị khen thưởng của các cơ quan, đơn vị trong {r.CampaignName} ({r.CampaignCode}), {r.Office} đã thẩm định " +
                          "hồ sơ, đối chiếu với điều kiện, tiêu chuẩn khen thưởng và báo cáo kết quả như sau:"),
            new Heading("I. Kết quả thẩm định", Centered: false),
            new Paragraph(r.Nominations.Count == 0
                ? "Không có hồ sơ nào đã được thẩm định và đang chờ quyết định khen thưởng."
                : $"Số hồ sơ đủ điều kiện, tiêu chuẩn, trình quyết định khen thưởng: {DecisionWording.Count(r.Nominations.Count)} hồ sơ ({Counts(r.Nominations)}), gồm:"),
        };
        body.AddRange(byAward.Select(g => new Paragraph($"- {g.Key}: {Counts(g.ToList())};")));
        if (r.Nominations.Count > 0)
            body.Add(new Table(Columns, r.Nominations.Select((n, i) => (IReadOnlyList<string>)
                [(i + 1).ToString(CultureInfo.InvariantCulture), n.NomineeName, n.UnitName, n.AwardFormName, n.VoteResult ?? "Không qua Hội đồng", n.AppraisalComment ?? ""]).ToList()));
        body.Add(new Heading("II. Kết luận và đề xuất", Centered: false));
        if (r.Nominations.Count > 0)
        {
            body.Add(new Paragraph($"{Capitalised(r.Office)} nhận thấy các tập thể, cá nhân có tên trong danh sách trên đủ điều kiện, tiêu chuẩn khen thưởng " +
                                   "theo quy định của pháp luật về thi đua, khen thưởng; hồ sơ đúng thủ tục, đã được công khai lấy ý kiến theo quy định."));
            body.AddRange(byAward.Select(g => new Paragraph(ProposalLine(leader, g.Key, g.ToList()))));
        }
        else
        {
            body.Add(new Paragraph("Chưa có hồ sơ để trình quyết định khen thưởng."));
        }

        return new OfficialDocument(Heading(r.Office), "Số: ……/BC-TĐKT", VietnameseDates.PlaceAndDate(r.Place, r.Date), "BÁO CÁO",
            ["Kết quả thẩm định hồ sơ đề nghị khen thưởng", r.AwardFormName is { } form ? $"{r.CampaignName} – {form}" : r.CampaignName],
            body, [new DocumentSigner("Người báo cáo", Titles(r.Signer), r.Signer.Name)], ["Như trên;", "Lưu: VT."])
        {
            Title = $"Báo cáo kết quả thẩm định – {r.CampaignName}",
        };
    }

    /// <summary>"Kính trình Chủ tịch … xem xét, quyết định tặng Bằng khen … cho 01 tập thể và 02 cá nhân (có danh sách kèm theo)."</summary>
    public static string ProposalLine(string leader, string awardFormName, IReadOnlyCollection<AppraisedNomination> nominations) =>
        $"Kính trình {leader} xem xét, quyết định tặng {awardFormName} cho {Counts(nominations)} (có danh sách kèm theo).";

    /// <summary>"01 tập thể và 02 cá nhân", as the decision counts them.</summary>
    public static string Counts(IReadOnlyCollection<AppraisedNomination> nominations)
    {
        var worded = nominations.Select(n => new WordedAwardee(n.Kind, n.NomineeName)).ToList();
        // One person alone would be named ("cá nhân …"); the report counts.
        return worded.Count == 1 && worded[0].Kind == Domain.Catalog.NomineeKind.Individual ? "01 cá nhân" : DecisionWording.Recipients(worded);
    }

    /// <summary>"bao-cao-tham-dinh-TD-2026" (with the award form's words when the report is for one).</summary>
    public static string FileName(AppraisalReport r) =>
        "bao-cao-tham-dinh-" + DocumentFiles.Slug(r.AwardFormName is { } form ? $"{r.CampaignCode}-{form}" : r.CampaignCode);

    /// <summary>The office's name in capitals, the parent body first on its own line when the name has one ("Sở … – Phòng …").</summary>
    private static IReadOnlyList<string> Heading(string office) =>
        office.Split(['–', '—'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(p => p.ToUpper(Vietnamese)).ToList();

    private static IReadOnlyList<string> Titles(AppraisalSigner signer) =>
        string.IsNullOrWhiteSpace(signer.Title) ? ["NGƯỜI BÁO CÁO"] : [signer.Title.ToUpper(Vietnamese)];

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpper(text[0], Vietnamese) + text[1..];
}
