using Commendations.Features.Documents.SubmissionLetters;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Commendations.Features.Documents.Docx;

/// <summary>
/// The submission letter and its nominee list as an editable Word draft (.docx, Open XML SDK): the same words as
/// <see cref="Pdf.SubmissionLetterPdf"/>, in Times New Roman 13 pt as units type their letters, A4 portrait with the
/// Decree 30/2020 margins; the list in a landscape section with a ruled table whose header row repeats on each page.
/// The unit fills in the number and date, edits what it needs and has it signed.
/// </summary>
public static class SubmissionLetterDocx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static byte[] Write(SubmissionLetterContent letter)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            body.Append(Header(letter));
            body.Append(WordText.Para("TỜ TRÌNH", bold: true, center: true, size: 14, spaceBefore: 240));
            body.Append(WordText.Para(letter.Subject, bold: true, center: true, size: 14));
            body.Append(WordText.Para($"Kính gửi: {letter.Addressee}.", center: true, spaceBefore: 240, spaceAfter: 240));
            foreach (var line in letter.Basis)
                body.Append(WordText.Para(line, italic: true, justify: true, indent: true));
            body.Append(WordText.Para(letter.ProposalIntro, justify: true, indent: true));
            foreach (var line in letter.ProposalLines)
                body.Append(WordText.Para(line, justify: true, indent: true));
            body.Append(WordText.Para(letter.ListNote, italic: true, justify: true, indent: true));
            body.Append(WordText.Para(letter.Closing, justify: true, indent: true, spaceAfter: 240));
            body.Append(Footer(letter));
            // The letter's section ends here (portrait); the list follows in its own landscape section.
            body.Append(new Paragraph(new ParagraphProperties(WordText.Section(landscape: false))));
            body.Append(WordText.Para(letter.ListTitle, bold: true, center: true, size: 14));
            body.Append(WordText.Para(letter.ListSubject, bold: true, center: true, size: 14));
            body.Append(WordText.Para(letter.ListAttachment, italic: true, center: true, spaceAfter: 240));
            body.Append(WordText.Table([3, 16, 6, 6, 20, 16, 33], SubmissionLetterContent.ListHeaders, letter.ListRows, borders: true));
            body.Append(WordText.Section(landscape: true));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    /// <summary>Parent and unit (left), nation and motto (right); number and place-date below, in a table without borders.</summary>
    private static Table Header(SubmissionLetterContent letter)
    {
        var left = new List<Paragraph>();
        if (!string.IsNullOrWhiteSpace(letter.ParentHeading))
            left.Add(WordText.Para(letter.ParentHeading, center: true, size: 12));
        left.Add(WordText.Para(letter.UnitHeading, bold: true, center: true, size: 12));
        left.Add(WordText.Para("―――――", center: true, size: 10));
        left.Add(WordText.Para(SubmissionLetterContent.Number, center: true));
        var right = new List<Paragraph>
        {
            WordText.Para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true, center: true, size: 12),
            WordText.Para("Độc lập - Tự do - Hạnh phúc", bold: true, center: true),
            WordText.Para("―――――――――――――", center: true, size: 10),
            WordText.Para(letter.PlaceAndDate, italic: true, center: true),
        };
        return WordText.Layout([40, 60], [left, right]);
    }

    /// <summary>"Nơi nhận:" (left) beside the signer's title, room to sign and the name (right).</summary>
    private static Table Footer(SubmissionLetterContent letter)
    {
        var left = new List<Paragraph> { WordText.Para("Nơi nhận:", bold: true, italic: true, size: 12) };
        left.AddRange(letter.Recipients.Select(r => WordText.Para($"- {r}", size: 11)));
        var right = new List<Paragraph> { WordText.Para(letter.SignerHeading, bold: true, center: true) };
        right.AddRange(Enumerable.Range(0, 4).Select(_ => WordText.Para("", center: true)));
        right.Add(WordText.Para(letter.SignerName ?? "", bold: true, center: true));
        return WordText.Layout([50, 50], [left, right]);
    }
}
