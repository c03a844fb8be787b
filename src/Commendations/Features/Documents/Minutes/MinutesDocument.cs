using System.Globalization;
using Commendations.Features.Documents.Official;
using Commendations.Features.Sessions;

namespace Commendations.Features.Documents.Minutes;

/// <summary>
/// The minutes of a council session as an <see cref="OfficialDocument"/>, in the order the printable page shows them:
/// committee and number, place and date, "BIÊN BẢN" and the session's title, time, place, chair and secretary, the counts,
/// attendance, the vote per nominee, the secret-ballot statement, the closing line; the secretary (left) and the chair
/// (right) sign; then "Nơi nhận".
/// </summary>
public static class MinutesDocument
{
    public const string SecretaryRole = "Thư ký", ChairRole = "Chủ trì";

    public static OfficialDocument Of(SessionMinutes m)
    {
        var text = new MinutesText(m);
        var body = new List<DocumentBlock>
        {
            new Paragraph(text.TimeLine), new Paragraph(text.PlaceLine), new Paragraph(text.ChairAndSecretaryLine), new Paragraph(text.CountsLine),
            new Heading("I. Thành phần", Centered: false),
            new Table(
                [new("STT", 12, true), new("Họ và tên", 40), new("Chức vụ trong Hội đồng", 38), new("Tình hình tham dự", 40), new("Ghi chú", 0)],
                m.Attendance.Select(a => (IReadOnlyList<string>)[Number(a.Rank), a.Name, a.Position, MinutesText.Attendance(a), MinutesText.Note(a)]).ToList()),
            new Heading("II. Kết quả bỏ phiếu", Centered: false),
            new Table(
                // Nine columns in 165 mm: the counts' headers break between words, never inside one ("Không").
                [new("STT", 10, true), new("Tập thể, cá nhân được đề nghị", 31), new("Đơn vị", 24), new("Đồng ý", 15, true), new("Không đồng ý", 15, true),
                    new("Không biểu quyết", 15, true), new("Không tham gia", 15, true), new("Tỷ lệ đồng ý / tổng số thành viên", 22, true), new("Kết quả", 0, true)],
                m.Items.Select(i => (IReadOnlyList<string>)
                    [Number(i.Order), $"{i.NomineeName} ({MinutesText.ItemDetail(i)})", i.UnitName, .. text.Counts(i), MinutesText.Outcome(i)]).ToList()),
        };
        if (text.SecretStatement is { } secret)
            body.Add(new Paragraph(secret));
        body.Add(new Paragraph(text.ClosingLine));

        var chairTitles = new List<string> { MinutesText.ChairTitle };
        if (text.ChairPosition is { Length: > 0 } position)
            chairTitles.Add(position);
        return new OfficialDocument([text.CommitteeHeading], text.NumberLine, text.PlaceAndDate, "BIÊN BẢN", [m.Title], body,
            [new DocumentSigner(SecretaryRole, [MinutesText.SecretaryTitle], m.Secretary?.Name ?? ""),
                new DocumentSigner(ChairRole, chairTitles, m.Chair?.Name ?? "")],
            m.Recipients)
        {
            Title = m.MinutesNumber is { } number ? $"Biên bản số {number}" : $"Biên bản {m.Title}",
        };
    }

    /// <summary>"bien-ban-05-BB-HDTDKT", or by the session's day while the minutes have no number.</summary>
    public static string FileName(SessionMinutes m) => "bien-ban-" + (m.MinutesNumber is { } number && DocumentFiles.Slug(number) is { Length: > 0 } slug
        ? slug : new MinutesText(m).Day.ToString("yyyyMMdd", CultureInfo.InvariantCulture));

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
