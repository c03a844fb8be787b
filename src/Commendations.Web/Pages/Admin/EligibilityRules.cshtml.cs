using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Commendations.Features.Admin.AwardForms;
using Commendations.Features.Eligibility;
using Commendations.Web.Ui;
using Microsoft.AspNetCore.Mvc;

namespace Commendations.Web.Pages.Admin;

/// <summary>
/// Eligibility rules: the versions of each award form's rules with the date each takes effect, and a form to add a version,
/// one fieldset per rule (pre-filled with the latest version of the chosen award form; "add a rule" adds an empty one).
/// Refused input is shown next to its field and nothing is saved.
/// </summary>
public sealed partial class EligibilityRulesModel : AdminPageModel
{
    public const int BlankRows = 1;

    [BindProperty] public RuleSetInput Input { get; set; } = new();
    [BindProperty] public List<RuleRow> Rows { get; set; } = [];

    public IReadOnlyList<AwardFormView> AwardForms { get; private set; } = [];
    public IReadOnlyList<RuleSetView> RuleSets { get; private set; } = [];
    public string[] FieldKeys => ["Input.AwardFormCode", "Input.EffectiveFrom", "Input.LegalBasis", "Input.Rules",
        .. Enumerable.Range(0, Rows.Count).SelectMany(i => RuleRow.Fields.Select(f => $"Rows[{i}].{f}"))];

    public async Task OnGetAsync(string? awardForm)
    {
        await LoadAsync();
        var code = AwardForms.Any(a => a.Code == awardForm) ? awardForm! : AwardForms.FirstOrDefault()?.Code ?? "";
        Input = new RuleSetInput { AwardFormCode = code };
        Rows = RuleSets.Where(r => r.AwardFormCode == code).MaxBy(r => r.Version) is { } latest && Rules(latest) is { } rules
            ? rules.Select(RuleRow.From).ToList()
            : [];
        Rows.AddRange(Enumerable.Range(0, BlankRows).Select(_ => new RuleRow()));
    }

