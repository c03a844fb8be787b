using Commendations.Common.Text;
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
        var problems = new List<Message>();
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
                problems.Add(group.Key.Collective
                    ? new Message("{0} – {1}: chỉ tiêu {2} tập thể, đã quyết định {3}, quyết định này thêm {4} (vượt {5}).", campaign.Name, awardName, quota, decided, group.Count(), decided + group.Count() - quota)
                    : new Message("{0} – {1}: chỉ tiêu {2} cá nhân, đã quyết định {3}, quyết định này thêm {4} (vượt {5}).", campaign.Name, awardName, quota, decided, group.Count(), decided + group.Count() - quota));
            }
        }
        if (problems.Count > 0)
            throw new ConflictException("over-quota", new Message("Quyết định vượt chỉ tiêu khen thưởng của phong trào: {0}", Message.List(problems)));
    }
}
