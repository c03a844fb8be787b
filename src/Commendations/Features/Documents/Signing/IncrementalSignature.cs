using Commendations.Engine;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Commendations.Features.Documents.Signing;

/// <summary>
/// Adds a signature to a PDF that is already signed — the agency's seal after the leader's signature — as an
/// <b>incremental update</b>: the original bytes stay exactly as they are (so the earlier signature, whose /ByteRange
/// covers them, stays valid) and new objects follow them: the signature dictionary with a reserved /Contents, the
/// signature field merged with its widget (and its appearance: the agency's round seal, or a person's framed "Ký bởi"
/// box), new versions of the catalog (its AcroForm's /Fields)
/// and of the page (its /Annots), then a new xref section whose trailer points back with /Prev (ISO 32000-1, 7.5.6).
/// PDFsharp 6.2 cannot do this: saving rewrites the whole file and breaks the earlier signature.
/// The result is prepared like <see cref="DeferredSignature.PrepareAsync"/>: fill it with <see cref="DeferredSignature.Embed"/>.
/// </summary>
public static class IncrementalSignature
{
    /// <summary>Width of each number of the /ByteRange placeholder: enough for files up to 9.9 GB.</summary>
    private const int NumberWidth = 10;

    public static PreparedSignature Prepare(byte[] pdf, SignerIdentity signer, string reason, string location, SignaturePlace? place,
        DateTimeOffset now)
    {
        var revision = new PdfRevision(pdf);
        var next = revision.Size;
        var signature = next++;
        var field = next++;
        var catalogNumber = PdfRevision.ObjectNumber(revision.Root);
        var pageNumber = revision.Page(place?.PageIndex ?? 0);
        var fieldName = $"Signature{next}";

        var objects = new SortedDictionary<int, string> { [signature] = SignatureDictionary(signer, reason, location, now) };
        int? appearance = null;
        if (place is not null && signer.AgencySeal)
        {
            appearance = next++;
            objects[appearance.Value] = SealAppearance.Form(place.Width, place.Height);
        }
        else if (place is not null)
        {
            // A person's signature (the chair's over the secretary's) is drawn as the first one is: who, organisation, when.
            var stamp = new SignatureAppearance(signer.Name, signer.Organisation, now);
            appearance = StampForm.AddTo(objects, ref next, place.Width, place.Height, stamp.Draw);
        }
        objects[field] = Field(fieldName, signature, pageNumber, place, revision, appearance);
        AddField(revision, catalogNumber, field, objects);
        AddAnnotation(revision, pageNumber, field, objects);

        var prepared = Append(pdf, revision, objects, next);
        FillByteRange(prepared);
        return new PreparedSignature(prepared, Convert.ToBase64String(SHA256.HashData(DeferredSignature.Covered(prepared, out _))));
    }

    private static string SignatureDictionary(SignerIdentity signer, string reason, string location, DateTimeOffset now)
    {
        var at = now.ToOffset(VietnamTime.Offset);
        var placeholder = string.Join(" ", Enumerable.Repeat(new string('0', NumberWidth), 3));
        return "<</Type/Sig/Filter/Adobe.PPKLite/SubFilter/adbe.pkcs7.detached"
               + $"/M(D:{at:yyyyMMddHHmmss}+07'00')/Name{Text(signer.Name)}/Reason{Text(reason)}/Location{Text(location)}"
               + $"/ByteRange[0 {placeholder}]/Contents<{new string('0', DeferredSignature.ReservedBytes * 2)}>>>";
    }

    private static string Field(string name, int signature, int page, SignaturePlace? place, PdfRevision revision, int? appearance)
    {
        var rect = "[0 0 0 0]";
        if (place is not null)
        {
            var height = PageHeight(revision, page);
            rect = FormattableString.Invariant($"[{place.Left:0.###} {height - place.Top - place.Height:0.###} {place.Left + place.Width:0.###} {height - place.Top:0.###}]");
        }
        // Print flag (4): the seal or signature box prints with the document, as a stamp on paper would.
        return $"<</FT/Sig/T{Text(name)}/V {signature} 0 R/Type/Annot/Subtype/Widget/F 4/P {page} 0 R/Rect{rect}"
               + (appearance is { } a ? $"/AP<</N {a} 0 R>>" : "") + ">>";
    }

    private static double PageHeight(PdfRevision revision, int page)
    {
        var box = Regex.Match(revision.Body(page), @"/MediaBox\s*\[\s*([\d.\-]+)\s+([\d.\-]+)\s+([\d.\-]+)\s+([\d.\-]+)\s*\]");
        return box.Success ? double.Parse(box.Groups[4].Value, CultureInfo.InvariantCulture) - double.Parse(box.Groups[2].Value, CultureInfo.InvariantCulture) : 842;
    }

