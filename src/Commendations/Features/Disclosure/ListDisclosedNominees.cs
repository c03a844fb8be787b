using Commendations.Common.Security;
using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Domain.Catalog;
using Commendations.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Disclosure;

/// <summary>
/// The public page of a campaign's nominees in disclosure (no sign-in): who is proposed for what, by which unit, with the
/// achievement summary, until when comments are taken.
/// </summary>
[Allowed(Audience.Public)]
public sealed record ListDisclosedNominees(string CampaignCode) : IQuery<DisclosedCampaign>;

/// <param name="IssuingBodies">The committees that post the list and receive the comments.</param>
/// <param name="PostedFrom">When the earliest of the listed postings began.</param>
/// <param name="PostedUntil">When the last of the listed postings closes for comments.</param>
public sealed record DisclosedCampaign(Guid CampaignId, string CampaignCode, string CampaignName, IReadOnlyList<DisclosedNominee> Nominees)
{
    public string? PlanReference { get; init; }
    public IReadOnlyList<string> IssuingBodies { get; init; } = [];
    public DateTimeOffset? PostedFrom { get; init; }
    public DateTimeOffset? PostedUntil { get; init; }
}

public sealed record DisclosedNominee(Guid NominationId, string NomineeName, NomineeKind Kind, string UnitName, string AwardFormName,
    string AchievementSummary, DateTimeOffset? CommentsUntil)
{
    public DateTimeOffset? PostedSince { get; init; }
}

public sealed class ListDisclosedNomineesHandler(CommendationsDbContext db, DisclosureSteps disclosure) : IRequestHandler<ListDisclosedNominees, DisclosedCampaign>
{
    public async Task<DisclosedCampaign> Handle(ListDisclosedNominees request, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Code == request.CampaignCode, cancellationToken)
                       ?? throw new NotFoundException("Campaign", request.CampaignCode);
        var open = await disclosure.WindowsAsync(campaign.Id, cancellationToken);
        var ids = open.Keys.ToList();
        var rows = await db.Nominations.AsNoTracking().Where(n => ids.Contains(n.Id))
            .Join(db.Units, n => n.UnitId, u => u.Id, (n, u) => new { n, UnitName = u.Name })
            .Join(db.AwardForms, x => x.n.AwardFormId, a => a.Id, (x, a) => new { x.n, x.UnitName, AwardName = a.Name })
            .ToListAsync(cancellationToken);
        var nominees = rows
            .OrderBy(x => x.n.Kind == NomineeKind.Collective ? 0 : 1).ThenBy(x => x.n.NomineeName, StringComparer.Create(new("vi-VN"), true))
            .Select(x => new DisclosedNominee(x.n.Id, x.n.NomineeName, x.n.Kind, x.UnitName, x.AwardName, x.n.AchievementSummary, open[x.n.Id].Until)
                { PostedSince = open[x.n.Id].Since })
            .ToList();
        return new DisclosedCampaign(campaign.Id, campaign.Code, campaign.Name, nominees)
        {
            PlanReference = campaign.PlanReference,
            IssuingBodies = await disclosure.ReceivingCommitteeNamesAsync(ids, cancellationToken),
            PostedFrom = open.Values.Min(w => w.Since),
            PostedUntil = open.Values.Max(w => w.Until),
        };
    }
}
