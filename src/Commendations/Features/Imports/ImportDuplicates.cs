using Commendations.Common.Text;
using Commendations.Domain.Catalog;
using Commendations.Domain.Nominations;
using Commendations.Domain.Nominees;
using Commendations.Persistence;
using Microsoft.EntityFrameworkCore;
using C = Commendations.Features.Imports.NomineeListColumns;

namespace Commendations.Features.Imports;

/// <summary>
/// The same achievement proposed twice. Two rows name the same nominee when they are of the same unit (the importer's),
/// for the same award form, with the same normalised name (<see cref="NomineeRules.NormalisedName"/>) and — for a person —
/// the same birth year: a name alone is too common among people, a birth year is what the registry keeps beside it, and
/// sex is left out so that a slip in that column does not hide a duplicate. A collective is its name within the unit.
/// Checked within the file (the later row is refused), against the registry (a current, unrevoked line of the same award
/// form in the same campaign or the campaign's year) and against the unit's nominations in the campaign still running or
/// awarded.
/// </summary>
public sealed class ImportDuplicates(CommendationsDbContext db)
{
    private sealed record Key(bool Person, Guid AwardFormId, string Name, int BirthYear);

    public async Task CheckAsync(IReadOnlyList<ParsedRow> rows, Guid unitId, Domain.Campaigns.Campaign campaign, CancellationToken cancellationToken)
    {
        var keyed = rows.Where(r => r.Request is not null && r.AwardForm is not null)
            .Select(r => (Row: r, Key: KeyOf(r))).ToList();
        var formIds = keyed.Select(k => k.Key.AwardFormId).Distinct().ToList();
        var years = new[] { campaign.PeriodStart.Year, campaign.PeriodEnd.Year };

        var awarded = (await db.AwardRecords.AsNoTracking()
                .Where(a => a.UnitId == unitId && formIds.Contains(a.AwardFormId) && a.RevokedAt == null && a.SupersededByDecisionId == null
                            && (a.CampaignId == campaign.Id || years.Contains(a.Year)))
                .Select(a => new
                {
                    a.Kind, a.AwardFormId, a.AwardFormName, a.NomineeName, a.DecisionNumber, a.DecisionDate, a.RegisterNumber,
                    BirthYear = db.People.Where(p => p.Id == a.PersonId).Select(p => (int?)p.BirthYear).FirstOrDefault(),
                })
                .ToListAsync(cancellationToken))
            .ToLookup(a => new Key(NomineeRules.NeedsPerson(a.Kind), a.AwardFormId, NomineeRules.NormalisedName(a.NomineeName), a.BirthYear ?? 0));

        var proposed = (await db.Nominations.AsNoTracking()
                .Where(n => n.UnitId == unitId && n.CampaignId == campaign.Id && formIds.Contains(n.AwardFormId)
                            && n.Status != NominationStatus.Withdrawn && n.Status != NominationStatus.Rejected)
                .Select(n => new
                {
                    n.Kind, n.AwardFormId, n.NomineeName, n.Status,
                    BirthYear = db.People.Where(p => p.Id == n.PersonId).Select(p => (int?)p.BirthYear).FirstOrDefault(),
                })
                .ToListAsync(cancellationToken))
            .ToLookup(n => new Key(NomineeRules.NeedsPerson(n.Kind), n.AwardFormId, NomineeRules.NormalisedName(n.NomineeName), n.BirthYear ?? 0));

        var firstRow = new Dictionary<Key, int>();
        foreach (var (row, key) in keyed)
        {
            if (!firstRow.TryAdd(key, row.Row))
                row.Problems.Add(new ImportProblem(row.Row, C.Name, new Message("Trùng với dòng {0}: cùng đối tượng, cùng hình thức khen thưởng.", firstRow[key])));
            foreach (var line in awarded[key].Take(1))
                row.Problems.Add(new ImportProblem(row.Row, C.Name, new Message("Đã được tặng “{0}” theo Quyết định số {1} ngày {2} (số sổ {3}).",
                    line.AwardFormName, line.DecisionNumber, line.DecisionDate, line.RegisterNumber)));
            foreach (var nomination in proposed[key].Take(1))
                row.Problems.Add(new ImportProblem(row.Row, C.Name, new Message("Đơn vị đã có đề nghị “{0}” cho đối tượng này trong phong trào ({1}).",
                    row.AwardForm!.Name, Names.Status(nomination.Status))));
        }
    }

    private static Key KeyOf(ParsedRow row)
    {
        var request = row.Request!;
        return request.Person is { } person
            ? new Key(true, row.AwardForm!.Id, NomineeRules.NormalisedName(person.FullName), person.BirthYear)
            : new Key(false, row.AwardForm!.Id, NomineeRules.NormalisedName(request.Collective!.Name), 0);
    }
}
