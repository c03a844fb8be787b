namespace Commendations.Engine;

public enum FactType
{
    String,
    Number,
    Date,
}

/// <summary>A known fact: its name, type and, for closed vocabularies, the allowed values.</summary>
public sealed record FactDescriptor(string Name, FactType Type, IReadOnlyList<string>? AllowedValues = null);

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
    };

    public static bool TryGet(string name, out FactDescriptor descriptor) => Facts.TryGetValue(name, out descriptor!);
}
