using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Nominations;

/// <summary>How far a list can be paged: beyond this a filter finds things faster than paging does.</summary>
public static class PageLimits
{
    public const int MaxPage = 100_000;
}

public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int TotalCount)
{
    public int TotalPages => (TotalCount + PageSize - 1) / PageSize;

    /// <summary>True when there are more than <see cref="TotalCount"/> matches: counting stopped there (see <see cref="Paging.CountAsync{T}"/>).</summary>
    public bool IsCountCapped { get; init; }
}

public static class Paging
{
    /// <summary>Lists count at most this many matches beyond the page asked for ("more than 10,000").</summary>
    public const int CountLimit = 10_000;

    /// <summary>
    /// Counts the matches up to <paramref name="limit"/> (at least to the end of the asked page): an exact count of a large
    /// campaign's 90,000 submitted nominations reads them all (30 ms in benchmark scenario 3), while nobody pages that far.
    /// </summary>
    public static async Task<(int Count, bool Capped)> CountAsync<T>(IQueryable<T> query, int page, int pageSize, CancellationToken cancellationToken,
        int limit = CountLimit)
    {
        var upTo = Math.Max(limit, page * pageSize);
        var count = await query.Take(upTo + 1).CountAsync(cancellationToken);
        return count > upTo ? (upTo, true) : (count, false);
    }

    /// <summary>
    /// The same count as <see cref="CountAsync{T}"/>, without running the query again when the page already tells it: a
    /// page that is not full (and not past the end) is the last one, so the matches are the pages before it plus its
    /// items — fewer than the limit, never capped. A search with a dozen matches is then one statement, not two.
    /// </summary>
    public static Task<(int Count, bool Capped)> CountAfterPageAsync<T>(IQueryable<T> query, int page, int pageSize, int itemsOnPage,
        CancellationToken cancellationToken) =>
        itemsOnPage < pageSize && (itemsOnPage > 0 || page == 1)
            ? Task.FromResult(((page - 1) * pageSize + itemsOnPage, false))
            : CountAsync(query, page, pageSize, cancellationToken);
}
