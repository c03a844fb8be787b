using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Commendations.Common.Errors;
using Commendations.Common.Text;

namespace Commendations.Features.Documents.Signing;

/// <summary>
/// The latest revision of a PDF as its cross-reference tables describe it: where each object is, the trailer's /Size,
/// /Root, /Info and /ID, and the offset of the last xref section. Enough to append an incremental update without
/// touching a byte of what is already there (an earlier signature covers those bytes). PDFsharp writes classic xref
/// tables; a file with cross-reference streams is refused rather than half understood.
/// </summary>
internal sealed class PdfRevision
{
    private static readonly Regex StartXref = new(@"startxref\s+(\d+)\s+%%EOF\s*$", RegexOptions.Compiled | RegexOptions.RightToLeft);
    private static readonly Regex Reference = new(@"(\d+)\s+(\d+)\s+R", RegexOptions.Compiled);

    private readonly byte[] _pdf;
    private readonly string _latin;
    private readonly Dictionary<int, (long Offset, int Generation)> _objects = [];

    public long LastXref { get; }
    public int Size { get; }
    public string Root { get; }
    public string? Info { get; }
    public string? Id { get; }

    public PdfRevision(byte[] pdf)
    {
        _pdf = pdf;
        _latin = Encoding.Latin1.GetString(pdf);
        var start = StartXref.Match(_latin);
        if (!start.Success)
            throw Unreadable();
        LastXref = long.Parse(start.Groups[1].Value, CultureInfo.InvariantCulture);
        string? lastTrailer = null;
        for (long? at = LastXref; at is { } offset;)
        {
            var trailer = ReadSection((int)offset);
            lastTrailer ??= trailer;
            at = Key(trailer, "Prev") is { } prev ? long.Parse(prev, CultureInfo.InvariantCulture) : null;
        }
        Size = int.Parse(Key(lastTrailer!, "Size") ?? throw Unreadable(), CultureInfo.InvariantCulture);
        Root = Key(lastTrailer!, "Root") ?? throw Unreadable();
        Info = Key(lastTrailer!, "Info");
        Id = Regex.Match(lastTrailer!, @"/ID\s*(\[[^\]]*\])") is { Success: true } id ? id.Groups[1].Value : null;
    }

    /// <summary>The body of object <paramref name="number"/> — what stands between "n g obj" and "endobj".</summary>
    public string Body(int number)
    {
        if (!_objects.TryGetValue(number, out var entry))
            throw Unreadable();
        var header = new Regex(@"\G\s*(\d+)\s+(\d+)\s+obj").Match(_latin, (int)entry.Offset);
        var end = _latin.IndexOf("endobj", header.Index + header.Length, StringComparison.Ordinal);
        if (!header.Success || end < 0 || int.Parse(header.Groups[1].Value, CultureInfo.InvariantCulture) != number)
            throw Unreadable();
        return _latin[(header.Index + header.Length)..end].Trim();
    }

    /// <summary>
    /// Object <paramref name="number"/> as its dictionary (or other value) and, for a stream, the stream's exact bytes as
    /// Latin-1 text, cut by its /Length rather than by searching for "endobj", which compressed data may contain.
    /// </summary>
    public (string Dictionary, string? Stream) Raw(int number)
    {
        if (!_objects.TryGetValue(number, out var entry))
            throw Unreadable();
        var header = new Regex(@"\G\s*(\d+)\s+(\d+)\s+obj").Match(_latin, (int)entry.Offset);
        if (!header.Success)
            throw Unreadable();
        var from = header.Index + header.Length;
        var end = _latin.IndexOf("endobj", from, StringComparison.Ordinal);
        var stream = _latin.IndexOf("stream", from, StringComparison.Ordinal);
        if (stream < 0 || (end >= 0 && end < stream))
            return end < 0 ? throw Unreadable() : (_latin[from..end].Trim(), null);
        var dictionary = _latin[from..stream].Trim();
        // Not /Length1 (a font file's own length): the key ends where the name ends.
        var length = Regex.Match(dictionary, @"/Length(?![A-Za-z0-9])\s*(\d+\s+\d+\s+R|\d+)") is { Success: true } l ? l.Groups[1].Value : throw Unreadable();
        var bytes = length.EndsWith('R') ? int.Parse(Body(ObjectNumber(length)), CultureInfo.InvariantCulture) : int.Parse(length, CultureInfo.InvariantCulture);
        // "stream" is followed by CRLF or LF, then the data.
        var data = stream + "stream".Length + (_latin[stream + "stream".Length] == '\r' ? 2 : 1);
        return (dictionary, _latin.Substring(data, bytes));
    }

