using Commendations.Common;
using Commendations.Common.Security;
using Commendations.Domain.Substitutions;
using Commendations.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Substitutions;

/// <summary>My substitutions: who covers me, and whom I cover — current and upcoming first, then the last ended or revoked.</summary>
[Allowed(Audience.SignedIn)]
public sealed record ListMySubstitutions : IQuery<IReadOnlyList<SubstitutionView>>;

/// <summary>Every substitution still current or upcoming, for administrators (ended and revoked ones only in the audit).</summary>
[Allowed(Roles.Administrator)]
public sealed record ListSubstitutions : IQuery<IReadOnlyList<SubstitutionView>>;

public sealed class ListMySubstitutionsHandler(CommendationsDbContext db, Substitutes substitutes, ICurrentUser user)
    : IRequestHandler<ListMySubstitutions, IReadOnlyList<SubstitutionView>>
{
    public Task<IReadOnlyList<SubstitutionView>> Handle(ListMySubstitutions request, CancellationToken cancellationToken) =>
        SubstitutionLists.ViewsAsync(db, db.Substitutions.Where(s => s.PrincipalUserId == user.UserId || s.SubstituteUserId == user.UserId),
            substitutes.Today, 50, cancellationToken);
}

public sealed class ListSubstitutionsHandler(CommendationsDbContext db, Substitutes substitutes)
    : IRequestHandler<ListSubstitutions, IReadOnlyList<SubstitutionView>>
{
    public Task<IReadOnlyList<SubstitutionView>> Handle(ListSubstitutions request, CancellationToken cancellationToken)
    {
        var today = substitutes.Today;
        return SubstitutionLists.ViewsAsync(db, db.Substitutions.Where(s => s.RevokedAt == null && s.To >= today), today, 500, cancellationToken);
    }
}

internal static class SubstitutionLists
{
    public static async Task<IReadOnlyList<SubstitutionView>> ViewsAsync(CommendationsDbContext db, IQueryable<Substitution> query, DateOnly today, int limit,
        CancellationToken cancellationToken)
    {
        var rows = await query.AsNoTracking()
            .OrderBy(s => s.RevokedAt != null || s.To < today).ThenBy(s => s.From).ThenBy(s => s.CreatedAt)
            .Take(limit)
            .Join(db.Users, s => s.PrincipalUserId, u => u.Id, (s, p) => new { s, Principal = p.DisplayName })
            .Join(db.Users, x => x.s.SubstituteUserId, u => u.Id, (x, u) => new { x.s, x.Principal, Substitute = u.DisplayName })
            .ToListAsync(cancellationToken);
        return rows.Select(r => SubstitutionView.Of(r.s, r.Principal, r.Substitute, today)).ToList();
    }
}
