using Commendations.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Scheduling;

/// <summary>
/// Who holds a sign-in role in a unit, read once for a whole batch of outbox messages: the dispatcher tells the officers
/// of hundreds of nominations per batch, mostly of the same few units, and one query for every (role, unit) pair of the
/// batch replaces one per message. A pair not read up front is read when first asked and kept for the rest of the batch.
/// Lives for one batch (one transaction), so it never outlasts a change of roles.
/// </summary>
public sealed class RoleHolders(CommendationsDbContext db, Notifier notifier)
{
    private readonly Dictionary<(string Role, Guid? UnitId), IReadOnlyList<Guid>> _known = [];

    /// <summary>Reads the holders of every given (role, unit) pair in one query.</summary>
    public async Task LoadAsync(IEnumerable<(string Role, Guid UnitId)> pairs, CancellationToken cancellationToken)
    {
        var wanted = pairs.Distinct().Where(p => !_known.ContainsKey((p.Role, p.UnitId))).ToList();
        if (wanted.Count == 0)
            return;
        var roles = wanted.Select(p => p.Role).Distinct().ToList();
        var units = wanted.Select(p => p.UnitId).Distinct().ToList();
        var holders = await (from user in db.Users
                             join userRole in db.UserRoles on user.Id equals userRole.UserId
                             join r in db.Roles on userRole.RoleId equals r.Id
                             where roles.Contains(r.Name!) && user.UnitId != null && units.Contains(user.UnitId.Value)
                             select new { Role = r.Name!, UnitId = user.UnitId!.Value, user.Id }).Distinct().ToListAsync(cancellationToken);
        var byPair = holders.ToLookup(h => (h.Role, h.UnitId), h => h.Id);
        foreach (var pair in wanted)
            _known[(pair.Role, pair.UnitId)] = [.. byPair[pair]];
    }

    public async Task<IReadOnlyList<Guid>> InRoleAsync(string role, Guid? unitId, CancellationToken cancellationToken)
    {
        if (_known.TryGetValue((role, unitId), out var holders))
            return holders;
        holders = await notifier.UsersInRoleAsync(role, unitId, cancellationToken);
        _known[(role, unitId)] = holders;
        return holders;
    }
}
