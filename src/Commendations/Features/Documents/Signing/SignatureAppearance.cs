using Commendations.Engine;
using System.Globalization;
using Commendations.Features.Documents.Pdf;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Annotations;

namespace Commendations.Features.Documents.Signing;

/// <summary>
/// What a visible signature shows in its box, as Vietnamese signed documents print it: "Ký bởi: Ngô Đức Mạnh" and
/// "Ngày ký: 12/01/2027 09:15" (Vietnam time), in the documents' own font, framed.
/// </summary>
internal sealed class SignatureAppearance(string signerName, DateTimeOffset signedAt) : IAnnotationAppearanceHandler
{
    public void DrawAppearance(XGraphics gfx, XRect placed)
    {
        // The appearance is a form of the box's size: it is drawn from its own origin, not at the box's place on the page.
        var rect = new XRect(0, 0, placed.Width, placed.Height);
        EmbeddedFonts.Install();
        var font = new XFont(EmbeddedFonts.Family, 9, XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));
        var bold = new XFont(EmbeddedFonts.Family, 9, XFontStyleEx.Bold, new XPdfFontOptions(PdfFontEncoding.Unicode));
        gfx.DrawRectangle(new XPen(XColors.DarkRed, 0.8), rect.X + 0.5, rect.Y + 0.5, rect.Width - 1, rect.Height - 1);
        var at = signedAt.ToOffset(VietnamTime.Offset).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
        var lineHeight = font.GetHeight();
        var top = rect.Y + (rect.Height - 2 * lineHeight) / 2;
        gfx.DrawString($"Ký bởi: {signerName}", bold, XBrushes.DarkRed, new XRect(rect.X, top, rect.Width, lineHeight), XStringFormats.TopCenter);
        gfx.DrawString($"Ngày ký: {at}", font, XBrushes.DarkRed, new XRect(rect.X, top + lineHeight, rect.Width, lineHeight), XStringFormats.TopCenter);
    }
}
