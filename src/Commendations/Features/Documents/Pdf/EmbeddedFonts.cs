using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace Commendations.Features.Documents.Pdf;

/// <summary>
/// The one typeface of the generated documents: Noto Serif (SIL Open Font License 1.1, Resources/Fonts/OFL.txt), shipped
/// inside the assembly so a fresh machine or container needs no installed font; it covers every Vietnamese letter with its
/// tone marks. PDFsharp embeds the subset of glyphs a document uses. Bold italic is simulated from the bold face (one file less).
/// </summary>
public sealed class EmbeddedFonts : IFontResolver
{
    public const string Family = "Noto Serif";

    private const string Regular = "NotoSerif-Regular", Bold = "NotoSerif-Bold", Italic = "NotoSerif-Italic";
    private static readonly ConcurrentDictionary<string, byte[]> Faces = new();
    private static readonly object Gate = new();

    /// <summary>
    /// Installs the resolver once per process: PDFsharp keeps it in a global setting that must not change after first use.
    /// </summary>
    public static void Install()
    {
        if (GlobalFontSettings.FontResolver is EmbeddedFonts)
            return;
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is null)
                GlobalFontSettings.FontResolver = new EmbeddedFonts();
            else if (GlobalFontSettings.FontResolver is not EmbeddedFonts)
                throw new InvalidOperationException("Another PDFsharp font resolver is installed; the documents need EmbeddedFonts.");
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) => (bold, italic) switch
    {
        (true, true) => new FontResolverInfo(Bold, mustSimulateBold: false, mustSimulateItalic: true),
        (true, false) => new FontResolverInfo(Bold),
        (false, true) => new FontResolverInfo(Italic),
        _ => new FontResolverInfo(Regular),
    };

    public byte[]? GetFont(string faceName) => Faces.GetOrAdd(faceName, Load);

    private static byte[] Load(string face)
    {
        using var stream = typeof(EmbeddedFonts).Assembly.GetManifestResourceStream($"Commendations.Fonts.{face}.ttf")
                           ?? throw new InvalidOperationException($"The font {face}.ttf is not embedded in the assembly.");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }
}
