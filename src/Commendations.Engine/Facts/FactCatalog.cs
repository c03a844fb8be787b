namespace Commendations.Engine;

public enum FactType
{
    String,
    Number,
    Date,
    Boolean,
}

/// <summary>Where a fact comes from: the nomination (given in <see cref="RuntimeContext.Facts"/>) or the instance's route.</summary>
public enum FactSource
{
    Nomination,

    /// <summary>Kept by the engine in the instance state (round, last vote); never given as a nomination fact.</summary>
    Route,
}

/// <summary>A known fact: its name, type and, for closed vocabularies, the allowed values.</summary>
public sealed record FactDescriptor(string Name, FactType Type, IReadOnlyList<string>? AllowedValues = null, FactSource Source = FactSource.Nomination);

/// <summary>The facts about a nomination that conditions and campaign-date deadlines may use.</summary>
public static class FactCatalog
{
    public const string Kind = "kind";
    public const string AwardForm = "awardForm";
    public const string CampaignType = "campaignType";
    public const string UnitLevel = "unitLevel";
    public const string MemberCount = "memberCount";
    public const string WomenCount = "womenCount";
    public const string AdvancedWorkerCount = "advancedWorkerCount";
    public const string DossierClose = "dossierClose";

    /// <summary>The eligibility check stored at submission: passed, failed or needsChecking.</summary>
    public const string Eligibility = "eligibility";

    /// <summary>Route data: the round (1, then +1 per return for supplement).</summary>
    public const string Round = "round";

    /// <summary>Route data: the last decided vote of the instance (<see cref="VoteResult"/>); prefix of its facts.</summary>
    public const string LastVotePrefix = "lastVote.";

    public static IReadOnlyList<string> NomineeKinds { get; } = ["collective", "individual", "household"];

    public static IReadOnlyDictionary<string, FactDescriptor> Facts { get; } = new Dictionary<string, FactDescriptor>(StringComparer.Ordinal)
    {
        [Kind] = new(Kind, FactType.String, NomineeKinds),
        [AwardForm] = new(AwardForm, FactType.String),
        [CampaignType] = new(CampaignType, FactType.String, ["regular", "thematic"]),
        [UnitLevel] = new(UnitLevel, FactType.String, ["province", "department", "commune", "unit"]),
        [MemberCount] = new(MemberCount, FactType.Number),
        [WomenCount] = new(WomenCount, FactType.Number),
        [AdvancedWorkerCount] = new(AdvancedWorkerCount, FactType.Number),
        [DossierClose] = new(DossierClose, FactType.Date),
        [Eligibility] = new(Eligibility, FactType.String, ["passed", "failed", "needsChecking"]),
        [Round] = new(Round, FactType.Number, null, FactSource.Route),
        [LastVotePrefix + "yes"] = new(LastVotePrefix + "yes", FactType.Number, null, FactSource.Route),
        [LastVotePrefix + "no"] = new(LastVotePrefix + "no", FactType.Number, null, FactSource.Route),
        [LastVotePrefix + "abstain"] = new(LastVotePrefix + "abstain", FactType.Number, null, FactSource.Route),
        [LastVotePrefix + "recused"] = new(LastVotePrefix + "recused", FactType.Number, null, FactSource.Route),
        [LastVotePrefix + "participants"] = new(LastVotePrefix + "participants", FactType.Number, null, FactSource.Route),
        [LastVotePrefix + "members"] = new(LastVotePrefix + "members", FactType.Number, null, FactSource.Route),
        [LastVotePrefix + "passed"] = new(LastVotePrefix + "passed", FactType.Boolean, null, FactSource.Route),
        [LastVotePrefix + "outcome"] = new(LastVotePrefix + "outcome", FactType.String, ["passed", "failed", "noQuorum"], FactSource.Route),
    };

    public static bool TryGet(string name, out FactDescriptor descriptor) => Facts.TryGetValue(name, out descriptor!);
}
