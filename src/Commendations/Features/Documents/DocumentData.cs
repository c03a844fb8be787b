using Commendations.Domain.Documents;
using Commendations.Domain.Units;
using Commendations.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Documents;

/// <summary>
/// What a document dated on a given day prints from data: the issuing authority's version in force on that day (or one
/// built from the province's unit name when none is), and the legal instruments applicable on that day, in order.
/// </summary>
public sealed class DocumentData(CommendationsDbContext db)
{
    public async Task<SigningAuthority> AuthorityOnAsync(DateOnly date, CancellationToken cancellationToken)
    {
        var version = await db.SigningAuthorities.AsNoTracking().Where(a => a.EffectiveFrom <= date)
            .OrderByDescending(a => a.EffectiveFrom).FirstOrDefaultAsync(cancellationToken);
        if (version is not null)
            return version;
        var province = await db.Units.AsNoTracking().Where(u => u.Level == UnitLevel.Province).OrderBy(u => u.Code)
            .Select(u => u.Name).FirstOrDefaultAsync(cancellationToken) ?? "Ủy ban nhân dân tỉnh";
        return SigningAuthority.FromProvince(province);
    }

    public async Task<IReadOnlyList<LegalInstrument>> LegalBasisOnAsync(DateOnly date, CancellationToken cancellationToken) =>
        await db.LegalInstruments.AsNoTracking()
            .Where(i => i.AppliesFrom <= date && (i.AppliesUntil == null || i.AppliesUntil >= date))
            .OrderBy(i => i.Order).ThenBy(i => i.IssuedOn).ToListAsync(cancellationToken);
}
