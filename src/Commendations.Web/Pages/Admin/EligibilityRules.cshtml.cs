using System.Globalization;
using System.Text.Json;
using Commendations.Features.Admin.AwardForms;
using Commendations.Features.Eligibility;
using Commendations.Web.Ui;
using Microsoft.AspNetCore.Mvc;

namespace Commendations.Web.Pages.Admin;

/// <summary>
/// Eligibility rules: the versions of each award form's rules with the date each takes effect, and a form to add a version
/// (the rules as their JSON document, pre-filled with the latest version of the chosen award form). Refused input is shown
/// next to its field and nothing is saved.
/// </summary>
public sealed class EligibilityRulesModel : AdminPageModel
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    [BindProperty] public RuleSetInput Input { get; set; } = new();

    public IReadOnlyList<AwardFormView> AwardForms { get; private set; } = [];
    public IReadOnlyList<RuleSetView> RuleSets { get; private set; } = [];
    public string[] FieldKeys => ["Input.AwardFormCode", "Input.EffectiveFrom", "Input.LegalBasis", "Input.Rules"];

    public async Task OnGetAsync(string? awardForm)
    {
        await LoadAsync();
        var code = AwardForms.Any(a => a.Code == awardForm) ? awardForm! : AwardForms.FirstOrDefault()?.Code ?? "";
        Input = new RuleSetInput { AwardFormCode = code, Rules = LatestRules(code) };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        JsonElement rules = default;
        if (Input.EffectiveFrom is null && !ModelState.ContainsKey("Input.EffectiveFrom"))
            ModelState.AddModelError("Input.EffectiveFrom", T["Nhập ngày tiêu chuẩn có hiệu lực."]);
        try
        {
            using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(Input.Rules) ? "{}" : Input.Rules);
            rules = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            ModelState.AddModelError("Input.Rules", T["Nội dung tiêu chuẩn không phải JSON hợp lệ (dòng {0}): {1}", (e.LineNumber ?? 0) + 1, e.Message.Split(" Path:")[0]]);
        }
        if (ModelState.IsValid && await TryAsync(() => Mediator.Send(new AddRuleSet(Input.AwardFormCode?.Trim() ?? "", Input.EffectiveFrom!.Value,
                string.IsNullOrWhiteSpace(Input.LegalBasis) ? null : Input.LegalBasis.Trim(), rules))))
        {
            Flash = T["Đã thêm phiên bản tiêu chuẩn của {0}, hiệu lực từ {1}.", Input.AwardFormCode ?? "", Format.Date(Input.EffectiveFrom!.Value)];
            return Redirect("/quan-tri/tieu-chuan?awardForm=" + Uri.EscapeDataString(Input.AwardFormCode ?? ""));
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        AwardForms = await Mediator.Send(new ListAwardForms());
        RuleSets = await Mediator.Send(new ListRuleSets());
    }

    private string LatestRules(string code) =>
        RuleSets.Where(r => r.AwardFormCode == code).MaxBy(r => r.Version) is { } latest
            ? JsonSerializer.Serialize(latest.Rules, Indented)
            : """{"rules": []}""";

    public string AwardFormName(string code) => AwardForms.FirstOrDefault(a => a.Code == code)?.Name ?? code;

    /// <summary>The stored rules, read back; a set the current language no longer accepts shows as its raw JSON.</summary>
    public static IReadOnlyList<EligibilityRule>? Rules(RuleSetView set) => EligibilityRuleDocument.Parse(set.Rules.GetRawText()).Document?.Rules;

    public static string KindLabel(string kind) => kind switch
    {
        "minShare" => "Tỷ lệ tối thiểu",
        "minCount" => "Số lượng tối thiểu",
        "consecutiveAwards" => "Khen thưởng liên tục",
        "oneAwardPerAchievement" => "Một thành tích – một hình thức khen thưởng",
        "manual" => "Người xét duyệt kiểm tra",
        _ => kind,
    };

    /// <summary>The rule's parameters in one short line, e.g. "advancedWorkerCount / memberCount ≥ 70 %".</summary>
    public static string Parameters(EligibilityRule rule) => rule.Kind switch
    {
        "minShare" => string.Create(CultureInfo.InvariantCulture, $"{rule.Numerator} / {rule.Denominator} ≥ {rule.Min * 100:0.#} %"),
        "minCount" => string.Create(CultureInfo.InvariantCulture, $"{rule.Fact} ≥ {rule.Min:0.#}"),
        "consecutiveAwards" => $"{rule.AwardForm} × {rule.Years}",
        _ => "—",
    };

    public sealed class RuleSetInput
    {
        public string? AwardFormCode { get; set; }
        public DateOnly? EffectiveFrom { get; set; }
        public string? LegalBasis { get; set; }
        public string? Rules { get; set; }
    }
}
