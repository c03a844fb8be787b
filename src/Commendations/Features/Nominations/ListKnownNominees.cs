using Commendations.Common;
using Commendations.Common.Security;
using Commendations.Domain.Catalog;
using Commendations.Domain.Nominees;
using Commendations.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Nominations;

/// <summary>
/// The people and collectives the officer's unit has nominated before, one per identity under its latest name, with the
/// awards in force in the registry: the nomination form offers them so a new nomination joins the same identity (past
/// titles then count, even after a change of name).
/// </summary>
[Allowed(Roles.EmulationOfficer)]
public sealed record ListKnownNominees : IQuery<KnownNominees>;

public sealed record KnownNominees(IReadOnlyList<KnownPerson> People, IReadOnlyList<KnownCollective> Collectives);

public sealed record KnownPerson(Guid IdentityId, string FullName, Gender Gender, int BirthYear, int Awards);

public sealed record KnownCollective(Guid IdentityId, string Name, int Awards);

public sealed class ListKnownNomineesHandler(CommendationsDbContext db, ICurrentUser user) : IRequestHandler<ListKnownNominees, KnownNominees>
{
    public async Task<KnownNominees> Handle(ListKnownNominees request, CancellationToken cancellationToken)
    {
        if (user.UnitId is not { } unit)
            return new KnownNominees([], []);
        // Ids are version-7 GUIDs: the greatest id of an identity is its latest record.
        var people = await db.People.AsNoTracking().Where(p => p.UnitId == unit).ToListAsync(cancellationToken);
        var collectives = await db.Collectives.AsNoTracking().Where(c => c.UnitId == unit).ToListAsync(cancellationToken);
        var identities = people.Select(p => p.IdentityId).Concat(collectives.Select(c => c.IdentityId)).Distinct().ToList();
        var awards = await db.AwardRecords.AsNoTracking()
            .Where(r => r.NomineeIdentityId != null && identities.Contains(r.NomineeIdentityId.Value) && r.RevokedAt == null && r.SupersededByDecisionId == null)
            .GroupBy(r => r.NomineeIdentityId!.Value).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var vietnamese = StringComparer.Create(new("vi-VN"), true);
        return new KnownNominees(
            people.GroupBy(p => p.IdentityId).Select(g => g.MaxBy(p => p.Id)!)
                .Select(p => new KnownPerson(p.IdentityId, p.FullName, p.Gender, p.BirthYear, awards.GetValueOrDefault(p.IdentityId)))
                .OrderBy(p => p.FullName, vietnamese).ThenBy(p => p.BirthYear).ToList(),
            collectives.GroupBy(c => c.IdentityId).Select(g => g.MaxBy(c => c.Id)!)
                .Select(c => new KnownCollective(c.IdentityId, c.Name, awards.GetValueOrDefault(c.IdentityId)))
                .OrderBy(c => c.Name, vietnamese).ToList());
    }
}
