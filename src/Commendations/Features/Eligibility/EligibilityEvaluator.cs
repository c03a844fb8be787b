using System.Globalization;
using System.Text.Json;
using Commendations.Domain.Catalog;
using Commendations.Domain.Eligibility;
using Commendations.Domain.Nominations;
using Commendations.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Eligibility;

/// <summary>
/// Evaluates a nomination under the rule version of its award form in force when its campaign's period starts, and
/// stores the result (shown to reviewers as passed / failed / needs checking).
/// </summary>
public sealed class EligibilityEvaluator(CommendationsDbContext db, TimeProvider clock)
{
    public static readonly JsonSerializerOptions ResultJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public async Task<EligibilityRuleSet?> InForceAsync(string awardFormCode, DateOnly periodStart, CancellationToken cancellationToken) =>
        await db.EligibilityRuleSets.AsNoTracking().Where(r => r.AwardFormCode == awardFormCode && r.EffectiveFrom <= periodStart)
            .OrderByDescending(r => r.EffectiveFrom).FirstOrDefaultAsync(cancellationToken);

    public async Task<NominationEligibility> EvaluateAndStoreAsync(Nomination nomination, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == nomination.CampaignId, cancellationToken);
        var form = await db.AwardForms.AsNoTracking().SingleAsync(a => a.Id == nomination.AwardFormId, cancellationToken);
        var ruleSet = await InForceAsync(form.Code, campaign.PeriodStart, cancellationToken);
        var results = new List<RuleResult>();
        if (ruleSet is not null)
        {
            var (document, _) = EligibilityRuleDocument.Parse(ruleSet.Rules);
            foreach (var rule in document?.Rules ?? [])
            {
                if (rule.AppliesTo is { Count: > 0 } kinds && !kinds.Contains(nomination.Kind.ToFact()))
                    continue;
                // A thematic campaign's awards are not counted for regular ones (Decree 152/2025/NĐ-CP, Art. 4), and its
                // criteria are the campaign's own: "consecutive titles" and the like apply to regular campaigns only.
                if (!rule.AppliesIn(campaign.Type))
                    continue;
                results.Add(await EvaluateAsync(rule, nomination, campaign.PeriodStart.Year, cancellationToken));
            }
        }
        var overall = results.Any(r => r.Outcome == EligibilityOutcome.Failed) ? EligibilityOutcome.Failed
            : results.Count == 0 || results.Any(r => r.Outcome == EligibilityOutcome.NeedsChecking) ? EligibilityOutcome.NeedsChecking
            : EligibilityOutcome.Passed;

