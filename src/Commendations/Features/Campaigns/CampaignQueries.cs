using Commendations.Engine;
using Commendations.Common.Text;
using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Domain.Campaigns;
using Commendations.Domain.Catalog;
using Commendations.Domain.Nominations;
using Commendations.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Campaigns;

[Allowed(Audience.SignedIn)]
public sealed record ListCampaigns : IQuery<IReadOnlyList<CampaignView>>;

public sealed record CampaignView(
    Guid Id, string Code, string Name, CampaignType Type, string? PlanReference, DateOnly PeriodStart, DateOnly PeriodEnd,
    DateOnly DossierOpen, DateOnly DossierClose, bool OpenForDossiers, IReadOnlyList<CampaignAwardView> Awards);

public sealed record CampaignAwardView(string AwardFormCode, string AwardFormName, IReadOnlyList<NomineeKind> NomineeKinds,
    IReadOnlyList<DocumentKind> RequiredDocuments, int? QuotaCollectives, int? QuotaIndividuals, string WorkflowDefinitionId);

public sealed class ListCampaignsHandler(CommendationsDbContext db, TimeProvider clock) : IRequestHandler<ListCampaigns, IReadOnlyList<CampaignView>>
{
    public async Task<IReadOnlyList<CampaignView>> Handle(ListCampaigns request, CancellationToken cancellationToken)
    {
        var today = VietnamTime.Today(clock);
        var forms = await db.AwardForms.AsNoTracking().ToDictionaryAsync(a => a.Id, cancellationToken);
        var campaigns = await db.Campaigns.AsNoTracking().OrderByDescending(c => c.DossierClose).ToListAsync(cancellationToken);
        return campaigns.Select(c => new CampaignView(c.Id, c.Code, c.Name, c.Type, c.PlanReference, c.PeriodStart, c.PeriodEnd,
            c.DossierOpen, c.DossierClose, c.IsDossierWindowOpen(today),
            c.Awards.Select(a => new CampaignAwardView(forms[a.AwardFormId].Code, forms[a.AwardFormId].Name, forms[a.AwardFormId].NomineeKinds,
                forms[a.AwardFormId].RequiredDocuments, a.QuotaCollectives, a.QuotaIndividuals, a.WorkflowDefinitionId)).ToList())).ToList();
    }
}

/// <summary>Campaign progress for reviewers and administrators: counts by status and by current step.</summary>
[Allowed(Roles.EmulationOfficer, Roles.CommitteeMember, Roles.Appraiser, Roles.ProvincialLeader, Roles.Administrator)]
public sealed record GetCampaignProgress(Guid CampaignId) : IQuery<CampaignProgress>;

public sealed record CampaignProgress(Guid CampaignId, string Code, int Total, IReadOnlyDictionary<string, int> ByStatus, IReadOnlyDictionary<string, int> ByStep);

public sealed class GetCampaignProgressHandler(CommendationsDbContext db, ICurrentUser user) : IRequestHandler<GetCampaignProgress, CampaignProgress>
{
    public async Task<CampaignProgress> Handle(GetCampaignProgress request, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == request.CampaignId, cancellationToken)
                       ?? throw new NotFoundException(Things.Campaign);
        // An officer sees their own unit's progress; reviewers and administrators the whole campaign.
        Guid? unitId = null;
        if (!user.IsInRole(Roles.Administrator) && !Nominations.NominationAccess.IsReviewer(user))
            unitId = user.UnitId ?? Guid.Empty;
        // The counts kept by the nominations' trigger (migration CampaignProgressCounts): a few thousand rows at most,
        // instead of one pass over a large campaign's nominations (benchmark scenario 3).
        var rows = await (unitId is { } unit
                ? db.Database.SqlQuery<ProgressCount>($"""
                    SELECT status AS "Status", current_step AS "CurrentStep", sum(delta)::int AS "Count" FROM campaign_progress_counts
                    WHERE campaign_id = {campaign.Id} AND unit_id = {unit} GROUP BY status, current_step HAVING sum(delta) <> 0
                    """)
                : db.Database.SqlQuery<ProgressCount>($"""
                    SELECT status AS "Status", current_step AS "CurrentStep", sum(delta)::int AS "Count" FROM campaign_progress_counts
                    WHERE campaign_id = {campaign.Id} GROUP BY status, current_step HAVING sum(delta) <> 0
                    """))
            .ToListAsync(cancellationToken);
        var groups = rows.Select(r => new { Status = Enum.Parse<NominationStatus>(r.Status), r.CurrentStep, r.Count }).ToList();
        NominationStatus[] final = [NominationStatus.Awarded, NominationStatus.Rejected, NominationStatus.Withdrawn];
        var byStatus = groups.GroupBy(g => g.Status).Select(g => new { g.Key, Count = g.Sum(x => x.Count) }).ToList();
        var byStep = groups.Where(g => g.CurrentStep != null && !final.Contains(g.Status))
            .GroupBy(g => g.CurrentStep!).Select(g => new { g.Key, Count = g.Sum(x => x.Count) }).ToList();
        return new CampaignProgress(campaign.Id, campaign.Code, byStatus.Sum(s => s.Count),
            byStatus.ToDictionary(s => s.Key.ToString(), s => s.Count), byStep.ToDictionary(s => s.Key, s => s.Count));
    }
}

/// <summary>One row of the campaign_progress_counts sums.</summary>
public sealed record ProgressCount(string Status, string? CurrentStep, int Count);
