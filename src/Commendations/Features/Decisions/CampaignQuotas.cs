using Commendations.Common.Errors;
using Commendations.Domain.Catalog;
using Commendations.Domain.Nominations;
using Commendations.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Decisions;

/// <summary>
/// A campaign's plan sets how many awards of each form it may give to collectives and to individuals (households count
/// with individuals). Checked when a decision is issued: awards already in the registry (not revoked, not superseded)
/// plus this batch must stay within the quota, or the whole decision is refused with the numbers.
/// </summary>
public static class CampaignQuotas
{
    public static bool IsCollective(NomineeKind kind) => kind == NomineeKind.Collective;

    public static async Task EnsureWithinAsync(CommendationsDbContext db, IReadOnlyCollection<Nomination> batch, CancellationToken cancellationToken)
    {
        var groups = batch.GroupBy(n => (n.CampaignId, n.AwardFormId, Collective: IsCollective(n.Kind))).ToList();
        var campaignIds = groups.Select(g => g.Key.CampaignId).Distinct().ToList();
        var campaigns = await db.Campaigns.AsNoTracking().Where(c => campaignIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var problems = new List<string>();
        foreach (var group in groups)
        {
            var campaign = campaigns[group.Key.CampaignId];
            var award = campaign.AwardFor(group.Key.AwardFormId);
            var quota = group.Key.Collective ? award?.QuotaCollectives : award?.QuotaIndividuals;
            if (quota is null)
                continue;
            var decided = await db.AwardRecords.CountAsync(r => r.CampaignId == campaign.Id && r.AwardFormId == group.Key.AwardFormId
                && (r.Kind == NomineeKind.Collective) == group.Key.Collective
                && r.SupersededByDecisionId == null && r.RevokedAt == null, cancellationToken);
            if (decided + group.Count() > quota)
            {
                var awardName = await db.AwardForms.Where(a => a.Id == group.Key.AwardFormId).Select(a => a.Name).SingleAsync(cancellationToken);
                var who = group.Key.Collective ? "collectives" : "individuals";
                problems.Add($"{campaign.Code} – {awardName}: quota {quota} {who}, {decided} already decided, {group.Count()} in this decision ({decided + group.Count() - quota} over).");
            }
        }
        if (problems.Count > 0)
            throw new ConflictException("over-quota", "The decision exceeds the campaign's quota: " + string.Join(" ", problems));
    }
}
