using Commendations.Domain.Eligibility;

namespace Commendations.Seeding;

/// <summary>
/// The eligibility rules per award form, as versions with the date each takes effect, each rule citing where it comes from
/// and saying in which campaign types it applies. A nomination is evaluated under the version in force when its campaign's
/// period starts, so a 2023 campaign keeps the criteria before Law 06/2022/QH15 (in force 01/01/2024).
/// <list type="bullet">
/// <item>Provincial certificate of merit: in a thematic campaign the criterion is the campaign's own (outstanding in it);
/// the "consecutive" criteria (years of excellent task completion) belong to regular campaigns.</item>
/// <item>The 70 % advanced-worker share is a criterion of the title Tập thể lao động xuất sắc only.</item>
/// <item>Chiến sĩ thi đua cấp tỉnh: three consecutive grassroots emulation fighter titles (Law 06/2022/QH15, Art. 22(1)),
/// counted from the registry by the nominee's identity, in regular campaigns.</item>
/// <item>Thematic awards do not count towards regular ones, and nobody under discipline, inspection or a pending complaint
/// is awarded (Decree 152/2025/NĐ-CP, Art. 4, from 01/07/2025; Decree 98/2023/NĐ-CP before).</item>
/// </list>
/// Article numbers other than Art. 22 of the Law and Art. 4 of Decree 152/2025 are given as this project read them and are
/// marked unverified in docs/documents.md; administrators correct them as data.
/// </summary>
public static class DemoEligibilityRules
{
    private static readonly DateOnly BeforeLaw2022 = new(2017, 10, 1);
    private static readonly DateOnly LawInForce = new(2024, 1, 1);
    private static readonly DateOnly Decree152InForce = new(2025, 7, 1);

    private const string Law2022 = "Luật Thi đua, khen thưởng 2022";

    private static string Common(string discipline) => $$"""
        {"key":"one-award","kind":"oneAwardPerAchievement","label":"Một thành tích chỉ được khen thưởng một lần, một hình thức","citation":"Điều 6 {{Law2022}}"},
        {"key":"no-discipline","kind":"manual","label":"Không trong thời gian bị kỷ luật, thanh tra, giải quyết khiếu nại, tố cáo","citation":"{{discipline}}"}
        """;

    private const string OldCommon = """
        {"key":"one-award","kind":"oneAwardPerAchievement","label":"Một thành tích chỉ được khen thưởng một lần, một hình thức","citation":"Luật Thi đua, khen thưởng 2003 (sửa đổi 2013)"},
        {"key":"no-discipline","kind":"manual","label":"Không trong thời gian bị kỷ luật, thanh tra, giải quyết khiếu nại, tố cáo","citation":"Nghị định 91/2017/NĐ-CP"}
        """;

    private static string Merit(string discipline) => $$"""
        {"rules":[
        {"key":"campaign-achievement","kind":"manual","label":"Có thành tích xuất sắc được bình xét trong phong trào thi đua theo chuyên đề do tỉnh phát động","campaignTypes":["thematic"],"citation":"Điều 74 {{Law2022}}"},
        {"key":"individual-excellent","kind":"manual","label":"Cá nhân 02 lần liên tục hoàn thành xuất sắc nhiệm vụ, trong thời gian đó có 02 sáng kiến được công nhận","appliesTo":["individual"],"campaignTypes":["regular"],"citation":"Điều 74 {{Law2022}}"},
        {"key":"collective-excellent","kind":"manual","label":"Tập thể 02 năm liên tục hoàn thành xuất sắc nhiệm vụ","appliesTo":["collective","household"],"campaignTypes":["regular"],"citation":"Điều 74 {{Law2022}}"},
        {{Common(discipline)}}
        ]}
        """;

    private static string Fighter(string discipline) => $$"""
        {"rules":[
        {"key":"consecutive-titles","kind":"consecutiveAwards","label":"03 lần liên tục đạt danh hiệu Chiến sĩ thi đua cơ sở","awardForm":"csdt-co-so","years":3,"campaignTypes":["regular"],"citation":"Khoản 1 Điều 22 {{Law2022}}"},
        {"key":"initiative","kind":"manual","label":"Sáng kiến có hiệu quả, khả năng nhân rộng trong phạm vi tỉnh, chưa dùng để xét khen thưởng khác","campaignTypes":["regular"],"citation":"Khoản 1 Điều 22 {{Law2022}}"},
        {{Common(discipline)}}
        ]}
        """;

