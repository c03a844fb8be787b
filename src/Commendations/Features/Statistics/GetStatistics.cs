using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Common.Text;
using Commendations.Domain.Campaigns;
using Commendations.Domain.Catalog;
using Commendations.Domain.Nominees;
using Commendations.Features.Campaigns.Registration;
using Commendations.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Statistics;

/// <summary>
/// The yearly commendation statistics (docs/statistics.md): campaigns, provincial awards and State-level awards, counted
/// from the registry — current lines (not revoked, not superseded by a correction) whose decision date falls in the
/// reporting period — for the whole province or one unit with its sub-units. The commendation office, leaders, committee
/// members and administrators may ask for any scope; a unit's officer or head only for their own unit.
/// </summary>
[Allowed(Audience.SignedIn)]
public sealed record GetStatistics(int Year, Guid? UnitId = null) : IQuery<StatisticsReport>;

public sealed class GetStatisticsValidator : AbstractValidator<GetStatistics>
{
    public GetStatisticsValidator() => RuleFor(q => q.Year).InclusiveBetween(2000, 2200);
}

public sealed class GetStatisticsHandler(CommendationsDbContext db, ICurrentUser user) : IRequestHandler<GetStatistics, StatisticsReport>
{
    public async Task<StatisticsReport> Handle(GetStatistics request, CancellationToken cancellationToken)
    {
        var (scopeName, unitIds) = await ScopeAsync(request.UnitId, cancellationToken);
        var period = ReportingPeriod.Of(request.Year);

        var lines = db.AwardRecords.AsNoTracking().Where(r => r.RevokedAt == null && r.SupersededByDecisionId == null
            && r.DecisionDate >= period.From && r.DecisionDate <= period.To);
        if (unitIds is not null)
            lines = lines.Where(r => unitIds.Contains(r.UnitId));
        var counted = await lines
            .Select(r => new CountedAward(r.CampaignId, r.AwardFormId, r.AwardFormCode, r.Kind,
                db.People.Where(p => p.Id == r.PersonId).Select(p => (Gender?)p.Gender).FirstOrDefault() == Gender.Female))
            .ToListAsync(cancellationToken);

        var forms = await db.AwardForms.AsNoTracking().OrderBy(f => f.Code).ToListAsync(cancellationToken);
        var provincial = forms.Where(f => StateAwardRows.Of(f.Code) is null)
            .Select((f, i) => AwardRow.Count($"{i + 1:D2}", f.Name, counted.Where(a => a.AwardFormId == f.Id))).ToList();
        var state = StateAwardRows.All.Select(r => AwardRow.Count(r.Code, r.Name, counted.Where(a => r.Counts(a.AwardFormCode)))).ToList();

        var campaigns = await CampaignsAsync(period, unitIds, counted, cancellationToken);
        return new StatisticsReport(request.Year, period.From, period.To, request.UnitId, scopeName, campaigns, provincial, state);
    }

    private async Task<IReadOnlyList<CampaignRow>> CampaignsAsync(ReportingPeriod period, IReadOnlyList<Guid>? unitIds,
        IReadOnlyList<CountedAward> counted, CancellationToken cancellationToken)
    {
        // The campaigns running in the period, and any other whose awards were decided in it.
        var awardedIn = counted.Select(a => a.CampaignId).Distinct().ToList();
        var campaigns = await db.Campaigns.AsNoTracking()
            .Where(c => (c.PeriodStart <= period.To && c.PeriodEnd >= period.From) || awardedIn.Contains(c.Id))
            .OrderBy(c => c.PeriodStart).ThenBy(c => c.Code).ToListAsync(cancellationToken);
        var ids = campaigns.Select(c => c.Id).ToList();
        var registrations = db.TitleRegistrations.AsNoTracking().Where(r => ids.Contains(r.CampaignId));
        if (unitIds is not null)
            registrations = registrations.Where(r => unitIds.Contains(r.UnitId));
        var registered = await registrations.GroupBy(r => r.CampaignId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return campaigns.Select((c, i) => new CampaignRow($"{i + 1:D2}", c.Name, c.Type, registered.GetValueOrDefault(c.Id),
            counted.Count(a => a.CampaignId == c.Id && a.Kind == NomineeKind.Collective),
            counted.Count(a => a.CampaignId == c.Id && a.Kind == NomineeKind.Individual),
            counted.Count(a => a.CampaignId == c.Id && a.Kind == NomineeKind.Household))).ToList();
    }

    /// <summary>The scope's name and its units (the unit and all units under it), or null units for the whole province.</summary>
    private async Task<(string Name, IReadOnlyList<Guid>? UnitIds)> ScopeAsync(Guid? unitId, CancellationToken cancellationToken)
    {
        var all = GetRegistrationsHandler.SeesAllUnits(user);
        if (unitId is null)
        {
            if (!all)
                throw new ForbiddenException(new Message("Chỉ Phòng Thi đua, khen thưởng, lãnh đạo và quản trị viên xem được số liệu toàn tỉnh; hãy chọn đơn vị của mình."));
            var province = await db.Units.AsNoTracking().Where(u => u.ParentId == null).OrderBy(u => u.Name).Select(u => u.Name).FirstOrDefaultAsync(cancellationToken);
            return (province ?? "", null);
        }
        if (!all && unitId != user.UnitId)
            throw new ForbiddenException(new Message("Cán bộ của đơn vị chỉ xem được số liệu của đơn vị mình."));
        var units = await db.Units.AsNoTracking().Select(u => new { u.Id, u.ParentId, u.Name }).ToListAsync(cancellationToken);
        var root = units.SingleOrDefault(u => u.Id == unitId) ?? throw new NotFoundException(Things.Unit);
        var scope = new List<Guid> { root.Id };
        for (var i = 0; i < scope.Count; i++)
            scope.AddRange(units.Where(u => u.ParentId == scope[i]).Select(u => u.Id));
        return (root.Name, scope);
    }
}

/// <summary>One counted registry line: enough to place it in every table.</summary>
public sealed record CountedAward(Guid CampaignId, Guid AwardFormId, string AwardFormCode, NomineeKind Kind, bool Woman);
