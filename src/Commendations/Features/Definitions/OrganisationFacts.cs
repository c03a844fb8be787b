using Commendations.Common.Security;
using Commendations.Engine;
using Commendations.Persistence;
using Commendations.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Commendations.Features.Definitions;

/// <summary>
/// The organisation as definition validation needs it (what a definition names must exist and be staffed): the roles,
/// who holds them where, the configured unit scopes and the committees. Administrators export it as JSON so the
/// <c>validate-workflow</c> command can check files against an installation without its database.
/// </summary>
/// <param name="Roles">The sign-in roles the application knows.</param>
/// <param name="Scopes">Configured unit scope → unit code (only scopes whose unit exists), besides <c>nominating</c>.</param>
/// <param name="HeldRoles">Each role held by at least one active (not locked) user, per scope: a configured scope's unit,
/// <c>nominating</c> (any unit) and <c>*</c> (anywhere).</param>
/// <param name="Committees">Committees by code with their member count, chair and secretary.</param>
public sealed record OrganisationExport(
    IReadOnlyList<string> Roles,
    IReadOnlyDictionary<string, string> Scopes,
    IReadOnlyList<HeldRole> HeldRoles,
    IReadOnlyList<CommitteeExport> Committees)
{
    /// <summary>The context publication validates against: everything known, and the meanings the application relies on required.</summary>
    public ValidationContext ToValidationContext() => new()
    {
        KnownRoles = Roles.ToHashSet(StringComparer.Ordinal),
        UnitScopes = Scopes.Keys.ToHashSet(StringComparer.Ordinal),
        HeldRoles = HeldRoles.Select(h => new RoleInScope(h.Role, h.Scope)).ToHashSet(),
        Committees = Committees.ToDictionary(c => c.Code, c => new CommitteeFacts(c.Members, c.HasChair, c.HasSecretary)),
        RequireMeanings = true,
    };
}

public sealed record HeldRole(string Role, string Scope);

public sealed record CommitteeExport(string Code, string Name, int Members, bool HasChair, bool HasSecretary);

/// <summary>Reads <see cref="OrganisationExport"/> from the database and the scope configuration.</summary>
public sealed class OrganisationFacts(CommendationsDbContext db, IOptions<Workflow.WorkflowOptions> scopes, TimeProvider clock)
{
    public async Task<OrganisationExport> ReadAsync(CancellationToken cancellationToken)
    {
        var configured = scopes.Value.Scopes;
        var codes = configured.Values.ToList();
        var units = await db.Units.AsNoTracking().Where(u => codes.Contains(u.Code)).ToDictionaryAsync(u => u.Code, u => u.Id, cancellationToken);
        var scopeUnits = configured.Where(s => units.ContainsKey(s.Value)).ToDictionary(s => s.Key, s => units[s.Value]);

        var now = clock.GetUtcNow();
        var holders = await (from user in db.Users
                             join userRole in db.UserRoles on user.Id equals userRole.UserId
                             join role in db.Roles on userRole.RoleId equals role.Id
                             where user.LockoutEnd == null || user.LockoutEnd <= now
                             select new { Role = role.Name!, user.UnitId }).Distinct().ToListAsync(cancellationToken);
        // The nominating unit is any unit that proposes (one with an emulation officer): a role assigned there must be held
        // in every such unit, or a nomination from a unit without it would wait for nobody.
        var proposingUnits = holders.Where(h => h.Role == Roles.EmulationOfficer && h.UnitId != null).Select(h => h.UnitId).Distinct().ToList();
        var held = new List<HeldRole>();
        foreach (var role in holders.Select(h => h.Role).Distinct().Order(StringComparer.Ordinal))
        {
            held.Add(new HeldRole(role, ValidationContext.AnyScope));
            if (proposingUnits.Count > 0 && proposingUnits.All(unit => holders.Any(h => h.Role == role && h.UnitId == unit)))
                held.Add(new HeldRole(role, ValidationContext.NominatingScope));
            held.AddRange(scopeUnits.Where(s => holders.Any(h => h.Role == role && h.UnitId == s.Value)).Select(s => new HeldRole(role, s.Key)));
        }

        var committees = await db.Committees.AsNoTracking().OrderBy(c => c.Code).ToListAsync(cancellationToken);
        return new OrganisationExport(
            Roles.All,
            scopeUnits.ToDictionary(s => s.Key, s => configured[s.Key]),
            held,
            committees.Select(c => new CommitteeExport(c.Code, c.Name, c.Members.Count, c.Members.Any(m => m.IsChair), c.Members.Any(m => m.IsSecretary))).ToList());
    }
}