    /// <summary>Another empty rule to fill in; what was typed stays.</summary>
    public async Task<IActionResult> OnPostAddRowAsync()
    {
        ModelState.Clear();
        Rows.Add(new RuleRow());
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Input.EffectiveFrom is null && !ModelState.ContainsKey("Input.EffectiveFrom"))
            ModelState.AddModelError("Input.EffectiveFrom", T["Nhập ngày tiêu chuẩn có hiệu lực."]);
        var rules = new List<EligibilityRule>();
        for (var i = 0; i < Rows.Count; i++)
        {
            if (Rows[i].IsBlank)
                continue;
            if (Rows[i].ToRule() is { } rule)
                rules.Add(rule);
            else
                ModelState.AddModelError($"Rows[{i}].Min", T["Nhập một số, ví dụ 0,7 hoặc 5."]);
        }
        // The rows keep their positions in the messages: the document's rule n is the n-th filled row.
        var filled = Enumerable.Range(0, Rows.Count).Where(i => !Rows[i].IsBlank).ToList();
        if (rules.Count == 0 && ModelState.IsValid)
            ModelState.AddModelError("Input.Rules", T["Nhập ít nhất một tiêu chuẩn."]);
        var document = JsonSerializer.SerializeToElement(new EligibilityRuleDocument(rules), JsonSerializerOptions.Web);
        if (ModelState.IsValid && await TryAsync(() => Mediator.Send(new AddRuleSet(Input.AwardFormCode?.Trim() ?? "", Input.EffectiveFrom!.Value,
                string.IsNullOrWhiteSpace(Input.LegalBasis) ? null : Input.LegalBasis.Trim(), document))))
        {
            Flash = T["Đã thêm phiên bản tiêu chuẩn của {0}, hiệu lực từ {1}.", Input.AwardFormCode ?? "", Format.Date(Input.EffectiveFrom!.Value)];
            return Redirect("/quan-tri/tieu-chuan?awardForm=" + Uri.EscapeDataString(Input.AwardFormCode ?? ""));
        }
        MoveRuleProblemsToRows(filled);
        await LoadAsync();
        return Page();
    }

    /// <summary>"$.rules[1].min: Tỷ lệ lớn hơn 0 và không quá 1." becomes a message next to that row's field.</summary>
    private void MoveRuleProblemsToRows(List<int> filled)
    {
        if (!ModelState.TryGetValue("Input.rules", out var entry) || entry.Errors.Count == 0)
            return;
        var kept = new List<string>();
        foreach (var message in entry.Errors.Select(e => e.ErrorMessage).ToList())
        {
            var match = RulePath().Match(message);
            if (match.Success && int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) is var n && n < filled.Count)
            {
                var field = char.ToUpperInvariant(match.Groups[2].Value[0]) + match.Groups[2].Value[1..];
                ModelState.AddModelError($"Rows[{filled[n]}].{field}", match.Groups[3].Value);
            }
            else
            {
                kept.Add(message);
            }
        }
        entry.Errors.Clear();
        foreach (var message in kept)
            ModelState.AddModelError("Input.Rules", message);
    }

    [GeneratedRegex(@"^\$\.rules\[(\d+)\]\.(\w+): (.*)$")]
    private static partial Regex RulePath();

    private async Task LoadAsync()
    {
        AwardForms = await Mediator.Send(new ListAwardForms());
        RuleSets = await Mediator.Send(new ListRuleSets());
    }

    public string AwardFormName(string code) => AwardForms.FirstOrDefault(a => a.Code == code)?.Name ?? code;

    /// <summary>The stored rules, read back; a set the current language no longer accepts shows as its raw JSON.</summary>
    public static IReadOnlyList<EligibilityRule>? Rules(RuleSetView set) => EligibilityRuleDocument.Parse(set.Rules.GetRawText()).Document?.Rules;

    public static readonly IReadOnlyList<string> Kinds = ["minShare", "minCount", "consecutiveAwards", "oneAwardPerAchievement", "manual"];
    public static readonly IReadOnlyList<string> Facts = ["memberCount", "womenCount", "advancedWorkerCount", "registeredCount"];
    public static readonly IReadOnlyList<string> NomineeKinds = ["collective", "individual", "household"];
    public static readonly IReadOnlyList<string> CampaignTypes = ["regular", "thematic"];

    public static string CampaignTypeLabel(string type) => type == "regular" ? "Thường xuyên" : "Chuyên đề";

    public static string KindLabel(string kind) => kind switch
    {
        "minShare" => "Tỷ lệ tối thiểu",
        "minCount" => "Số lượng tối thiểu",
        "consecutiveAwards" => "Khen thưởng liên tục",
        "oneAwardPerAchievement" => "Một thành tích – một hình thức khen thưởng",
        "manual" => "Người xét duyệt kiểm tra",
        _ => kind,
    };

    public static string FactLabel(string fact) => fact switch
    {
        "memberCount" => "Số thành viên",
        "womenCount" => "Số nữ",
        "advancedWorkerCount" => "Số lao động tiên tiến",
        "registeredCount" => "Số đã đăng ký thi đua cho hình thức này",
        _ => fact,
    };

    public static string NomineeKindLabel(string kind) => kind switch
    {
        "collective" => "Tập thể",
        "individual" => "Cá nhân",
        _ => "Hộ gia đình",
    };

    /// <summary>
    /// The rule's parameters in one short line in the reader's language, e.g. "Số lao động tiên tiến / Số thành viên ≥ 70 %"
    /// — facts and award forms by their names, never their codes.
    /// </summary>
    public string Parameters(EligibilityRule rule) => rule.Kind switch
    {
        "minShare" => string.Create(CultureInfo.InvariantCulture,
            $"{T[FactLabel(rule.Numerator ?? "")]} / {T[FactLabel(rule.Denominator ?? "")]} ≥ {rule.Min * 100:0.#} %"),
        "minCount" => string.Create(CultureInfo.InvariantCulture, $"{T[FactLabel(rule.Fact ?? "")]} ≥ {rule.Min:0.#}"),
        "consecutiveAwards" => T["{0}, {1} năm liên tục", AwardFormName(rule.AwardForm ?? ""), rule.Years ?? 0],
        _ => "—",
    };

    public sealed class RuleSetInput
    {
        public string? AwardFormCode { get; set; }
        public DateOnly? EffectiveFrom { get; set; }
        public string? LegalBasis { get; set; }
    }

    /// <summary>One rule as the form shows it; numbers as typed (0,7 or 0.7), read whatever the page's language.</summary>
    public sealed class RuleRow
    {
        public static readonly string[] Fields = ["Key", "Kind", "Label", "AppliesTo", "Numerator", "Denominator", "Fact", "Min", "AwardForm", "Years", "CampaignTypes", "Citation"];

        public string? Key { get; set; }
        public string? Kind { get; set; }
        public string? Label { get; set; }
        public List<string> AppliesTo { get; set; } = [];
        public string? Numerator { get; set; }
        public string? Denominator { get; set; }
        public string? Fact { get; set; }
        public string? Min { get; set; }
        public string? AwardForm { get; set; }
        public int? Years { get; set; }
        public List<string> CampaignTypes { get; set; } = [];
        public string? Citation { get; set; }

        /// <summary>An untouched row (no key, no label) is left out; the kind select always has a value.</summary>
        public bool IsBlank => string.IsNullOrWhiteSpace(Key) && string.IsNullOrWhiteSpace(Label);

        public static RuleRow From(EligibilityRule rule) => new()
        {
            Key = rule.Key, Kind = rule.Kind, Label = rule.Label, AppliesTo = rule.AppliesTo?.ToList() ?? [],
            Numerator = rule.Numerator, Denominator = rule.Denominator, Fact = rule.Fact,
            Min = rule.Min?.ToString(CultureInfo.InvariantCulture), AwardForm = rule.AwardForm, Years = rule.Years,
            CampaignTypes = rule.CampaignTypes?.ToList() ?? [], Citation = rule.Citation,
        };

        /// <summary>The rule with only the parameters its kind uses; null when the minimum is not a number.</summary>
        public EligibilityRule? ToRule()
        {
            decimal? min = null;
            var usesMin = Kind is "minShare" or "minCount";
            if (usesMin && !string.IsNullOrWhiteSpace(Min))
            {
                if (!decimal.TryParse(Min.Trim().Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
                    return null;
                min = value;
            }
            return new EligibilityRule(Key?.Trim() ?? "", Kind ?? "", Label?.Trim() ?? "", AppliesTo.Count > 0 ? AppliesTo : null,
                Kind == "minShare" ? Blank(Numerator) : null, Kind == "minShare" ? Blank(Denominator) : null, Kind == "minCount" ? Blank(Fact) : null,
                usesMin ? min : null, Kind == "consecutiveAwards" ? Blank(AwardForm) : null, Kind == "consecutiveAwards" ? Years : null,
                CampaignTypes.Count > 0 ? CampaignTypes : null, Blank(Citation));
        }

        private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }
}
