using Commendations.Common.Security;
using Commendations.Domain.Catalog;
using Commendations.Domain.Documents;
using Commendations.Domain.Nominations;
using Commendations.Domain.Units;
using Commendations.Features.Nominations;
using Commendations.Features.Substitutions;
using Commendations.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Documents.SubmissionLetters;

/// <summary>A drafted letter, the nomination it was asked for and every nomination it covers.</summary>
public sealed record DraftedLetter(Nomination Nomination, SubmissionLetterContent Letter, IReadOnlyList<Nomination> Covered);

/// <summary>The unit head as the letter names them: their user (whose certificate signs), name and title.</summary>
public sealed record UnitHead(Guid UserId, string UserName, string Name, string? Title);

/// <summary>
/// Drafts a unit's submission letter from its dossiers: the letter of a nomination covers every nomination of the same
/// unit in the same campaign that is still alive or awarded (withdrawn and rejected ones are left out), because a unit
/// proposes its nominees in a campaign in one letter.
/// </summary>
public sealed class SubmissionLetters(CommendationsDbContext db, NominationAccess access, DocumentData documents, TimeProvider clock)
{
    /// <summary>
    /// The letter of the nomination the current user may read (else "not found", as the nomination itself). A draft leaves
    /// the date to fill and names the unit's head on record; a letter being signed is dated today and names its signer.
    /// </summary>
    public async Task<DraftedLetter> DraftAsync(Guid nominationId, UnitHead? signer, CancellationToken cancellationToken)
    {
        var nomination = await access.ReadableAsync(nominationId, cancellationToken);
        var today = Substitutes.TodayAt(clock.GetUtcNow());
        var unit = await db.Units.AsNoTracking().Include(u => u.Parent).SingleAsync(u => u.Id == nomination.UnitId, cancellationToken);
        var campaign = await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == nomination.CampaignId, cancellationToken);
        var authority = await documents.AuthorityOnAsync(today, cancellationToken);
        var head = signer ?? await HeadOfAsync(unit.Id, cancellationToken);

        var nominations = await db.Nominations.AsNoTracking()
            .Where(n => n.UnitId == nomination.UnitId && n.CampaignId == nomination.CampaignId
                        && n.Status != NominationStatus.Withdrawn && n.Status != NominationStatus.Rejected)
            .ToListAsync(cancellationToken);
        var formIds = nominations.Select(n => n.AwardFormId).Distinct().ToList();
        var forms = await db.AwardForms.AsNoTracking().Where(f => formIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Name, cancellationToken);
        var personIds = nominations.Where(n => n.PersonId != null).Select(n => n.PersonId!.Value).ToList();
        var collectiveIds = nominations.Where(n => n.CollectiveId != null).Select(n => n.CollectiveId!.Value).ToList();
        var people = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var collectives = await db.Collectives.AsNoTracking().Where(c => collectiveIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);

        // Grouped by award form (as the proposal lists them), collectives before individuals, then by name.
        var ordered = nominations.OrderBy(n => forms[n.AwardFormId]).ThenBy(n => n.Kind == NomineeKind.Individual).ThenBy(n => n.NomineeName).ToList();
        var proposals = ordered.GroupBy(n => forms[n.AwardFormId]).Select(g => new ProposedAward(g.Key, Counts(g.ToList()))).ToList();
        var listed = ordered.Select(n => ListedNominee.Of(n.Kind, n.NomineeName, n.PersonId is { } p ? people.GetValueOrDefault(p) : null,
            n.CollectiveId is { } c ? collectives.GetValueOrDefault(c) : null, unit.Name, forms[n.AwardFormId], n.AchievementSummary)).ToList();

        var letter = new SubmissionLetterContent(unit.Parent?.Name ?? "", unit.Name, authority.Place, today, signer is not null,
            $"Hội đồng Thi đua - Khen thưởng tỉnh {authority.Place}", campaign.Name, campaign.PlanReference, proposals, listed,
            head?.Title is { Length: > 0 } title ? title : "THỦ TRƯỞNG ĐƠN VỊ", head?.Name);
        return new DraftedLetter(nomination, letter, ordered);
    }

    /// <summary>"01 tập thể và 02 cá nhân": always by kind and count, even for one person (the list names them).</summary>
    private static string Counts(IReadOnlyCollection<Nomination> nominations)
    {
        var parts = new (NomineeKind Kind, string Word)[] { (NomineeKind.Collective, "tập thể"), (NomineeKind.Individual, "cá nhân"), (NomineeKind.Household, "hộ gia đình") }
            .Select(k => (Count: nominations.Count(n => n.Kind == k.Kind), k.Word)).Where(k => k.Count > 0)
            .Select(k => $"{DecisionWording.Count(k.Count)} {k.Word}").ToList();
        return parts.Count <= 1 ? string.Concat(parts) : string.Join(", ", parts.Take(parts.Count - 1)) + " và " + parts[^1];
    }

    /// <summary>The unit's head: the user holding the unit head role in the unit (the first by name if several).</summary>
    public async Task<UnitHead?> HeadOfAsync(Guid unitId, CancellationToken cancellationToken) =>
        await (from user in db.Users
               join userRole in db.UserRoles on user.Id equals userRole.UserId
               join role in db.Roles on userRole.RoleId equals role.Id
               where role.Name == Roles.UnitHead && user.UnitId == unitId
               orderby user.DisplayName
               select new UnitHead(user.Id, user.UserName!, user.DisplayName, user.Title)).FirstOrDefaultAsync(cancellationToken);
}
