using System.Text;
using PdfSharp.Drawing;

namespace Commendations.Features.Documents.Pdf;

/// <summary>A piece of text in one font: "Điều 1." in bold followed by the article in regular type is two runs.</summary>
public sealed record TextRun(string Text, XFont Font);

public enum TextAlign { Left, Center, Right, Justify }

/// <summary>One word (or the piece of a word too long for a line) as placed on a line.</summary>
internal sealed record PlacedWord(string Text, XFont Font, double Width, bool SpaceBefore);

/// <summary>A laid-out line: its words, their natural width and its height (the tallest font's line spacing).</summary>
internal sealed record TextLine(IReadOnlyList<PlacedWord> Words, double Width, double Height, double Indent, bool IsLast);

/// <summary>
/// Breaks runs into lines that fit a width, and draws lines aligned or justified (Decree 30/2020/NĐ-CP: body text is
/// justified, the first line indented). PDFsharp's own formatter neither reports the height it used nor mixes fonts in a
/// paragraph, and both are needed to break pages and to set "Điều 1." in bold inside a sentence.
/// </summary>
internal static class TextLayout
{
    /// <summary>Lines of the runs in <paramref name="width"/> points, the first indented by <paramref name="firstIndent"/>.</summary>
    public static List<TextLine> Lines(XGraphics gfx, IReadOnlyList<TextRun> runs, double width, double firstIndent = 0)
    {
        var words = Words(gfx, runs, width - firstIndent);
        var lines = new List<TextLine>();
        var current = new List<PlacedWord>();
        double used = 0;
        foreach (var word in words)
        {
            var indent = lines.Count == 0 ? firstIndent : 0;
            var gap = current.Count > 0 && word.SpaceBefore ? SpaceWidth(gfx, word.Font) : 0;
            if (current.Count > 0 && used + gap + word.Width > width - indent)
            {
                lines.Add(Line(current, used, indent, isLast: false));
                current = [];
                used = 0;
                gap = 0;
            }
            current.Add(word with { SpaceBefore = current.Count > 0 && word.SpaceBefore });
            used += gap + word.Width;
        }
        if (current.Count > 0 || lines.Count == 0)
            lines.Add(Line(current, used, lines.Count == 0 ? firstIndent : 0, isLast: true));
        return lines;
    }

    /// <summary>
    /// The narrowest width that still needs as many lines as <paramref name="width"/> does: a heading such as
    /// "ỦY BAN NHÂN DÂN TỈNH LAM GIANG" breaks into two even lines instead of a long line and a lone word.
    /// </summary>
    public static List<TextLine> BalancedLines(XGraphics gfx, IReadOnlyList<TextRun> runs, double width)
    {
        var lines = Lines(gfx, runs, width);
        if (lines.Count < 2)
            return lines;
        double low = lines.Max(l => l.Width) / lines.Count, high = width;
        while (high - low > 1)
        {
            var middle = (low + high) / 2;
            if (Lines(gfx, runs, middle).Count == lines.Count)
                high = middle;
            else
                low = middle;
        }
        return Lines(gfx, runs, high);
    }

    /// <summary>Draws the lines from <paramref name="top"/> in the box [x, x + width]; returns the height used.</summary>
    public static double Draw(XGraphics gfx, IReadOnlyList<TextLine> lines, double x, double top, double width, TextAlign align)
    {
        var y = top;
        foreach (var line in lines)
        {
            DrawLine(gfx, line, x, y, width, align);
            y += line.Height;
        }
        return y - top;
    }

    public static void DrawLine(XGraphics gfx, TextLine line, double x, double y, double width, TextAlign align)
    {
        var free = width - line.Indent - line.Width;
        var start = x + line.Indent + align switch
        {
            TextAlign.Center => free / 2,
            TextAlign.Right => free,
            _ => 0,
        };
        var gaps = line.Words.Count(w => w.SpaceBefore);
        // The last line of a justified paragraph keeps its natural spacing, as in any typeset text.
        var extra = align == TextAlign.Justify && !line.IsLast && gaps > 0 && free > 0 ? free / gaps : 0;
        var at = start;
        foreach (var word in line.Words)
        {
            if (word.SpaceBefore)
                at += SpaceWidth(gfx, word.Font) + extra;
            gfx.DrawString(word.Text, word.Font, XBrushes.Black, at, y, XStringFormats.TopLeft);
            at += word.Width;
        }
    }

    public static double Height(IEnumerable<TextLine> lines) => lines.Sum(l => l.Height);

    private static TextLine Line(List<PlacedWord> words, double width, double indent, bool isLast) =>
        new(words, width, words.Count == 0 ? 0 : words.Max(w => w.Font.GetHeight()), indent, isLast);

    private static double SpaceWidth(XGraphics gfx, XFont font) => gfx.MeasureString(" ", font).Width;

    /// <summary>The words of the runs (text in NFC, as the font's glyph table expects precomposed Vietnamese letters).</summary>
    private static IEnumerable<PlacedWord> Words(XGraphics gfx, IReadOnlyList<TextRun> runs, double width)
    {
        var spaceBefore = false;
        foreach (var run in runs)
        {
            var text = run.Text.Normalize(NormalizationForm.FormC);
            var start = 0;
            for (var i = 0; i <= text.Length; i++)
            {
                if (i < text.Length && !char.IsWhiteSpace(text[i]))
                    continue;
                if (i > start)
                {
                    foreach (var piece in Fit(gfx, text[start..i], run.Font, width))
                    {
                        yield return new PlacedWord(piece, run.Font, gfx.MeasureString(piece, run.Font).Width, spaceBefore);
                        spaceBefore = false;
                    }
                }
                if (i < text.Length)
                    spaceBefore = true;
                start = i + 1;
            }
        }
    }

    /// <summary>A word wider than the line (a long number or address) is cut where the line ends instead of overflowing.</summary>
    private static IEnumerable<string> Fit(XGraphics gfx, string word, XFont font, double width)
    {
        while (word.Length > 1 && gfx.MeasureString(word, font).Width > width)
        {
            var take = word.Length - 1;
            while (take > 1 && gfx.MeasureString(word[..take], font).Width > width)
                take--;
            yield return word[..take];
            word = word[take..];
        }
        yield return word;
    }
}
