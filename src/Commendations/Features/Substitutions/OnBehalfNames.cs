using System.Text.Json;
using Commendations.Features.Nominations;
using Commendations.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Substitutions;

/// <summary>
/// For a nomination's timeline: the task actions a substitute took, by audit sequence, with the name of the person they
/// acted for (the <c>onBehalfOf</c> that <see cref="ActOnTaskHandler"/> records). Only those entries are read.
/// </summary>
public static class OnBehalfNames
{
    public static async Task<IReadOnlyDictionary<long, string>> OfAsync(CommendationsDbContext db, string stream, CancellationToken cancellationToken)
    {
        var rows = await db.AuditEntries.AsNoTracking()
            .Where(e => e.Stream == stream && e.Action.StartsWith(ActOnTaskHandler.AuditPrefix) && e.Data.Contains("\"onBehalfOf\""))
            .Select(e => new { e.Sequence, e.Data }).ToListAsync(cancellationToken);
        if (rows.Count == 0)
            return new Dictionary<long, string>();
        var principals = rows.ToDictionary(r => r.Sequence, r => JsonDocument.Parse(r.Data).RootElement.GetProperty("onBehalfOf").GetGuid());
        var ids = principals.Values.Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        return principals.ToDictionary(p => p.Key, p => names.GetValueOrDefault(p.Value, "—"));
    }
}
