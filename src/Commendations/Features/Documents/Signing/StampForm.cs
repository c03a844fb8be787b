using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Commendations.Features.Documents.Signing;

/// <summary>
/// A visible signature's appearance for a signature appended as an incremental update (<see cref="IncrementalSignature"/>),
/// which PDFsharp cannot write: PDFsharp draws the box on a one-page document of the box's size — text in the documents'
/// font with its embedded subset, as for the first signature — and that page's content stream and every object its
/// resources reach (fonts, their widths, font files) are copied, renumbered, into the update; the page becomes a Form
/// XObject with the same resources. The copies are byte for byte (streams keep their filters), so nothing is re-encoded.
/// </summary>
internal static class StampForm
{
    private static readonly Regex Reference = new(@"(\d+)\s+0\s+R\b", RegexOptions.Compiled);

    /// <summary>Adds the form and what it needs to <paramref name="objects"/> from number <paramref name="next"/>; returns the form's number.</summary>
    public static int AddTo(SortedDictionary<int, string> objects, ref int next, double width, double height, Action<XGraphics, XRect> draw)
    {
        var source = new PdfRevision(Drawn(width, height, draw));
        var page = source.Body(source.Page(0));
        var contents = PdfRevision.Key(page, "Contents") is { } c && c.EndsWith('R')
            ? PdfRevision.ObjectNumber(c)
            : throw new InvalidOperationException("PDFsharp wrote the stamp's page with more than one content stream.");
        var resources = PdfRevision.Key(page, "Resources") is { } r && r.EndsWith('R')
            ? source.Body(PdfRevision.ObjectNumber(r))
            : Dictionary(page, "Resources");

        // Every object the resources reach, each given a number after the document's own.
        var renumbered = new Dictionary<int, int>();
        var pending = new Queue<int>(References(resources));
        while (pending.TryDequeue(out var number))
        {
            if (renumbered.ContainsKey(number))
                continue;
            renumbered[number] = next++;
            foreach (var inner in References(source.Raw(number).Dictionary))
                pending.Enqueue(inner);
        }
        string Renumbered(string text) => Reference.Replace(text, m => $"{renumbered[int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)]} 0 R");
        foreach (var (old, number) in renumbered)
        {
            var (dictionary, stream) = source.Raw(old);
            objects[number] = stream is null ? Renumbered(dictionary) : "stream:" + WithoutLength(Renumbered(dictionary)) + "|" + stream;
        }

        var content = source.Raw(contents);
        var form = next++;
        objects[form] = "stream:" + FormattableString.Invariant($"/Type/XObject/Subtype/Form/BBox[0 0 {width:0.###} {height:0.###}]")
                        + "/Resources" + Renumbered(resources) + WithoutLength(content.Dictionary) + "|" + content.Stream;
        return form;
    }

    /// <summary>The box drawn by PDFsharp on a page exactly its size.</summary>
    private static byte[] Drawn(double width, double height, Action<XGraphics, XRect> draw)
    {
        using var document = new PdfDocument();
        var page = document.AddPage();
        page.Width = XUnit.FromPoint(width);
        page.Height = XUnit.FromPoint(height);
        using (var gfx = XGraphics.FromPdfPage(page))
            draw(gfx, new XRect(0, 0, width, height));
        using var output = new MemoryStream();
        document.Save(output, false);
        return output.ToArray();
    }

    private static IEnumerable<int> References(string text) =>
        Reference.Matches(text).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));

    /// <summary>A dictionary's entries without its outer brackets and its /Length (the writer sets the length).</summary>
    private static string WithoutLength(string dictionary)
    {
        var inner = dictionary.Trim();
        inner = inner[2..^2];
        return Regex.Replace(inner, @"/Length\s+\d+(\s+0\s+R)?", "");
    }

    /// <summary>The inline dictionary that is the value of <paramref name="key"/>, brackets included.</summary>
    private static string Dictionary(string body, string key)
    {
        var start = body.IndexOf("/" + key, StringComparison.Ordinal);
        var open = start < 0 ? -1 : body.IndexOf("<<", start, StringComparison.Ordinal);
        if (open < 0)
            return "<<>>";
        var depth = 0;
        for (var i = open; i < body.Length - 1; i++)
        {
            if (body[i] == '<' && body[i + 1] == '<') { depth++; i++; }
            else if (body[i] == '>' && body[i + 1] == '>')
            {
                depth--;
                i++;
                if (depth == 0)
                    return body[open..(i + 1)];
            }
        }
        throw new InvalidOperationException("The stamp's page has an unterminated /Resources dictionary.");
    }
}
