using System.Globalization;
using Commendations.Features.Decisions;
using Commendations.Features.Documents.Pdf;

namespace Commendations.Features.Documents.Official;

/// <summary>
/// The award decision as an <see cref="OfficialDocument"/> for its editable .docx draft: the same words, from the same
/// <see cref="DecisionDetail"/>, in the same order as <see cref="DecisionPdf"/> and the printable page — heading, subject,
/// authority, legal bases and proposal (italics), "QUYẾT ĐỊNH:", the articles with the list after Article 1, the
/// recipients beside the signature block.
/// </summary>
public static class DecisionDocument
{
    public static OfficialDocument Of(DecisionDetail d)
    {
        var body = new List<DocumentBlock> { new Heading(d.AuthorityLine) };
        body.AddRange(d.LegalBasis.Append(d.ProposalLine).Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => new Paragraph(l, italic: true)));
        body.Add(new Heading("QUYẾT ĐỊNH:"));
        body.Add(Article(1, d.ArticleOne));
        body.Add(new Table(DecisionPdf.AwardeeColumns.Select(c => new Column(c.Header, c.WidthMm, c.Align == TextAlign.Center)).ToList(),
            d.Awardees.Select((a, i) => (IReadOnlyList<string>)[(i + 1).ToString(CultureInfo.InvariantCulture), a.ListedName, a.UnitName, a.AwardFormName]).ToList()));
        body.Add(Article(2, "Quyết định này có hiệu lực kể từ ngày ký."));
        body.Add(Article(3, d.ExecutionLine));

        IReadOnlyList<string> subject = d.AmendsDecisionNumber is { } amended ? [d.Subject, $"(sửa đổi, bổ sung Quyết định số {amended})"] : [d.Subject];
        return new OfficialDocument([d.IssuerHeading], $"Số: {d.Number}", d.PlaceAndDate, "QUYẾT ĐỊNH", subject, body,
            [new DocumentSigner("Người ký", d.SignatureLines, d.SignerName)], d.Recipients)
        {
            Title = $"Quyết định số {d.Number}",
        };
    }

    /// <summary>"quyet-dinh-05-QD-UBND" (the PDF's name without its extension).</summary>
    public static string BaseName(DecisionDetail d) => Path.GetFileNameWithoutExtension(DecisionPdf.FileName(d.Number));

    private static Paragraph Article(int number, string text) => new([new Span($"Điều {number}.", Bold: true), new Span(" " + text)]);
}