        var stored = db.NominationEligibility.Local.FirstOrDefault(e => e.NominationId == nomination.Id)
                     ?? await db.NominationEligibility.SingleOrDefaultAsync(e => e.NominationId == nomination.Id, cancellationToken);
        if (stored is null)
        {
            stored = new NominationEligibility(nomination.Id);
            db.NominationEligibility.Add(stored);
        }
        stored.Record(ruleSet, overall, JsonSerializer.Serialize(results, ResultJson), clock.GetUtcNow());
        return stored;
    }

    private async Task<RuleResult> EvaluateAsync(EligibilityRule rule, Nomination nomination, int campaignYear, CancellationToken cancellationToken)
    {
        // Details are written in Vietnamese (the UI's language) and keep their template and values, so the UI can show them in English.
        RuleResult Result(EligibilityOutcome outcome, string template, params object[] values)
        {
            var args = values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "").ToList();
            return new(rule.Key, rule.Label, outcome, string.Format(CultureInfo.InvariantCulture, template, [.. args]), template, args, rule.Citation);
        }
        switch (rule.Kind)
        {
            case "minShare":
            case "minCount":
            {
                var facts = await FactsAsync(nomination, cancellationToken);
                if (rule.Kind == "minCount")
                {
                    return facts.TryGetValue(rule.Fact!, out var value)
                        ? Result(value >= rule.Min ? EligibilityOutcome.Passed : EligibilityOutcome.Failed, "{0}, tối thiểu {1}", value, rule.Min!)
                        : Result(EligibilityOutcome.NeedsChecking, "Hồ sơ chưa có số liệu này.");
                }
                if (!facts.TryGetValue(rule.Numerator!, out var numerator) || !facts.TryGetValue(rule.Denominator!, out var denominator) || denominator <= 0)
                    return Result(EligibilityOutcome.NeedsChecking, "Hồ sơ chưa có số liệu này.");
                var share = (decimal)numerator / denominator;
                return Result(share >= rule.Min ? EligibilityOutcome.Passed : EligibilityOutcome.Failed, "{0}/{1} = {2}, tối thiểu {3}",
                    numerator, denominator, share.ToString("P1", CultureInfo.InvariantCulture), rule.Min!.Value.ToString("P0", CultureInfo.InvariantCulture));
            }
            case "consecutiveAwards":
            {
                // Past titles are the nominee's own: the same person (or collective) across nominations and awards, never
                // whoever bears the same name in the unit.
                var years = Enumerable.Range(campaignYear - rule.Years!.Value, rule.Years.Value).ToList();
                var found = await (await SameNomineeAsync(nomination, cancellationToken))
                    .Where(r => r.AwardFormCode == rule.AwardForm && r.RevokedAt == null && r.SupersededByDecisionId == null && years.Contains(r.Year))
                    .Select(r => r.Year).Distinct().ToListAsync(cancellationToken);
                return found.Count == years.Count
                    ? Result(EligibilityOutcome.Passed, "Sổ khen thưởng có {0} các năm {1}.", rule.AwardForm!, string.Join(", ", years))
                    : Result(EligibilityOutcome.NeedsChecking, "Sổ khen thưởng chưa có đủ các năm {0}; kiểm tra các quyết định khen thưởng trong hồ sơ.",
                        string.Join(", ", years));
            }
            case "oneAwardPerAchievement":
            {
                var others = db.Nominations.AsNoTracking().Where(n => n.Id != nomination.Id && n.CampaignId == nomination.CampaignId
                    && n.Status != NominationStatus.Withdrawn && n.Status != NominationStatus.Rejected && n.SubmittedAt != null);
                var identity = await IdentityOfAsync(nomination, cancellationToken);
                others = nomination.PersonId is not null ? others.Where(n => db.People.Any(p => p.Id == n.PersonId && p.IdentityId == identity))
                    : nomination.CollectiveId is not null ? others.Where(n => db.Collectives.Any(c => c.Id == n.CollectiveId && c.IdentityId == identity))
                    : others.Where(_ => false);
                var other = await others.AnyAsync(cancellationToken);
                var awarded = await (await SameNomineeAsync(nomination, cancellationToken))
                    .AnyAsync(r => r.CampaignId == nomination.CampaignId && r.RevokedAt == null && r.SupersededByDecisionId == null, cancellationToken);
                return other || awarded
                    ? Result(EligibilityOutcome.Failed, "Đối tượng này đã được đề nghị hoặc khen thưởng trong phong trào.")
                    : Result(EligibilityOutcome.Passed, "Không có đề nghị hay khen thưởng nào khác cho đối tượng này trong phong trào.");
            }
            default:
                return Result(EligibilityOutcome.NeedsChecking, "Hệ thống không tự kiểm tra được; người thẩm định xem hồ sơ.");
        }
    }

    /// <summary>The nominee's stable identity: of the person, or of the collective.</summary>
    private async Task<Guid?> IdentityOfAsync(Nomination nomination, CancellationToken cancellationToken) =>
        nomination.PersonId is { } person ? await db.People.Where(p => p.Id == person).Select(p => (Guid?)p.IdentityId).SingleOrDefaultAsync(cancellationToken)
        : nomination.CollectiveId is { } collective ? await db.Collectives.Where(c => c.Id == collective).Select(c => (Guid?)c.IdentityId).SingleOrDefaultAsync(cancellationToken)
        : null;

    /// <summary>The registry lines of the nominee's identity (never of a namesake in the unit).</summary>
    private async Task<IQueryable<Domain.Registry.AwardRecord>> SameNomineeAsync(Nomination nomination, CancellationToken cancellationToken)
    {
        var identity = await IdentityOfAsync(nomination, cancellationToken);
        var lines = db.AwardRecords.AsNoTracking();
        return identity is { } id ? lines.Where(r => r.NomineeIdentityId == id) : lines.Where(_ => false);
    }

    private async Task<Dictionary<string, int>> FactsAsync(Nomination nomination, CancellationToken cancellationToken)
    {
        var facts = new Dictionary<string, int>();
        // Registered for this title: the count the unit registered (đăng ký thi đua) for the award form and the nominee's
        // kind; no fact at all when the campaign never opened registration (then the rule needs checking, not failing).
        if (await db.RegistrationWindows.AsNoTracking().AnyAsync(w => w.CampaignId == nomination.CampaignId, cancellationToken))
        {
            var registration = await db.TitleRegistrations.AsNoTracking()
                .SingleOrDefaultAsync(r => r.CampaignId == nomination.CampaignId && r.UnitId == nomination.UnitId, cancellationToken);
            var title = registration?.For(nomination.AwardFormId);
            facts["registeredCount"] = title is null ? 0 : nomination.Kind == Domain.Catalog.NomineeKind.Collective ? title.Collectives : title.Individuals;
        }
        if (nomination.CollectiveId is not { } id)
            return facts;
        var c = await db.Collectives.AsNoTracking().SingleAsync(x => x.Id == id, cancellationToken);
        facts["memberCount"] = c.Headcount;
        facts["womenCount"] = c.Women;
        facts["advancedWorkerCount"] = c.AdvancedWorkers;
        return facts;
    }
}
