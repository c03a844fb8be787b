using Commendations.Domain.Catalog;
using Commendations.Domain.Documents;
using Commendations.Features.Registry;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Commendations.Features.Documents.Pdf;

/// <summary>How a certificate is printed: only its fields, onto a pre-printed blank; or in full, with a border and the title, as a proof on plain paper.</summary>
public enum CertificateMode
{
    Blank,
    Full,
}

/// <summary>
/// Certificates (Bằng khen, Bằng chứng nhận, Giấy khen) as a PDF of one page each, every field at the place its award
/// form's <see cref="CertificateLayout"/> gives in millimetres from the blank's top-left corner, so the sheet fed into the
/// printer receives the text where the blank leaves room for it. The full mode adds what the blank has pre-printed (the
/// national heading, the authority, the title, a border) for checking the layout on plain paper.
/// </summary>
public static class CertificatePdf
{
    public static byte[] Build(IReadOnlyList<(CertificateView Certificate, CertificateLayout Layout)> certificates, CertificateMode mode)
    {
        EmbeddedFonts.Install();
        using var document = new PdfDocument();
        document.Info.Title = certificates.Count == 1
            ? $"{certificates[0].Certificate.Title} – {certificates[0].Certificate.NomineeName}"
            : $"{certificates.FirstOrDefault().Certificate?.Title ?? AwardForm.DefaultCertificateTitle} – Quyết định số {certificates.FirstOrDefault().Certificate?.DecisionNumber}";
        document.Info.Creator = "Commendations";
        document.Language = "vi-VN";
        foreach (var (certificate, layout) in certificates)
        {
            var page = document.AddPage();
            page.Size = layout.Paper == CertificatePaper.A3 ? PageSize.A3 : PageSize.A4;
            page.Orientation = layout.Orientation == CertificateOrientation.Landscape ? PageOrientation.Landscape : PageOrientation.Portrait;
            using var gfx = XGraphics.FromPdfPage(page);
            if (mode == CertificateMode.Full)
                PrePrinted(gfx, page, certificate, layout);
            foreach (var position in layout.Fields)
                Field(gfx, position, Text(certificate, position.Field));
        }
        using var output = new MemoryStream();
        document.Save(output, false);
        return output.ToArray();
    }

    /// <summary>"chung-nhan-05-QD-UBND.pdf", or with the register number for one certificate.</summary>
    public static string FileName(string decisionNumber, string? registerNumber) =>
        DecisionPdf.FileName(decisionNumber).Replace("quyet-dinh-", registerNumber is null ? "chung-nhan-" : $"chung-nhan-{Ascii(registerNumber)}-");

    private static string Ascii(string text) => new(text.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());

    /// <summary>What each field prints: the text lines of the field (a "KT." signature takes two).</summary>
    public static IReadOnlyList<string> Text(CertificateView c, CertificateField field) => field switch
    {
        CertificateField.NomineeName => [c.ListedName],
        CertificateField.UnitName => [c.UnitName],
        CertificateField.Citation => [c.CertifiesTitle ? $"Đạt danh hiệu {c.AwardFormName}" : Sentence(c.Citation)],
        CertificateField.DecisionLine => [$"Quyết định số {c.DecisionNumber} ngày {c.DecisionDate.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)}"],
        CertificateField.RegisterNumber => [$"Số sổ vàng: {c.RegisterNumber}"],
        CertificateField.PlaceAndDate => [c.PlaceAndDate],
        CertificateField.SignerTitle => c.SignatureLines,
        CertificateField.SignerName => [c.SignerName],
        _ => [],
    };

    private static string Sentence(string citation) =>
        citation.Length == 0 ? citation : char.ToUpper(citation[0], System.Globalization.CultureInfo.GetCultureInfo("vi-VN")) + citation[1..];

    private static XFontStyleEx Style(CertificateField field) => field switch
    {
        CertificateField.NomineeName or CertificateField.SignerTitle or CertificateField.SignerName => XFontStyleEx.Bold,
        CertificateField.PlaceAndDate => XFontStyleEx.Italic,
        _ => XFontStyleEx.Regular,
    };

    private static void Field(XGraphics gfx, CertificateFieldPosition position, IReadOnlyList<string> texts)
    {
        var font = PdfFonts.Of(position.FontSize, Style(position.Field));
        double x = PageFlow.Mm(position.LeftMm), y = PageFlow.Mm(position.TopMm), width = PageFlow.Mm(position.WidthMm);
        var align = position.Align switch { FieldAlignment.Center => TextAlign.Center, FieldAlignment.Right => TextAlign.Right, _ => TextAlign.Left };
        foreach (var text in texts.Where(t => !string.IsNullOrWhiteSpace(t)))
            y += TextLayout.Draw(gfx, TextLayout.Lines(gfx, [new TextRun(text, font)], width), x, y, width, align);
    }

    /// <summary>The proof's stand-in for the blank: a double border, the national heading, the authority, the title and "Tặng"/"Chứng nhận".</summary>
    private static void PrePrinted(XGraphics gfx, PdfPage page, CertificateView c, CertificateLayout layout)
    {
        double width = page.Width.Point, height = page.Height.Point;
        gfx.DrawRectangle(new XPen(XColors.DarkRed, 2.5), PageFlow.Mm(8), PageFlow.Mm(8), width - PageFlow.Mm(16), height - PageFlow.Mm(16));
        gfx.DrawRectangle(new XPen(XColors.DarkRed, 0.8), PageFlow.Mm(11), PageFlow.Mm(11), width - PageFlow.Mm(22), height - PageFlow.Mm(22));
        var lines = new (string Text, double Size, XFontStyleEx Style, double TopMm)[]
        {
            ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, XFontStyleEx.Bold, 17),
            ("Độc lập - Tự do - Hạnh phúc", 13, XFontStyleEx.Bold, 23),
            (c.AuthorityLine, 14, XFontStyleEx.Bold, 36),
            (c.Title, 34, XFontStyleEx.Bold, 47),
            (c.CertifiesTitle ? "Chứng nhận" : "Tặng", 15, XFontStyleEx.Italic, layout.Of(CertificateField.NomineeName).TopMm - 10),
        };
        foreach (var (text, size, style, top) in lines)
        {
            var font = PdfFonts.Of(size, style);
            var inner = width - PageFlow.Mm(40);
            TextLayout.Draw(gfx, TextLayout.Lines(gfx, [new TextRun(text, font)], inner), PageFlow.Mm(20), PageFlow.Mm(top), inner, TextAlign.Center);
        }
    }
}
