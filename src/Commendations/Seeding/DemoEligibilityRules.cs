using Commendations.Domain.Eligibility;

namespace Commendations.Seeding;

/// <summary>
/// First versions of the eligibility rules (Law 06/2022/QH15 in force from 01/01/2024, DOMAIN.md's summary; the 70 %
/// share for collectives is this fictional province's own rule). Administrators add later versions with their dates.
/// </summary>
public static class DemoEligibilityRules
{
    private static readonly DateOnly LawInForce = new(2024, 1, 1);

    private const string Common = """
        {"key":"one-award","kind":"oneAwardPerAchievement","label":"Một thành tích chỉ được khen thưởng một lần, một hình thức"},
        {"key":"no-discipline","kind":"manual","label":"Không trong thời gian bị kỷ luật, thanh tra, giải quyết khiếu nại, tố cáo"}
        """;

    public static IEnumerable<EligibilityRuleSet> All(Guid admin)
    {
        var now = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        yield return new EligibilityRuleSet(DemoCatalog.CertificateOfMerit, 1, LawInForce, "Luật Thi đua, khen thưởng 06/2022/QH15", $$"""
            {"rules":[
            {"key":"advanced-share","kind":"minShare","label":"Tập thể có từ 70 % lao động tiên tiến trở lên","appliesTo":["collective","household"],"numerator":"advancedWorkerCount","denominator":"memberCount","min":0.7},
            {"key":"consecutive-titles","kind":"consecutiveAwards","label":"Cá nhân 2 năm liên tục đạt Chiến sĩ thi đua cơ sở","appliesTo":["individual"],"awardForm":"csdt-co-so","years":2},
            {{Common}}
            ]}
            """, admin, now);
        yield return new EligibilityRuleSet(DemoCatalog.ProvincialEmulationFighter, 1, LawInForce, "Luật Thi đua, khen thưởng 06/2022/QH15", $$"""
            {"rules":[
            {"key":"consecutive-titles","kind":"consecutiveAwards","label":"3 lần liên tục đạt Chiến sĩ thi đua cơ sở","awardForm":"csdt-co-so","years":3},
            {"key":"initiative-once","kind":"manual","label":"Sáng kiến có hiệu quả trong phạm vi tỉnh, chưa dùng để xét khen thưởng khác"},
            {{Common}}
            ]}
            """, admin, now);
        yield return new EligibilityRuleSet("tap-the-ldxs", 1, LawInForce, "Luật Thi đua, khen thưởng 06/2022/QH15", $$"""
            {"rules":[
            {"key":"advanced-share","kind":"minShare","label":"Có từ 70 % lao động tiên tiến trở lên","numerator":"advancedWorkerCount","denominator":"memberCount","min":0.7},
            {"key":"grassroots-fighter","kind":"manual","label":"Có cá nhân đạt Chiến sĩ thi đua cơ sở"},
            {{Common}}
            ]}
            """, admin, now);
    }
}
