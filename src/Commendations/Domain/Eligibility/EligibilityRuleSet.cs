namespace Commendations.Domain.Eligibility;

/// <summary>
/// A version of the eligibility rules of one award form, in force from <see cref="EffectiveFrom"/> (DOMAIN.md: criteria
/// change with decrees, so they are data with an effective date). A nomination is evaluated under the version in force
/// when its campaign's period starts. Versions are never edited: a change is a new version.
/// </summary>
public class EligibilityRuleSet
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public string AwardFormCode { get; private set; } = "";
    public int Version { get; private set; }
    public DateOnly EffectiveFrom { get; private set; }
    public string? LegalBasis { get; private set; }

    /// <summary>The rules as JSON (<c>{"rules":[…]}</c>), read by <c>EligibilityRules</c>.</summary>
    public string Rules { get; private set; } = "";
    public Guid CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    private EligibilityRuleSet() { }

    public EligibilityRuleSet(string awardFormCode, int version, DateOnly effectiveFrom, string? legalBasis, string rules, Guid createdBy, DateTimeOffset now)
    {
        AwardFormCode = awardFormCode;
        Version = version;
        EffectiveFrom = effectiveFrom;
        LegalBasis = legalBasis;
        Rules = rules;
        CreatedBy = createdBy;
        CreatedAt = now;
    }
}

public enum EligibilityOutcome
{
    Passed,
    Failed,
    /// <summary>A fact the system cannot know (discipline, initiatives, titles given elsewhere): a reviewer must check it.</summary>
    NeedsChecking,
}

/// <summary>The stored result of checking a nomination when it was submitted.</summary>
public class NominationEligibility
{
    public Guid NominationId { get; private set; }
    public Guid? RuleSetId { get; private set; }
    public int? RuleSetVersion { get; private set; }
    public DateOnly? RulesEffectiveFrom { get; private set; }
    public EligibilityOutcome Overall { get; private set; }

    /// <summary>Each rule's result as JSON: key, label, outcome, detail.</summary>
    public string Results { get; private set; } = "[]";
    public DateTimeOffset EvaluatedAt { get; private set; }

    private NominationEligibility() { }

    public NominationEligibility(Guid nominationId) => NominationId = nominationId;

    public void Record(EligibilityRuleSet? ruleSet, EligibilityOutcome overall, string results, DateTimeOffset now)
    {
        RuleSetId = ruleSet?.Id;
        RuleSetVersion = ruleSet?.Version;
        RulesEffectiveFrom = ruleSet?.EffectiveFrom;
        Overall = overall;
        Results = results;
        EvaluatedAt = now;
    }
}
