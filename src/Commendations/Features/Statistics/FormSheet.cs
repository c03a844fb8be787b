using Commendations.Common.Text;

namespace Commendations.Features.Statistics;

/// <summary>A header cell of a form's table: its place in the header rows and how many columns and rows it spans.</summary>
public sealed record HeaderCell(int Row, int Column, ILocalised Text, int ColumnSpan = 1, int RowSpan = 1);

/// <summary>
/// A body row: cells are text (<see cref="ILocalised"/> or string), int, or null for a cell the system has no data for.
/// Totals and section headings are bold.
/// </summary>
public sealed record FormRow(object?[] Cells, bool IsBold = false);

/// <summary>A line of the masthead above the title: the form's particulars on the left, the reporting unit's on the right.</summary>
public sealed record MastheadLine(ILocalised? Left, ILocalised? Right);

/// <summary>
/// One table laid out like a statutory statistics form, the same for the workbook (<see cref="FormWorkbook"/>) and the
/// page: masthead, title and subtitles, header rows with merged cells, the column-number row, body rows and notes.
/// <paramref name="RowHeaderColumn"/>: the column that names a row (the label on a form, the name after the number in an annex).
/// </summary>
public sealed record FormSheet(
    string SheetName, string TestId, IReadOnlyList<MastheadLine> Masthead, ILocalised Title, IReadOnlyList<ILocalised> Subtitles,
    int HeaderDepth, IReadOnlyList<HeaderCell> Header, IReadOnlyList<string> ColumnNumbers, IReadOnlyList<FormRow> Rows,
    IReadOnlyList<ILocalised> Notes, IReadOnlyList<double> Widths, int RowHeaderColumn = 0)
{
    /// <summary>The header cell that starts at this place, or null when the place is covered by a span or empty.</summary>
    public HeaderCell? HeaderAt(int row, int column) => Header.FirstOrDefault(h => h.Row == row && h.Column == column);
}

/// <summary>
/// Lays out header rows from columns given as heading paths, outermost first (["Chia ra", "Huân chương", "Tập thể"]):
/// neighbours sharing a heading at a level are merged across, a column's last heading reaches down to the last header row.
/// </summary>
public static class HeaderLayout
{
    public static (int Depth, IReadOnlyList<HeaderCell> Cells) Of(IReadOnlyList<IReadOnlyList<ILocalised>> columns, int minimumDepth = 1)
    {
        var depth = Math.Max(minimumDepth, columns.Max(c => c.Count));
        var cells = new List<HeaderCell>();
        for (var level = 0; level < depth; level++)
        {
            for (var column = 0; column < columns.Count;)
            {
                var path = columns[column];
                if (path.Count <= level)
                {
                    column++;
                    continue;
                }
                var span = 1;
                while (column + span < columns.Count && SamePrefix(columns[column + span], path, level) && columns[column + span].Count > level + 1 && path.Count > level + 1)
                    span++;
                var rowSpan = level == path.Count - 1 ? depth - level : 1;
                cells.Add(new HeaderCell(level, column, path[level], span, rowSpan));
                column += span;
            }
        }
        return (depth, cells);
    }

    /// <summary>Whether two columns' headings agree from the outermost down to this level (compared as Vietnamese text).</summary>
    private static bool SamePrefix(IReadOnlyList<ILocalised> a, IReadOnlyList<ILocalised> b, int level)
    {
        if (a.Count <= level || b.Count <= level)
            return false;
        for (var i = 0; i <= level; i++)
            if (a[i].ToString() != b[i].ToString())
                return false;
        return true;
    }
}