    /// <summary>The catalog's AcroForm (inline or its own object) with the new field in /Fields and /SigFlags 3.</summary>
    private static void AddField(PdfRevision revision, int catalogNumber, int field, SortedDictionary<int, string> objects)
    {
        var catalog = revision.Body(catalogNumber);
        if (PdfRevision.Key(catalog, "AcroForm") is { } formReference && formReference.EndsWith('R'))
        {
            var formNumber = PdfRevision.ObjectNumber(formReference);
            objects[formNumber] = WithReference(revision.Body(formNumber), "Fields", field);
            return;
        }
        objects[catalogNumber] = catalog.Contains("/AcroForm", StringComparison.Ordinal)
            ? WithReference(catalog, "Fields", field)
            : Inserted(catalog, $"/AcroForm<</SigFlags 3/Fields[{field} 0 R]>>");
    }

    /// <summary>The page with the widget in its /Annots (inline, its own array object, or new).</summary>
    private static void AddAnnotation(PdfRevision revision, int pageNumber, int field, SortedDictionary<int, string> objects)
    {
        var page = revision.Body(pageNumber);
        if (PdfRevision.Key(page, "Annots") is { } arrayReference && arrayReference.EndsWith('R'))
        {
            var arrayNumber = PdfRevision.ObjectNumber(arrayReference);
            var array = revision.Body(arrayNumber);
            objects[arrayNumber] = array.TrimEnd()[..^1] + $" {field} 0 R]";
            return;
        }
        objects[pageNumber] = WithReference(page, "Annots", field);
    }

    /// <summary>The dictionary with <c>n 0 R</c> added to its array <paramref name="key"/>, or the array created.</summary>
    private static string WithReference(string dictionary, string key, int number)
    {
        var array = Regex.Match(dictionary, $@"/{key}\s*\[([^\]]*)\]");
        return array.Success
            ? dictionary[..(array.Groups[1].Index + array.Groups[1].Length)] + $" {number} 0 R" + dictionary[(array.Groups[1].Index + array.Groups[1].Length)..]
            : Inserted(dictionary, $"/{key}[{number} 0 R]");
    }

    private static string Inserted(string dictionary, string entry)
    {
        var end = dictionary.LastIndexOf(">>", StringComparison.Ordinal);
        return dictionary[..end] + entry + dictionary[end..];
    }

    /// <summary>The original bytes, the objects, and an xref section with one subsection per object and the trailer.</summary>
    private static byte[] Append(byte[] pdf, PdfRevision revision, SortedDictionary<int, string> objects, int size)
    {
        using var output = new MemoryStream();
        output.Write(pdf);
        var offsets = new SortedDictionary<int, long>();
        void Write(string text) => output.Write(Encoding.Latin1.GetBytes(text));
        if (pdf[^1] != '\n')
            Write("\n");
        foreach (var (number, body) in objects)
        {
            offsets[number] = output.Position;
            Write($"{number} 0 obj\n");
            if (body.StartsWith("stream:", StringComparison.Ordinal))
                WriteStream(output, body["stream:".Length..]);
            else
                Write(body + "\n");
            Write("endobj\n");
        }
        var xref = output.Position;
        var table = new StringBuilder("xref\n");
        foreach (var (number, offset) in offsets)
            table.Append(CultureInfo.InvariantCulture, $"{number} 1\n{offset:D10} 00000 n \n");
        table.Append(CultureInfo.InvariantCulture, $"trailer\n<</Size {size}/Root {revision.Root}")
            .Append(revision.Info is { } info ? $"/Info {info}" : "")
            .Append(revision.Id is { } id ? $"/ID{id}" : "")
            .Append(CultureInfo.InvariantCulture, $"/Prev {revision.LastXref}>>\nstartxref\n{xref}\n%%EOF\n");
        Write(table.ToString());
        return output.ToArray();
    }

    /// <summary>A stream object given as "dictionary entries|content": the /Length computed here.</summary>
    private static void WriteStream(MemoryStream output, string spec)
    {
        var split = spec.IndexOf('|');
        var content = Encoding.Latin1.GetBytes(spec[(split + 1)..]);
        output.Write(Encoding.Latin1.GetBytes($"<<{spec[..split]}/Length {content.Length}>>\nstream\n"));
        output.Write(content);
        output.Write("\nendstream\n"u8);
    }

    /// <summary>Writes the real /ByteRange (the whole file but the /Contents hex string) over the placeholder of the last signature.</summary>
    private static void FillByteRange(byte[] prepared)
    {
        var latin = Encoding.Latin1.GetString(prepared);
        var range = latin.LastIndexOf("/ByteRange[0 ", StringComparison.Ordinal);
        var contents = latin.IndexOf("/Contents<", range, StringComparison.Ordinal) + "/Contents".Length;
        var after = latin.IndexOf('>', contents) + 1;
        var numbers = string.Join(" ", new long[] { contents, after, prepared.Length - after }.Select(n => n.ToString(CultureInfo.InvariantCulture).PadRight(NumberWidth)));
        Encoding.ASCII.GetBytes(numbers).CopyTo(prepared, range + "/ByteRange[0 ".Length);
    }

    /// <summary>A PDF text string in UTF-16BE with its byte order mark, so Vietnamese names keep their letters.</summary>
    private static string Text(string text) => "<FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(text)) + ">";
}
