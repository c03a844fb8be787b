using Commendations.Domain.Calendar;
using Commendations.Domain.Campaigns;
using Commendations.Domain.Catalog;
using Commendations.Domain.Nominations;
using Commendations.Engine;
using Commendations.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Commendations.Workflow;

/// <summary>Gathers what the engine needs for one nomination: its facts, the committees, the unit scopes and the working calendar.</summary>
public sealed class RuntimeContextFactory(CommendationsDbContext db, TimeProvider clock, IOptions<WorkflowScopeOptions> scopes)
{
    public const string NominatingScope = "nominating";

    public async Task<RuntimeContext> CreateAsync(Nomination nomination, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == nomination.CampaignId, cancellationToken);
        var awardForm = await db.AwardForms.AsNoTracking().SingleAsync(a => a.Id == nomination.AwardFormId, cancellationToken);
        var unitLevel = await db.Units.Where(u => u.Id == nomination.UnitId).Select(u => u.Level).SingleAsync(cancellationToken);

        var facts = NominationFacts.Empty
            .With(FactCatalog.Kind, nomination.Kind.ToFact())
            .With(FactCatalog.AwardForm, awardForm.Code)
            .With(FactCatalog.CampaignType, campaign.Type == CampaignType.Thematic ? "thematic" : "regular")
            .With(FactCatalog.UnitLevel, unitLevel.ToString().ToLowerInvariant())
            .With(FactCatalog.DossierClose, campaign.DossierClose);
        if (nomination.CollectiveId is { } collectiveId)
        {
            var collective = await db.Collectives.AsNoTracking().SingleAsync(c => c.Id == collectiveId, cancellationToken);
            facts = facts.With(FactCatalog.MemberCount, collective.Headcount)
                .With(FactCatalog.WomenCount, collective.Women)
                .With(FactCatalog.AdvancedWorkerCount, collective.AdvancedWorkers);
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

    public async Task<WorkingCalendar> CalendarAsync(CancellationToken cancellationToken)
    {
        var days = await db.CalendarDays.AsNoTracking().ToListAsync(cancellationToken);
        return new WorkingCalendar(
            holidays: days.Where(d => d.Kind == CalendarDayKind.DayOff).Select(d => d.Date),
            extraWorkingDays: days.Where(d => d.Kind == CalendarDayKind.WorkingDay).Select(d => d.Date));
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> CommitteesAsync(CancellationToken cancellationToken)
    {
        var committees = await db.Committees.AsNoTracking().ToListAsync(cancellationToken);
        return committees.ToDictionary(
            c => c.Code,
            c => (IReadOnlyList<string>)c.MembersInOrder().Select(id => id.ToString()).ToList());
    }

    /// <summary>The configured scopes (appraisal, province...) resolved to unit ids, plus "nominating" when a unit is given.</summary>
    public async Task<IReadOnlyDictionary<string, string>> UnitScopesAsync(Guid? nominatingUnit, CancellationToken cancellationToken)
    {
        var codes = scopes.Value.Scopes;
        var values = codes.Values.ToList();
        var units = await db.Units.AsNoTracking().Where(u => values.Contains(u.Code)).ToDictionaryAsync(u => u.Code, u => u.Id, cancellationToken);
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
}
