using Commendations.Domain.Calendar;
using Commendations.Domain.Campaigns;
using Commendations.Domain.Catalog;
using Commendations.Domain.Nominations;
using Commendations.Engine;
using Commendations.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Commendations.Workflow;

/// <summary>
/// Gathers what the engine needs for one nomination: its facts, the committees, the unit scopes and the working calendar.
/// Reference data comes from <see cref="ReferenceDataCache"/> (no query when cached); only the collective is read each time.
/// </summary>
public sealed class RuntimeContextFactory(CommendationsDbContext db, TimeProvider clock, IOptions<WorkflowOptions> scopes, ReferenceDataCache cache)
{
    public const string NominatingScope = "nominating";

    /// <param name="definition">The definition the context is for: the stored eligibility result is read only when one of
    /// its branches reads the <c>eligibility</c> fact (null: always).</param>
    public async Task<RuntimeContext> CreateAsync(Nomination nomination, CancellationToken cancellationToken, WorkflowDefinition? definition = null)
    {
        var campaign = await cache.GetAsync("campaigns", nomination.CampaignId.ToString(), () => db.Campaigns.AsNoTracking()
            .Where(c => c.Id == nomination.CampaignId).Select(c => new CampaignFacts(c.Type, c.DossierClose)).SingleAsync(cancellationToken));
        var awardFormCode = await cache.GetAsync("award_forms", nomination.AwardFormId.ToString(), () => db.AwardForms.AsNoTracking()
            .Where(a => a.Id == nomination.AwardFormId).Select(a => a.Code).SingleAsync(cancellationToken));
        var unitLevel = await cache.GetAsync("units", $"level:{nomination.UnitId}", () => db.Units.AsNoTracking()
            .Where(u => u.Id == nomination.UnitId).Select(u => u.Level).SingleAsync(cancellationToken));

        // Gathered first and copied into the facts once (each With copies the dictionary: this runs on every action).
        var eligibility = (definition is null || ReadsEligibility(definition)) ? await EligibilityAsync(nomination, cancellationToken) : null;
        var collective = nomination.CollectiveId is { } collectiveId
            ? await db.Collectives.FindAsync([collectiveId], cancellationToken)
              ?? throw new InvalidOperationException($"Collective {collectiveId} of nomination {nomination.Id} does not exist.")
            : null;
        var facts = NominationFacts.Empty.With(
            (FactCatalog.Kind, FactValue.Of(nomination.Kind.ToFact())),
            (FactCatalog.AwardForm, FactValue.Of(awardFormCode)),
            (FactCatalog.CampaignType, FactValue.Of(campaign.Type == CampaignType.Thematic ? "thematic" : "regular")),
            (FactCatalog.UnitLevel, FactValue.Of(UnitLevelFact(unitLevel))),
            (FactCatalog.DossierClose, FactValue.Of(campaign.DossierClose)));
        if (eligibility is not null)
            facts = facts.With(FactCatalog.Eligibility, eligibility);
        if (collective is not null)
        {
            facts = facts.With(
                (FactCatalog.MemberCount, FactValue.Of(collective.Headcount)),
                (FactCatalog.WomenCount, FactValue.Of(collective.Women)),
                (FactCatalog.AdvancedWorkerCount, FactValue.Of(collective.AdvancedWorkers)));
        }

        return new RuntimeContext
        {
            Now = clock.GetUtcNow(),
            Facts = facts,
            Calendar = await CalendarAsync(cancellationToken),
            Committees = await CommitteesAsync(cancellationToken),
            UnitScopes = await UnitScopesAsync(nomination.UnitId, cancellationToken),
        };
    }

    public Task<WorkingCalendar> CalendarAsync(CancellationToken cancellationToken) => cache.GetAsync("calendar_days", "all", async () =>
    {
        var days = await db.CalendarDays.AsNoTracking().ToListAsync(cancellationToken);
        return new WorkingCalendar(
            holidays: days.Where(d => d.Kind == CalendarDayKind.DayOff).Select(d => d.Date),
            extraWorkingDays: days.Where(d => d.Kind == CalendarDayKind.WorkingDay).Select(d => d.Date));
    });

    public Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> CommitteesAsync(CancellationToken cancellationToken) =>
        cache.GetAsync("committees", "all", async () =>
        {
            var committees = await db.Committees.AsNoTracking().ToListAsync(cancellationToken);
            return (IReadOnlyDictionary<string, IReadOnlyList<string>>)committees.ToDictionary(
                c => c.Code,
                c => (IReadOnlyList<string>)c.MembersInOrder().Select(id => id.ToString()).ToList());
        });

    /// <summary>The configured scopes (appraisal, province...) resolved to unit ids, plus "nominating" when a unit is given.</summary>
    public async Task<IReadOnlyDictionary<string, string>> UnitScopesAsync(Guid? nominatingUnit, CancellationToken cancellationToken)
    {
        var codes = scopes.Value.Scopes;
        var values = codes.Values.ToList();
        var units = await cache.GetAsync("units", "scopes:" + string.Join(',', values), () => db.Units.AsNoTracking()
            .Where(u => values.Contains(u.Code)).ToDictionaryAsync(u => u.Code, u => u.Id, cancellationToken));
        var result = new Dictionary<string, string>();
        if (nominatingUnit is { } unit)
            result[NominatingScope] = unit.ToString();
        foreach (var (scope, code) in codes)
        {
            if (units.TryGetValue(code, out var id))
                result[scope] = id.ToString();
        }
        return result;
    }

    private sealed record CampaignFacts(CampaignType Type, DateOnly DossierClose);

    // The fact's text of each level, made once rather than on every action.
    private static readonly Dictionary<Domain.Units.UnitLevel, string> UnitLevelFacts =
        Enum.GetValues<Domain.Units.UnitLevel>().ToDictionary(l => l, l => l.ToString().ToLowerInvariant());

    private static string UnitLevelFact(Domain.Units.UnitLevel level) => UnitLevelFacts[level];

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<WorkflowDefinition, object> EligibilityReaders = new();

    private static bool ReadsEligibility(WorkflowDefinition definition) =>
        (bool)EligibilityReaders.GetValue(definition, d => d.Steps.OfType<BranchStep>()
            .SelectMany(b => b.Conditions).Any(c => RouteDataFlow.ReadsFact(c.When, FactCatalog.Eligibility)));

    /// <summary>The check stored at submission (this transaction's, if it was just evaluated): passed, failed or needsChecking.
    /// A nomination not saved yet (a draft being started) can have no stored check, so the database is not asked.</summary>
    private async Task<string?> EligibilityAsync(Nomination nomination, CancellationToken cancellationToken)
    {
        var nominationId = nomination.Id;
        var stored = db.NominationEligibility.Local.FirstOrDefault(e => e.NominationId == nominationId)
                     ?? (db.Entry(nomination).State == EntityState.Added ? null
                         : await db.NominationEligibility.AsNoTracking().SingleOrDefaultAsync(e => e.NominationId == nominationId, cancellationToken));
        return stored?.Overall switch
        {
            Domain.Eligibility.EligibilityOutcome.Passed => Outcomes.Passed,
            Domain.Eligibility.EligibilityOutcome.Failed => Outcomes.Failed,
            Domain.Eligibility.EligibilityOutcome.NeedsChecking => "needsChecking",
            _ => null,
        };
    }
}
