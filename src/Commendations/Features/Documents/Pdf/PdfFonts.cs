using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Commendations.Features.Documents.Pdf;

/// <summary>The documents' typeface (<see cref="EmbeddedFonts"/>) at a size and style, with Unicode encoding so text extracts with its diacritics.</summary>
internal static class PdfFonts
{
    public static XFont Of(double size, XFontStyleEx style = XFontStyleEx.Regular)
    {
        EmbeddedFonts.Install();
        return new XFont(EmbeddedFonts.Family, size, style, new XPdfFontOptions(PdfFontEncoding.Unicode));
    }
}
