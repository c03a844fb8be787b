namespace Commendations.Domain.Campaigns;

public enum CampaignType
{
    /// <summary>Thường xuyên.</summary>
    Regular,
    /// <summary>Chuyên đề.</summary>
    Thematic,
}

/// <summary>A campaign (phong trào thi đua): its period, dossier window, and the award forms it allows with quotas and routing.</summary>
public class Campaign
{
    public const int CodeMaxLength = 40;

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public CampaignType Type { get; private set; }
    public string? PlanReference { get; private set; }
    public DateOnly PeriodStart { get; private set; }
    public DateOnly PeriodEnd { get; private set; }
    public DateOnly DossierOpen { get; private set; }
    public DateOnly DossierClose { get; private set; }
    public List<CampaignAward> Awards { get; private set; } = [];

    private Campaign() { }

    public Campaign(string code, string name, CampaignType type, DateOnly periodStart, DateOnly periodEnd,
        DateOnly dossierOpen, DateOnly dossierClose, string? planReference = null) =>
        Edit(code, name, type, periodStart, periodEnd, dossierOpen, dossierClose, planReference);

    public void Edit(string code, string name, CampaignType type, DateOnly periodStart, DateOnly periodEnd,
        DateOnly dossierOpen, DateOnly dossierClose, string? planReference)
    {
        Code = code;
        Name = name;
        Type = type;
        PeriodStart = periodStart;
        PeriodEnd = periodEnd;
        DossierOpen = dossierOpen;
        DossierClose = dossierClose;
        PlanReference = planReference;
    }

    /// <summary>Replaces the allowed award forms (the list is replaced so the stored document is rewritten).</summary>
    public void ReplaceAwards(IEnumerable<CampaignAward> awards) => Awards = awards.ToList();

    public void Allow(Guid awardFormId, string workflowDefinitionId, int? quotaCollectives, int? quotaIndividuals) =>
        Awards.Add(new CampaignAward(awardFormId, workflowDefinitionId, quotaCollectives, quotaIndividuals));

    public CampaignAward? AwardFor(Guid awardFormId) => Awards.FirstOrDefault(a => a.AwardFormId == awardFormId);

    /// <summary>The window is inclusive of both dates, in local (Vietnam) dates.</summary>
    public bool IsDossierWindowOpen(DateOnly today) => today >= DossierOpen && today <= DossierClose;
}

/// <summary>An award form a campaign allows, its quotas, and the workflow definition that routes its nominations.</summary>
public sealed record CampaignAward(Guid AwardFormId, string WorkflowDefinitionId, int? QuotaCollectives, int? QuotaIndividuals);
