namespace Commendations.Web.Ui;

/// <summary>A pager that stays short however many pages there are: first, last, and two either side of the current page.</summary>
public static class Pager
{
    /// <summary>The page numbers to link, in order; null where pages are left out.</summary>
    public static IEnumerable<int?> PagesShown(int current, int last)
    {
        int? previous = null;
        for (var p = 1; p <= last; p++)
        {
            if (p != 1 && p != last && Math.Abs(p - current) > 2)
                continue;
            if (previous is { } before && p > before + 1)
                yield return null;
            yield return previous = p;
        }
    }
}
