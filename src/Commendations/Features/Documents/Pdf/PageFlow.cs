using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Commendations.Features.Documents.Pdf;

/// <summary>Page margins in millimetres.</summary>
public sealed record PageMargins(double Top, double Right, double Bottom, double Left)
{
    /// <summary>Decree 30/2020/NĐ-CP, Appendix I: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm.</summary>
    public static readonly PageMargins AdministrativeDocument = new(20, 15, 20, 30);
}

/// <summary>
/// A4 pages (portrait unless told) filled from top to bottom: a cursor (<see cref="Y"/>) that moves down as paragraphs are set and
/// starts a new page when the next line does not fit. Coordinates are points from the page's top left corner.
/// </summary>
internal sealed class PageFlow : IDisposable
{
    private readonly PdfDocument _document;
    private readonly PageMargins _margins;
    private readonly PageOrientation _orientation;

    /// <summary>A wide table (a nominee list with a summary column) is set on landscape pages.</summary>
    public PageFlow(PdfDocument document, PageMargins margins, PageOrientation orientation = PageOrientation.Portrait)
    {
        _document = document;
        _margins = margins;
        _orientation = orientation;
        NewPage();
    }

    public XGraphics Graphics { get; private set; } = null!;
    public PdfPage Page { get; private set; } = null!;
    public double Y { get; set; }

    /// <summary>The page being filled, from 0.</summary>
    public int PageIndex => _document.PageCount - 1;
    public double Left => Mm(_margins.Left);
    public double Right => Page.Width.Point - Mm(_margins.Right);
    public double Width => Right - Left;
    public double Top => Mm(_margins.Top);
    public double Bottom => Page.Height.Point - Mm(_margins.Bottom);
    public double Remaining => Bottom - Y;

    /// <summary>Called with the flow positioned at the top of every page after the first, e.g. to repeat a table's header.</summary>
    public Action<PageFlow>? OnNewPage { get; set; }

    public static double Mm(double millimetres) => XUnit.FromMillimeter(millimetres).Point;

    public void NewPage()
    {
        Graphics?.Dispose();
        Page = _document.AddPage();
        Page.Size = PageSize.A4;
        Page.Orientation = _orientation;
        Graphics = XGraphics.FromPdfPage(Page);
        Y = Top;
        if (_document.PageCount > 1)
            OnNewPage?.Invoke(this);
    }

    /// <summary>Starts a new page unless <paramref name="height"/> points still fit on this one.</summary>
    public void Keep(double height)
    {
        if (Y + height > Bottom && Y > Top)
            NewPage();
    }

    public void Space(double points) => Y = Math.Min(Y + points, Bottom);

    /// <summary>A paragraph over the full width, broken across pages line by line.</summary>
    public void Paragraph(IReadOnlyList<TextRun> runs, TextAlign align, double firstIndent = 0, double spaceAfter = 0)
    {
        foreach (var line in TextLayout.Lines(Graphics, runs, Width, firstIndent))
        {
            Keep(line.Height);
            TextLayout.DrawLine(Graphics, line, Left, Y, Width, align);
            Y += line.Height;
        }
        Y += spaceAfter;
    }

    public void Paragraph(string text, XFont font, TextAlign align, double firstIndent = 0, double spaceAfter = 0) =>
        Paragraph([new TextRun(text, font)], align, firstIndent, spaceAfter);

    /// <summary>A centred heading in even lines, kept on one page.</summary>
    public void Heading(string text, XFont font, double spaceAfter = 0)
    {
        var lines = TextLayout.BalancedLines(Graphics, [new TextRun(text, font)], Width);
        Keep(TextLayout.Height(lines));
        Y += TextLayout.Draw(Graphics, lines, Left, Y, Width, TextAlign.Center) + spaceAfter;
    }

    /// <summary>A thin horizontal rule of <paramref name="length"/> points centred on <paramref name="centre"/>.</summary>
    public void Rule(double centre, double length, double y)
    {
        Graphics.DrawLine(Rules, centre - length / 2, y, centre + length / 2, y);
    }

    public static readonly XPen Rules = new(XColors.Black, 0.6);

    public void Dispose() => Graphics?.Dispose();
}
