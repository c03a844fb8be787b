using PdfSharp.Drawing;

namespace Commendations.Features.Documents.Pdf;

/// <summary>A table column: its header, its share of the width (in millimetres, the last one takes the rest) and alignment.</summary>
public sealed record TableColumn(string Header, double WidthMm, TextAlign Align = TextAlign.Left);

/// <summary>
/// A ruled table in a <see cref="PageFlow"/> that continues over as many pages as its rows need, with the header row
/// repeated at the top of every page it reaches (as a printed list of awardees is read page by page); no row is split.
/// </summary>
internal static class PdfTable
{
    private const double Padding = 3;

    public static void Draw(PageFlow flow, IReadOnlyList<TableColumn> columns, IEnumerable<IReadOnlyList<string>> rows, XFont headerFont, XFont cellFont)
    {
        var widths = Widths(flow, columns);
        var header = columns.Select(c => c.Header).ToList();
        var headerAligns = columns.Select(_ => TextAlign.Center).ToList();
        var aligns = columns.Select(c => c.Align).ToList();
        var previous = flow.OnNewPage;
        try
        {
            var first = true;
            foreach (var row in rows)
            {
                var cells = Cells(flow, widths, row, cellFont);
                var height = RowHeight(cells);
                if (first)
                {
                    // The header never stands alone at the foot of a page; when the table starts on a new page, the header is
                    // drawn once there (the repeat starts only after it, or it would be drawn twice).
                    flow.Keep(RowHeight(Cells(flow, widths, header, headerFont)) + height);
                    Row(flow, widths, header, headerAligns, headerFont);
                    flow.OnNewPage = f => Row(f, widths, header, headerAligns, headerFont);
                    first = false;
                }
                flow.Keep(height);
                DrawRow(flow, widths, cells, aligns);
            }
        }
        finally
        {
            flow.OnNewPage = previous;
        }
    }

    private static void Row(PageFlow flow, double[] widths, IReadOnlyList<string> texts, IReadOnlyList<TextAlign> aligns, XFont font) =>
        DrawRow(flow, widths, Cells(flow, widths, texts, font), aligns);

    private static void DrawRow(PageFlow flow, double[] widths, List<List<TextLine>> cells, IReadOnlyList<TextAlign> aligns)
    {
        var height = RowHeight(cells);
        var x = flow.Left;
        var top = flow.Y;
        for (var i = 0; i < widths.Length; i++)
        {
            TextLayout.Draw(flow.Graphics, cells[i], x + Padding, top + Padding, widths[i] - 2 * Padding, aligns[i]);
            flow.Graphics.DrawRectangle(PageFlow.Rules, x, top, widths[i], height);
            x += widths[i];
        }
        flow.Y = top + height;
    }

    private static List<List<TextLine>> Cells(PageFlow flow, double[] widths, IReadOnlyList<string> texts, XFont font) =>
        widths.Select((w, i) => TextLayout.Lines(flow.Graphics, [new TextRun(i < texts.Count ? texts[i] : "", font)], w - 2 * Padding)).ToList();

    private static double RowHeight(List<List<TextLine>> cells) =>
        cells.Max(c => TextLayout.Height(c)) + 2 * Padding;

    private static double[] Widths(PageFlow flow, IReadOnlyList<TableColumn> columns)
    {
        var widths = columns.Select(c => PageFlow.Mm(c.WidthMm)).ToArray();
        widths[^1] = flow.Width - widths[..^1].Sum();
        return widths;
    }
}
