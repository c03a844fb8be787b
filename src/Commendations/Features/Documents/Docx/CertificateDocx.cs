using Commendations.Domain.Catalog;
using Commendations.Features.Documents.Pdf;
using Commendations.Features.Registry;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Commendations.Features.Documents.Docx;

/// <summary>
/// Certificates as an editable Word draft for pre-printed blanks: one section per certificate on its award form's paper
/// and orientation, and each field the PDF prints (<see cref="CertificatePdf.Text"/>: same words, same styles) as a
/// paragraph in a frame (<c>w:framePr</c>) anchored to the page at the field's left and top edges, of the field's width,
/// with its font size and alignment — so a corrected draft still prints where the blank leaves room. Frames rather than
/// text boxes: they are plain paragraphs, which every word processor edits in place. Times New Roman, as the other drafts.
/// </summary>
public static class CertificateDocx
{
    private const string Face = "Times New Roman";

    private static int Twips(double mm) => (int)Math.Round(mm * 1440 / 25.4);

    public static byte[] Write(IReadOnlyList<(CertificateView Certificate, CertificateLayout Layout)> certificates)
    {
        using var stream = new MemoryStream();
        using (var package = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var first = certificates[0].Certificate;
            package.PackageProperties.Title = certificates.Count == 1 ? $"{first.Title} – {first.NomineeName}" : $"{first.Title} – Quyết định số {first.DecisionNumber}";
            package.PackageProperties.Creator = "Commendations";
            package.PackageProperties.Language = "vi-VN";
            var body = new Body();
            for (var i = 0; i < certificates.Count; i++)
            {
                var (certificate, layout) = certificates[i];
                foreach (var position in layout.Fields)
                {
                    var lines = CertificatePdf.Text(certificate, position.Field).Where(t => !string.IsNullOrWhiteSpace(t)).ToList();
                    if (lines.Count > 0)
                        body.Append(Field(position, lines));
                }
                // A section ends in its last paragraph, except the last one, which is the body's own.
                if (i < certificates.Count - 1)
                    body.Append(new Paragraph(new ParagraphProperties(Section(layout))));
                else
                    body.Append(Section(layout));
            }
            package.AddMainDocumentPart().Document = new Document(body);
        }
        return stream.ToArray();
    }

    private static Paragraph Field(CertificateFieldPosition position, IReadOnlyList<string> lines)
    {
        var frame = new FrameProperties
        {
            Width = Twips(position.WidthMm).ToString(),
            X = Twips(position.LeftMm).ToString(),
            Y = Twips(position.TopMm).ToString(),
            HorizontalPosition = HorizontalAnchorValues.Page,
            VerticalPosition = VerticalAnchorValues.Page,
            Wrap = TextWrappingValues.NotBeside,
        };
        var properties = new ParagraphProperties(frame, new SpacingBetweenLines { Before = "0", After = "0" },
            new Justification { Val = position.Align switch { FieldAlignment.Center => JustificationValues.Center, FieldAlignment.Right => JustificationValues.Right, _ => JustificationValues.Left } });
        var paragraph = new Paragraph(properties);
        for (var i = 0; i < lines.Count; i++)
        {
            var run = new Run(Style(position));
            if (i > 0)
                run.Append(new Break());
            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
            paragraph.Append(run);
        }
        return paragraph;
    }

    private static RunProperties Style(CertificateFieldPosition position)
    {
        var properties = new RunProperties(new RunFonts { Ascii = Face, HighAnsi = Face, ComplexScript = Face, EastAsia = Face });
        if (position.Field is CertificateField.NomineeName or CertificateField.SignerTitle or CertificateField.SignerName)
            properties.Append(new Bold());
        if (position.Field == CertificateField.PlaceAndDate)
            properties.Append(new Italic());
        properties.Append(new FontSize { Val = ((int)Math.Round(position.FontSize * 2)).ToString() });
        return properties;
    }

    /// <summary>The blank's paper: frames are placed from the page's corner, so the margins only hold the empty section break.</summary>
    private static SectionProperties Section(CertificateLayout layout) => new(
        new SectionType { Val = SectionMarkValues.NextPage },
        new PageSize
        {
            Width = (UInt32Value)(uint)Twips(layout.WidthMm), Height = (UInt32Value)(uint)Twips(layout.HeightMm),
            Orient = layout.Orientation == CertificateOrientation.Landscape ? PageOrientationValues.Landscape : PageOrientationValues.Portrait,
        },
        new PageMargin { Top = Twips(10), Bottom = Twips(10), Left = (uint)Twips(10), Right = (uint)Twips(10) });
}
