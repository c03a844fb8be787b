namespace Commendations.Features.Documents.Official;

/// <summary>
/// An administrative document as Decree 30/2020/NĐ-CP lays it out, independent of the file it is written to: the issuing
/// body beside the national motto, the number and the place and date, the kind of document and its subject, the body
/// (paragraphs, headings, ruled tables), the signers and the recipients. One model, two writers —
/// <see cref="Pdf.OfficialDocumentPdf"/> and <see cref="Docx.OfficialDocumentDocx"/> — so the PDF and the editable .docx
/// draft of a document say the same words in the same order.
/// </summary>
/// <param name="IssuerHeading">The issuing body's lines in capitals (the parent body first when there is one).</param>
/// <param name="NumberLine">"Số: 05/BB-HĐTĐKT".</param>
/// <param name="PlaceAndDate">"Lam Giang, ngày 03 tháng 12 năm 2026" (set in italics).</param>
/// <param name="Kind">"BIÊN BẢN", "QUYẾT ĐỊNH", "TỜ TRÌNH".</param>
/// <param name="Subject">Below the kind: the subject of the document, with a short rule under it.</param>
public sealed record OfficialDocument(
    IReadOnlyList<string> IssuerHeading, string NumberLine, string PlaceAndDate, string Kind, IReadOnlyList<string> Subject,
    IReadOnlyList<DocumentBlock> Body, IReadOnlyList<DocumentSigner> Signers, IReadOnlyList<string> Recipients)
{
    /// <summary>The document's title for the file's properties ("Biên bản số 05/BB-HĐTĐKT").</summary>
    public string Title { get; init; } = "";

    /// <summary>
    /// Two signers sign side by side with the recipients below them (minutes: secretary and chair); one signer signs on the
    /// right with the recipients on the left (a decision, a report).
    /// </summary>
    public bool SignersSideBySide => Signers.Count > 1;
}

/// <summary>A piece of a paragraph in one style: "Điều 1." in bold followed by the article in regular type is two spans.</summary>
public sealed record Span(string Text, bool Bold = false, bool Italic = false);

public enum BlockAlign { Justify, Left, Center }

public abstract record DocumentBlock;

/// <summary>A paragraph; body text is justified with its first line indented 1.27 cm.</summary>
public sealed record Paragraph(IReadOnlyList<Span> Spans, BlockAlign Align = BlockAlign.Justify, bool Indent = true) : DocumentBlock
{
    public Paragraph(string text, bool italic = false) : this([new Span(text, Italic: italic)]) { }

    public string Text => string.Concat(Spans.Select(s => s.Text));
}

/// <summary>A heading: centred and bold ("QUYẾT ĐỊNH:"), or at the left margin ("I. Thành phần").</summary>
public sealed record Heading(string Text, bool Centered = true) : DocumentBlock;

/// <summary>A column of a ruled table: its header, its width in millimetres (the last takes the rest), centred or not.</summary>
public sealed record Column(string Header, double WidthMm, bool Centered = false);

/// <summary>A ruled table whose header row repeats on every page it reaches; no row is split.</summary>
public sealed record Table(IReadOnlyList<Column> Columns, IReadOnlyList<IReadOnlyList<string>> Rows) : DocumentBlock;

/// <summary>A signature block: the titles (capitals, bold), the room to sign, the name.</summary>
/// <param name="Role">Who signs, in words for the signing step ("Thư ký", "Chủ trì"): the key of its signature place.</param>
public sealed record DocumentSigner(string Role, IReadOnlyList<string> Titles, string Name);
