using System.Text.Json;
using System.Text.Json.Serialization;
using Commendations.Common.Text;

namespace Commendations.Features.Eligibility;

/// <summary>
/// The declarative rule language (JSON), evaluated by <see cref="EligibilityEvaluator"/>. Example:
/// <code>
/// {"rules":[
///   {"key":"advanced-share","kind":"minShare","label":"≥ 70 % lao động tiên tiến","appliesTo":["collective"],
///    "numerator":"advancedWorkerCount","denominator":"memberCount","min":0.7},
///   {"key":"consecutive","kind":"consecutiveAwards","label":"2 năm liền chiến sĩ thi đua cơ sở","appliesTo":["individual"],"awardForm":"csdt-co-so","years":2},
///   {"key":"one-award","kind":"oneAwardPerAchievement","label":"Một thành tích – một hình thức khen thưởng"},
///   {"key":"no-discipline","kind":"manual","label":"Không trong thời gian bị kỷ luật, thanh tra, khiếu nại"}
/// ]}
/// </code>
/// Every rule may say in which campaign types it applies (<c>"campaignTypes":["regular"]</c>: "consecutive titles" are
/// counted in regular campaigns only; none: every type) and which article it comes from (<c>"citation"</c>, shown with the
/// result).
/// Kinds: <c>minShare</c> (numerator / denominator ≥ min), <c>minCount</c> (fact ≥ min; <c>registeredCount</c> is how many
/// of the nominee's kind its unit registered for the award form in the campaign — "registered for this title" is
/// <c>{"kind":"minCount","fact":"registeredCount","min":1}</c>), <c>consecutiveAwards</c> (the
/// registry holds the award form for each of the N years before the campaign's; otherwise needs checking, since titles
/// may have been given outside this system), <c>oneAwardPerAchievement</c> (no other live nomination or award of the same
/// nominee in the same campaign), <c>manual</c> (always needs checking: discipline, initiatives used once, …).
/// </summary>
public sealed record EligibilityRuleDocument(IReadOnlyList<EligibilityRule> Rules)
{
    public static readonly IReadOnlySet<string> Kinds = new HashSet<string> { "minShare", "minCount", "consecutiveAwards", "oneAwardPerAchievement", "manual" };
    public static readonly IReadOnlySet<string> Facts = new HashSet<string> { "memberCount", "womenCount", "advancedWorkerCount", "registeredCount" };
    public static readonly IReadOnlySet<string> NomineeKinds = new HashSet<string> { "collective", "individual", "household" };
    public static readonly IReadOnlySet<string> CampaignTypes = new HashSet<string> { "regular", "thematic" };

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        WriteIndented = false,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    /// <summary>Reads and checks a rule document; every problem comes back as "JSON path: sentence".</summary>
    public static (EligibilityRuleDocument? Document, IReadOnlyList<Message> Problems) Parse(string json)
    {
        EligibilityRuleDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<EligibilityRuleDocument>(json, Options);
        }
        catch (JsonException e)
        {
            return (null, [new Message("{0}: {1}", e.Path ?? "$", JsonProblems.Describe(e))]);
        }
        if (document?.Rules is null)
            return (null, [new Message("{0}: Bộ tiêu chuẩn cần có danh sách các tiêu chuẩn.", "$.rules")]);
        var problems = new List<Message>();
        var keys = new HashSet<string>();
        for (var i = 0; i < document.Rules.Count; i++)
        {
            var rule = document.Rules[i];
            var at = $"$.rules[{i}]";
            if (string.IsNullOrWhiteSpace(rule.Key) || !keys.Add(rule.Key))
                problems.Add(new Message("{0}: Mỗi tiêu chuẩn cần một mã riêng.", $"{at}.key"));
            if (string.IsNullOrWhiteSpace(rule.Label))
                problems.Add(new Message("{0}: Ghi rõ tiêu chuẩn kiểm tra điều gì, như người xét duyệt sẽ đọc.", $"{at}.label"));
            if (!Kinds.Contains(rule.Kind ?? ""))
                problems.Add(new Message("{0}: Không có loại tiêu chuẩn “{1}”; chọn một trong: {2}.", $"{at}.kind", rule.Kind, string.Join(", ", Kinds)));
            foreach (var kind in rule.AppliesTo ?? [])
            {
                if (!NomineeKinds.Contains(kind))
                    problems.Add(new Message("{0}: Không có đối tượng được khen “{1}”.", $"{at}.appliesTo", kind));
            }
            foreach (var type in rule.CampaignTypes ?? [])
            {
                if (!CampaignTypes.Contains(type))
                    problems.Add(new Message("{0}: Không có loại phong trào “{1}”; chọn regular (thường xuyên) hoặc thematic (chuyên đề).", $"{at}.campaignTypes", type));
            }
            if (rule.Citation is { Length: > 300 })
                problems.Add(new Message("{0}: Căn cứ pháp lý tối đa 300 ký tự.", $"{at}.citation"));
            switch (rule.Kind)
            {
                case "minShare":
                    if (!Facts.Contains(rule.Numerator ?? "")) problems.Add(new Message("{0}: Chọn một trong: {1}.", $"{at}.numerator", string.Join(", ", Facts)));
                    if (!Facts.Contains(rule.Denominator ?? "")) problems.Add(new Message("{0}: Chọn một trong: {1}.", $"{at}.denominator", string.Join(", ", Facts)));
                    if (rule.Min is not (> 0 and <= 1)) problems.Add(new Message("{0}: Tỷ lệ lớn hơn 0 và không quá 1.", $"{at}.min"));
                    break;
                case "minCount":
                    if (!Facts.Contains(rule.Fact ?? "")) problems.Add(new Message("{0}: Chọn một trong: {1}.", $"{at}.fact", string.Join(", ", Facts)));
                    if (rule.Min is not >= 0) problems.Add(new Message("{0}: Số lượng từ 0 trở lên.", $"{at}.min"));
                    break;
                case "consecutiveAwards":
                    if (string.IsNullOrWhiteSpace(rule.AwardForm)) problems.Add(new Message("{0}: Ghi hình thức khen thưởng được tính.", $"{at}.awardForm"));
                    if (rule.Years is not (>= 1 and <= 10)) problems.Add(new Message("{0}: Từ 1 đến 10 năm.", $"{at}.years"));
                    break;
            }
        }
        return problems.Count == 0 ? (document, []) : (null, problems);
    }
}

public sealed record EligibilityRule(
    string Key,
    string Kind,
    string Label,
    IReadOnlyList<string>? AppliesTo = null,
    string? Numerator = null,
    string? Denominator = null,
    string? Fact = null,
    decimal? Min = null,
    string? AwardForm = null,
    int? Years = null,
    IReadOnlyList<string>? CampaignTypes = null,
    string? Citation = null)
{
    /// <summary>Whether the rule applies in a campaign of this type (no list: every type).</summary>
    public bool AppliesIn(Domain.Campaigns.CampaignType type) =>
        CampaignTypes is not { Count: > 0 } types || types.Contains(type == Domain.Campaigns.CampaignType.Regular ? "regular" : "thematic");
}

/// <summary>One rule's result. <paramref name="Detail"/> is in Vietnamese; <paramref name="DetailTemplate"/> and
/// <paramref name="DetailValues"/> let a page show it in another language (null in results stored before they existed).</summary>
public sealed record RuleResult(string Key, string Label, Domain.Eligibility.EligibilityOutcome Outcome, string Detail,
    string? DetailTemplate = null, IReadOnlyList<string>? DetailValues = null, string? Citation = null);
