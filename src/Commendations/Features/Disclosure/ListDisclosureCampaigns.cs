using Commendations.Common;
using Commendations.Common.Security;
using Commendations.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Disclosure;

/// <summary>
/// The public index of disclosures (no sign-in): every campaign with nominees now posted for comments, who posts them
/// (the committees that receive the comments), the plan it belongs to, and the posting period.
/// </summary>
[Allowed(Audience.Public)]
public sealed record ListDisclosureCampaigns : IQuery<IReadOnlyList<DisclosureCampaignSummary>>;

public sealed record DisclosureCampaignSummary(string CampaignCode, string CampaignName, string? PlanReference, int NomineeCount,
    IReadOnlyList<string> IssuingBodies, DateTimeOffset? PostedFrom, DateTimeOffset? PostedUntil);

public sealed class ListDisclosureCampaignsHandler(CommendationsDbContext db, DisclosureSteps disclosure)
    : IRequestHandler<ListDisclosureCampaigns, IReadOnlyList<DisclosureCampaignSummary>>
{
    public async Task<IReadOnlyList<DisclosureCampaignSummary>> Handle(ListDisclosureCampaigns request, CancellationToken cancellationToken)
    {
        var open = await disclosure.WindowsAsync(null, cancellationToken);
        var ids = open.Keys.ToList();
        var rows = await db.Nominations.AsNoTracking().Where(n => ids.Contains(n.Id))
            .Join(db.Campaigns, n => n.CampaignId, c => c.Id, (n, c) => new { n.Id, c.Code, c.Name, c.PlanReference })
            .ToListAsync(cancellationToken);
        var result = new List<DisclosureCampaignSummary>();
        foreach (var campaign in rows.GroupBy(r => (r.Code, r.Name, r.PlanReference)))
        {
            var nominations = campaign.Select(r => r.Id).ToList();
            var windows = nominations.Select(id => open[id]).ToList();
            result.Add(new DisclosureCampaignSummary(campaign.Key.Code, campaign.Key.Name, campaign.Key.PlanReference, nominations.Count,
                await disclosure.ReceivingCommitteeNamesAsync(nominations, cancellationToken),
                windows.Min(w => w.Since), windows.Max(w => w.Until)));
        }
        // The postings closing soonest first: those are the ones a citizen can still comment on for the shortest time.
        return result.OrderBy(c => c.PostedUntil ?? DateTimeOffset.MaxValue).ThenBy(c => c.CampaignCode, StringComparer.Ordinal).ToList();
    }
}
