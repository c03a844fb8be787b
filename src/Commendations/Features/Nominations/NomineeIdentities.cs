using Commendations.Common.Errors;
using Commendations.Common.Text;
using Commendations.Domain.Nominees;
using Commendations.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Nominations;

/// <summary>
/// Which earlier identity a new nominee record of a unit continues, so past titles count. A person is the same as an earlier
/// one when given (their identity, or the id of any record of it, of the caller's unit), or else when the unit has exactly one
/// identity with the same normalised name, sex and birth year — two or more such identities are never guessed between (a new
/// one starts). A collective is the unit's one collective of the same name.
/// <para>
/// The unit's records are read once (for the birth years asked about) and the records drafted since are added as they are
/// made, so a list of many drafts reads the database once and each later row still sees the earlier rows, as one draft after
/// another would.
/// </para>
/// </summary>
public sealed class NomineeIdentities
{
    private readonly CommendationsDbContext _db;
    private readonly Guid _unitId;
    private readonly Dictionary<(string Name, Gender Gender, int BirthYear), HashSet<Guid>> _people = [];
    private readonly Dictionary<string, HashSet<Guid>> _collectives = [];

    private NomineeIdentities(CommendationsDbContext db, Guid unitId)
    {
        _db = db;
        _unitId = unitId;
    }

    /// <param name="birthYears">The birth years of the persons to be drafted: only the unit's records of those years can match.</param>
    /// <param name="collectives">Whether collectives will be drafted (their records are read only then).</param>
    public static async Task<NomineeIdentities> OfUnitAsync(CommendationsDbContext db, Guid unitId, IReadOnlyCollection<int> birthYears,
        bool collectives, CancellationToken cancellationToken)
    {
        var identities = new NomineeIdentities(db, unitId);
        if (birthYears.Count > 0)
        {
            var people = await db.People.AsNoTracking().Where(p => p.UnitId == unitId && birthYears.Contains(p.BirthYear))
                .Select(p => new { p.FullName, p.Gender, p.BirthYear, p.IdentityId }).ToListAsync(cancellationToken);
            foreach (var p in people)
                identities.AddPerson(p.FullName, p.Gender, p.BirthYear, p.IdentityId);
        }
        if (collectives)
        {
            var known = await db.Collectives.AsNoTracking().Where(c => c.UnitId == unitId)
                .Select(c => new { c.Name, c.IdentityId }).ToListAsync(cancellationToken);
            foreach (var c in known)
                identities.AddCollective(c.Name, c.IdentityId);
        }
        return identities;
    }

    /// <summary>Gives <paramref name="person"/> (a new record of the unit) its identity and remembers it for the next rows.</summary>
    public async Task AssignAsync(Person person, Guid? given, CancellationToken cancellationToken)
    {
        if (given is { } id)
            person.IdentityId = await _db.People.Where(p => (p.IdentityId == id || p.Id == id) && p.UnitId == _unitId)
                                    .Select(p => (Guid?)p.IdentityId).FirstOrDefaultAsync(cancellationToken)
                                ?? throw new InputException("person.identityId", new Message("Không có người này trong đơn vị của bạn."));
        else
            person.IdentityId = Only(_people.GetValueOrDefault((NomineeRules.NormalisedName(person.FullName), person.Gender, person.BirthYear))) ?? person.Id;
        AddPerson(person.FullName, person.Gender, person.BirthYear, person.IdentityId);
    }

    public async Task AssignAsync(Collective collective, Guid? given, CancellationToken cancellationToken)
    {
        if (given is { } id)
            collective.IdentityId = await _db.Collectives.Where(c => (c.IdentityId == id || c.Id == id) && c.UnitId == _unitId)
                                        .Select(c => (Guid?)c.IdentityId).FirstOrDefaultAsync(cancellationToken)
                                    ?? throw new InputException("collective.identityId", new Message("Không có tập thể này trong đơn vị của bạn."));
        else
            collective.IdentityId = Only(_collectives.GetValueOrDefault(NomineeRules.NormalisedName(collective.Name))) ?? collective.Id;
        AddCollective(collective.Name, collective.IdentityId);
    }

    private static Guid? Only(HashSet<Guid>? identities) => identities is { Count: 1 } ? identities.First() : null;

    private void AddPerson(string fullName, Gender gender, int birthYear, Guid identityId)
    {
        var key = (NomineeRules.NormalisedName(fullName), gender, birthYear);
        if (!_people.TryGetValue(key, out var set))
            _people[key] = set = [];
        set.Add(identityId);
    }

    private void AddCollective(string name, Guid identityId)
    {
        var key = NomineeRules.NormalisedName(name);
        if (!_collectives.TryGetValue(key, out var set))
            _collectives[key] = set = [];
        set.Add(identityId);
    }
}
