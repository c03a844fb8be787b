using PdfSharp.Drawing;

namespace Commendations.Features.Documents.Pdf;

/// <summary>
/// The head of an administrative document (Decree 30/2020/NĐ-CP, Appendix I) for a unit's own letters: the parent body
/// (regular capitals) over the issuing unit (bold capitals) and a short rule, left; the national name and motto with the
/// motto's rule, right; below them the number (left) and the place and date in italics (right).
/// </summary>
internal static class AdministrativeHeader
{
    private const double HeaderSize = 12.5, BodySize = 13, RuleGap = 4;

    public static void Draw(PageFlow flow, string parentHeading, string unitHeading, string number, string placeAndDate)
    {
        var gfx = flow.Graphics;
        double leftWidth = flow.Width * 0.4, rightWidth = flow.Width - leftWidth;
        double leftX = flow.Left, rightX = flow.Left + leftWidth;
        var top = flow.Y;

        var body = new List<TextLine>();
        if (!string.IsNullOrWhiteSpace(parentHeading))
            body.AddRange(TextLayout.BalancedLines(gfx, [new TextRun(parentHeading, PdfFonts.Of(HeaderSize))], leftWidth - 6));
        var unit = TextLayout.BalancedLines(gfx, [new TextRun(unitHeading, PdfFonts.Of(HeaderSize, XFontStyleEx.Bold))], leftWidth - 6);
        body.AddRange(unit);
        var leftRule = top + TextLayout.Draw(gfx, body, leftX, top, leftWidth, TextAlign.Center) + RuleGap;
        flow.Rule(leftX + leftWidth / 2, unit.Max(l => l.Width) * 0.4, leftRule);

        var nation = TextLayout.Lines(gfx, [new TextRun("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", PdfFonts.Of(HeaderSize, XFontStyleEx.Bold))], rightWidth);
        var motto = TextLayout.Lines(gfx, [new TextRun("Độc lập - Tự do - Hạnh phúc", PdfFonts.Of(BodySize, XFontStyleEx.Bold))], rightWidth);
        var rightRule = top + TextLayout.Draw(gfx, nation, rightX, top, rightWidth, TextAlign.Center);
        rightRule += TextLayout.Draw(gfx, motto, rightX, rightRule, rightWidth, TextAlign.Center) + RuleGap;
        flow.Rule(rightX + rightWidth / 2, motto.Max(l => l.Width), rightRule);

        var y = Math.Max(leftRule, rightRule) + 8;
        var numberLines = TextLayout.Lines(gfx, [new TextRun(number, PdfFonts.Of(BodySize))], leftWidth);
        var dateLines = TextLayout.Lines(gfx, [new TextRun(placeAndDate, PdfFonts.Of(BodySize, XFontStyleEx.Italic))], rightWidth);
        var below = Math.Max(TextLayout.Draw(gfx, numberLines, leftX, y, leftWidth, TextAlign.Center),
            TextLayout.Draw(gfx, dateLines, rightX, y, rightWidth, TextAlign.Center));
        flow.Y = y + below + 18;
    }
}
