using Commendations.Engine;
using System.Globalization;
using Commendations.Features.Documents.Pdf;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Annotations;

namespace Commendations.Features.Documents.Signing;

/// <summary>
/// What a visible personal signature shows in its box, as Vietnamese signed documents print it: "Ký bởi: Ngô Đức Mạnh",
/// the organisation its certificate names ("Ủy ban nhân dân tỉnh Lam Giang", when known) and "Ngày ký: 12/01/2027 09:15"
/// (Vietnam time), in the documents' own font, framed. The same drawing serves the first signature (PDFsharp's field) and
/// one appended later (<see cref="StampForm"/>), so both look alike.
/// </summary>
internal sealed class SignatureAppearance(string signerName, string? organisation, DateTimeOffset signedAt) : IAnnotationAppearanceHandler
{
    private const double Size = 9, Smallest = 5.5;

    public void DrawAppearance(XGraphics gfx, XRect placed) =>
        // The appearance is a form of the box's size: it is drawn from its own origin, not at the box's place on the page.
        Draw(gfx, new XRect(0, 0, placed.Width, placed.Height));

    public void Draw(XGraphics gfx, XRect rect)
    {
        EmbeddedFonts.Install();
        gfx.DrawRectangle(new XPen(XColors.DarkRed, 0.8), rect.X + 0.5, rect.Y + 0.5, rect.Width - 1, rect.Height - 1);
        var at = signedAt.ToOffset(VietnamTime.Offset).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
        var lines = new List<(string Text, bool Bold)> { ($"Ký bởi: {signerName}", true) };
        if (!string.IsNullOrWhiteSpace(organisation))
            lines.Add((organisation, false));
        lines.Add(($"Ngày ký: {at}", false));
        // One size for every line, small enough for the longest to fit the box (a long organisation name).
        var size = Size;
        while (size > Smallest && lines.Any(l => gfx.MeasureString(l.Text, Font(size, l.Bold)).Width > rect.Width - 4))
            size -= 0.5;
        var lineHeight = Font(size, false).GetHeight();
        var top = rect.Y + Math.Max(0, (rect.Height - lines.Count * lineHeight) / 2);
        foreach (var (text, bold) in lines)
        {
            gfx.DrawString(text, Font(size, bold), XBrushes.DarkRed, new XRect(rect.X + 2, top, rect.Width - 4, lineHeight), XStringFormats.TopCenter);
            top += lineHeight;
        }
    }

    private static XFont Font(double size, bool bold) =>
        new(EmbeddedFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));
}