    private static string ExcellentCollective(string discipline) => $$"""
        {"rules":[
        {"key":"advanced-share","kind":"minShare","label":"Có ít nhất 70 % cá nhân trong tập thể đạt danh hiệu Lao động tiên tiến","numerator":"advancedWorkerCount","denominator":"memberCount","min":0.7,"citation":"Điều 27 {{Law2022}}"},
        {"key":"all-completed","kind":"manual","label":"100 % cá nhân trong tập thể hoàn thành nhiệm vụ được giao","citation":"Điều 27 {{Law2022}}"},
        {"key":"grassroots-fighter","kind":"manual","label":"Có cá nhân đạt danh hiệu Chiến sĩ thi đua cơ sở","citation":"Điều 27 {{Law2022}}"},
        {{Common(discipline)}}
        ]}
        """;

    private static string Flag(string discipline) => $$"""
        {"rules":[
        {"key":"cluster-leader","kind":"manual","label":"Dẫn đầu cụm, khối thi đua của tỉnh","campaignTypes":["regular"],"citation":"Điều 26 {{Law2022}}"},
        {"key":"thematic-leader","kind":"manual","label":"Tiêu biểu xuất sắc trong phong trào thi đua theo chuyên đề","campaignTypes":["thematic"],"citation":"Điều 26 {{Law2022}}"},
        {{Common(discipline)}}
        ]}
        """;

    public static IEnumerable<EligibilityRuleSet> All(Guid admin)
    {
        var now = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        const string decree98 = "Nghị định 98/2023/NĐ-CP";
        const string decree152 = "Điều 4 Nghị định 152/2025/NĐ-CP";
        yield return new EligibilityRuleSet(DemoCatalog.CertificateOfMerit, 1, BeforeLaw2022, "Luật Thi đua, khen thưởng 2003 (sửa đổi 2013); Nghị định 91/2017/NĐ-CP", $$"""
            {"rules":[
            {"key":"campaign-achievement","kind":"manual","label":"Có thành tích xuất sắc trong phong trào thi đua theo chuyên đề do tỉnh phát động","campaignTypes":["thematic"],"citation":"Nghị định 91/2017/NĐ-CP"},
            {"key":"individual-excellent","kind":"manual","label":"Cá nhân 02 năm liên tục hoàn thành xuất sắc nhiệm vụ, có 02 sáng kiến được công nhận","appliesTo":["individual"],"campaignTypes":["regular"],"citation":"Nghị định 91/2017/NĐ-CP"},
            {{OldCommon}}
            ]}
            """, admin, now);
        yield return new EligibilityRuleSet(DemoCatalog.CertificateOfMerit, 2, LawInForce, $"{Law2022}; {decree98}", Merit(decree98), admin, now);
        yield return new EligibilityRuleSet(DemoCatalog.CertificateOfMerit, 3, Decree152InForce, $"{Law2022}; Nghị định 152/2025/NĐ-CP", Merit(decree152), admin, now);
        yield return new EligibilityRuleSet(DemoCatalog.ProvincialEmulationFighter, 1, LawInForce, $"{Law2022}; {decree98}", Fighter(decree98), admin, now);
        yield return new EligibilityRuleSet(DemoCatalog.ProvincialEmulationFighter, 2, Decree152InForce, $"{Law2022}; Nghị định 152/2025/NĐ-CP", Fighter(decree152), admin, now);
        yield return new EligibilityRuleSet(DemoCatalog.ExcellentLabourCollective, 1, LawInForce, $"{Law2022}; {decree98}", ExcellentCollective(decree98), admin, now);
        yield return new EligibilityRuleSet(DemoCatalog.ExcellentLabourCollective, 2, Decree152InForce, $"{Law2022}; Nghị định 152/2025/NĐ-CP", ExcellentCollective(decree152), admin, now);
        yield return new EligibilityRuleSet(DemoCatalog.EmulationFlag, 1, LawInForce, $"{Law2022}; {decree98}", Flag(decree98), admin, now);
        yield return new EligibilityRuleSet(DemoCatalog.EmulationFlag, 2, Decree152InForce, $"{Law2022}; Nghị định 152/2025/NĐ-CP", Flag(decree152), admin, now);
    }
}
