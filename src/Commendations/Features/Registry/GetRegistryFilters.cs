using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Registry;

/// <summary>
/// The choices of the registry's search form: units, award forms and campaigns by name. The registry is readable by every
/// signed-in user, so are these names (the administration's own lists are for administrators only).
/// </summary>
[Allowed(Audience.SignedIn)]
public sealed record GetRegistryFilters : IQuery<RegistryFilters>;

public sealed record RegistryFilters(IReadOnlyList<RegistryChoice<Guid>> Units, IReadOnlyList<RegistryChoice<string>> AwardForms,
    IReadOnlyList<RegistryChoice<string>> Campaigns);

public sealed record RegistryChoice<T>(T Value, string Name);

public sealed class GetRegistryFiltersHandler(CommendationsDbContext db) : IRequestHandler<GetRegistryFilters, RegistryFilters>
{
    public async Task<RegistryFilters> Handle(GetRegistryFilters request, CancellationToken cancellationToken)
    {
        var units = await db.Units.AsNoTracking().OrderBy(u => u.Name).Select(u => new RegistryChoice<Guid>(u.Id, u.Name)).ToListAsync(cancellationToken);
        var forms = await db.AwardForms.AsNoTracking().OrderBy(a => a.Name).Select(a => new RegistryChoice<string>(a.Code, a.Name)).ToListAsync(cancellationToken);
        var campaigns = await db.Campaigns.AsNoTracking().OrderByDescending(c => c.PeriodStart).Select(c => new RegistryChoice<string>(c.Code, c.Code + " – " + c.Name))
            .ToListAsync(cancellationToken);
        return new RegistryFilters(units, forms, campaigns);
    }
}
