using Commendations.Features.Documents.Signing;
using PdfSharp.Drawing;

namespace Commendations.Features.Documents.Pdf;

/// <summary>
/// The foot of a letter: "Nơi nhận:" and its lines (left, 11 pt) beside the signer's title in bold capitals, room for the
/// signature and seal, and the name (right), kept together on one page. Drawing it returns the room left for the
/// signature, where a digital signature is shown.
/// </summary>
internal static class SignatureBlock
{
    private const double TitleSize = 13, RecipientsSize = 11, HeadingSize = 12.5;

    /// <summary>Room for the handwritten signature and the seal between the signer's title and name.</summary>
    public static double SignatureSpace => PageFlow.Mm(28);

    public static SignaturePlace Draw(PageFlow flow, IReadOnlyList<string> recipients, IReadOnlyList<string> titles, string? name)
    {
        var gfx = flow.Graphics;
        var half = flow.Width / 2;
        var left = TextLayout.Lines(gfx, [new TextRun("Nơi nhận:", PdfFonts.Of(HeadingSize, XFontStyleEx.BoldItalic))], half);
        foreach (var r in recipients)
            left.AddRange(TextLayout.Lines(gfx, [new TextRun($"- {r}", PdfFonts.Of(RecipientsSize))], half - 6));
        var bold = PdfFonts.Of(TitleSize, XFontStyleEx.Bold);
        var titleLines = titles.SelectMany(t => TextLayout.BalancedLines(gfx, [new TextRun(t, bold)], half)).ToList();
        var nameLines = TextLayout.Lines(gfx, [new TextRun(name ?? "", bold)], half);
        flow.Keep(Math.Max(TextLayout.Height(left), TextLayout.Height(titleLines) + SignatureSpace + TextLayout.Height(nameLines)));

        var top = flow.Y;
        var leftEnd = top + TextLayout.Draw(gfx, left, flow.Left, top, half, TextAlign.Left);
        var room = top + TextLayout.Draw(gfx, titleLines, flow.Left + half, top, half, TextAlign.Center);
        var rightEnd = room + SignatureSpace + TextLayout.Draw(gfx, nameLines, flow.Left + half, room + SignatureSpace, half, TextAlign.Center);
        flow.Y = Math.Max(leftEnd, rightEnd);
        double inset = PageFlow.Mm(12), gap = PageFlow.Mm(3);
        return new SignaturePlace(flow.PageIndex, flow.Left + half + inset, room + gap, half - 2 * inset, SignatureSpace - 2 * gap);
    }
}