    public static int ObjectNumber(string reference) =>
        Reference.Match(reference) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : throw Unreadable();

    /// <summary>The object number of page <paramref name="index"/> (from 0), walking the page tree from the catalog.</summary>
    public int Page(int index)
    {
        var pages = new List<int>();
        Collect(ObjectNumber(Key(Body(ObjectNumber(Root)), "Pages") ?? throw Unreadable()), pages, depth: 0);
        return index >= 0 && index < pages.Count ? pages[index] : throw Unreadable();
    }

    private void Collect(int node, List<int> pages, int depth)
    {
        var body = Body(node);
        if (depth > 32)
            throw Unreadable();
        if (!Regex.IsMatch(body, @"/Type\s*/Pages\b"))
        {
            pages.Add(node);
            return;
        }
        var kids = Regex.Match(body, @"/Kids\s*\[([^\]]*)\]");
        foreach (Match kid in Reference.Matches(kids.Groups[1].Value))
            Collect(int.Parse(kid.Groups[1].Value, CultureInfo.InvariantCulture), pages, depth + 1);
    }

    /// <summary>A key's value in a dictionary's text when it is a number, a name or a reference ("12 0 R").</summary>
    public static string? Key(string dictionary, string key) =>
        Regex.Match(dictionary, $@"/{key}\s*(\d+\s+\d+\s+R|\d+|/[A-Za-z0-9]+)") is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>Reads one xref section (newer entries win over those of older sections) and returns its trailer's text.</summary>
    private string ReadSection(int offset)
    {
        var text = _latin;
        var position = offset;
        if (string.CompareOrdinal(text, position, "xref", 0, 4) != 0)
            throw new UnprocessableException("pdf-not-appendable",
                new Message("Không thêm được chữ ký vào văn bản: tệp PDF dùng bảng tham chiếu dạng luồng (cross-reference stream)."));
        position += 4;
        var subsection = new Regex(@"\G\s*(\d+)\s+(\d+)\s*\r?\n");
        while (subsection.Match(text, position) is { Success: true } head)
        {
            var first = int.Parse(head.Groups[1].Value, CultureInfo.InvariantCulture);
            var count = int.Parse(head.Groups[2].Value, CultureInfo.InvariantCulture);
            position = head.Index + head.Length;
            for (var i = 0; i < count; i++)
            {
                // Each entry is 20 bytes: "oooooooooo ggggg n" and a two-character end of line.
                var entry = text.Substring(position, 20);
                if (entry[17] == 'n' && !_objects.ContainsKey(first + i))
                    _objects[first + i] = (long.Parse(entry[..10], CultureInfo.InvariantCulture), int.Parse(entry[11..16], CultureInfo.InvariantCulture));
                position += 20;
            }
        }
        var trailer = text.IndexOf("trailer", position, StringComparison.Ordinal);
        var end = trailer < 0 ? -1 : text.IndexOf("startxref", trailer, StringComparison.Ordinal);
        return trailer < 0 || end < 0 ? throw Unreadable() : text[trailer..end];
    }

    private static UnprocessableException Unreadable() =>
        new("pdf-not-appendable", new Message("Không thêm được chữ ký vào văn bản: không đọc được cấu trúc của tệp PDF."));

    public int Length => _pdf.Length;
}
