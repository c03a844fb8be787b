using Commendations.Domain.Catalog;

namespace Commendations.Domain.Nominations;

/// <summary>A request to commend one nominee with one award form in one campaign (đề nghị khen thưởng).</summary>
public class Nomination
{
    public const int SummaryMaxLength = 4000;

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public NomineeKind Kind { get; private set; }
    public Guid? PersonId { get; private set; }
    public Guid? CollectiveId { get; private set; }

    /// <summary>Denormalised for lists and search: the person's or collective's name.</summary>
    public string NomineeName { get; private set; } = "";
    public Guid UnitId { get; private set; }
    public Guid CampaignId { get; private set; }
    public Guid AwardFormId { get; private set; }
    public string AchievementSummary { get; private set; } = "";
    public NominationStatus Status { get; private set; } = NominationStatus.Draft;
    public string? CurrentStep { get; private set; }
    public int Round { get; private set; } = 1;
    public Guid? WorkflowInstanceId { get; private set; }
    public Guid? DecisionId { get; private set; }
    public Guid CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public List<NominationDocument> Documents { get; private set; } = [];
    public uint Version { get; private set; }

    private Nomination() { }

    public Nomination(NomineeKind kind, Guid? personId, Guid? collectiveId, string nomineeName, Guid unitId, Guid campaignId,
        Guid awardFormId, string achievementSummary, Guid createdBy, DateTimeOffset now)
    {
        Kind = kind;
        PersonId = personId;
        CollectiveId = collectiveId;
        NomineeName = nomineeName;
        UnitId = unitId;
        CampaignId = campaignId;
        AwardFormId = awardFormId;
        AchievementSummary = achievementSummary;
        CreatedBy = createdBy;
        CreatedAt = now;
    }

    /// <summary>The unit may change its dossier while it holds it: as a draft, or after a return.</summary>
    public bool IsEditableByUnit => Status is NominationStatus.Draft or NominationStatus.Returned;

    public bool IsFinal => Status is NominationStatus.Awarded or NominationStatus.Rejected or NominationStatus.Withdrawn;

    public void Edit(string nomineeName, string achievementSummary)
    {
        NomineeName = nomineeName;
        AchievementSummary = achievementSummary;
    }

    public void AttachWorkflow(Guid instanceId) => WorkflowInstanceId = instanceId;

    public void MarkSubmitted(DateTimeOffset now) => SubmittedAt ??= now;

    /// <summary>Mirrors the workflow's position so lists and filters need not read instance state.</summary>
    public void SyncFromWorkflow(NominationStatus status, string? currentStep, int round, DateTimeOffset now)
    {
        Status = status;
        CurrentStep = currentStep;
        Round = round;
        if (IsFinal)
            CompletedAt ??= now;
    }

    public void RecordDecision(Guid decisionId) => DecisionId = decisionId;

    /// <summary>In a decision that waits for its signatures (issued, not yet in force): nothing else may move it meanwhile.</summary>
    public bool AwaitsDecisionSignatures => DecisionId is not null && !IsFinal;
}
