using Commendations.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Decisions;

/// <summary>Certificate register numbers (e.g. <c>SV-2027-0001</c>): consecutive per series and year.</summary>
public static class RegisterNumbers
{
    public const string DefaultSeries = "SV";

    /// <summary>
    /// Reserves <paramref name="count"/> consecutive numbers and returns the first. The upsert locks the counter row until
    /// the caller's transaction ends: a concurrent decision waits and continues after this block; a rollback gives the
    /// numbers back, so the register has no gaps.
    /// </summary>
    public static async Task<int> ReserveAsync(CommendationsDbContext db, string series, int year, int count, CancellationToken cancellationToken)
    {
        var last = await db.Database.SqlQuery<int>($"""
            INSERT INTO register_counters (series, year, last_number) VALUES ({series}, {year}, {count})
            ON CONFLICT (series, year) DO UPDATE SET last_number = register_counters.last_number + EXCLUDED.last_number
            RETURNING last_number AS "Value"
            """).ToListAsync(cancellationToken);
        return last.Single() - count + 1;
    }
}
