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
/// The yearly commendation statistics (docs/statistics.md): forms 0601.N (campaigns), 0602.N (State-level awards) and
/// 0603.N (the province's awards) of Circular 02/2023/TT-BNV and two annexes, counted from the registry — current lines (not revoked, not superseded by a correction) whose decision date falls in the
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
        var (scopeName, recipient, unitIds) = await ScopeAsync(request.UnitId, cancellationToken);
        var period = ReportingPeriod.Of(request.Year);

        var lines = db.AwardRecords.AsNoTracking().Where(r => r.RevokedAt == null && r.SupersededByDecisionId == null
            && r.DecisionDate >= period.From && r.DecisionDate <= period.To);
        if (unitIds is not null)
            lines = lines.Where(r => unitIds.Contains(r.UnitId));
        var rows = await lines.Select(r => new
        {
            r.CampaignId, r.AwardFormId, r.Kind,
            Woman = db.People.Where(p => p.Id == r.PersonId).Select(p => (Gender?)p.Gender).FirstOrDefault() == Gender.Female,
        }).ToListAsync(cancellationToken);

        // Forms are placed by the catalogue's current code (not the code copied onto an older line), so every table
        // places a line the same way.
        var catalogue = await db.AwardForms.AsNoTracking().OrderBy(f => f.Code).ToListAsync(cancellationToken);
        var codes = catalogue.ToDictionary(f => f.Id, f => f.Code);
        var campaigns = await CampaignsAsync(period, rows.Select(r => r.CampaignId).Distinct().ToList(), cancellationToken);
        var methods = campaigns.ToDictionary(c => c.Id, c => c.Type);
        var counted = rows.Select(r => new CountedAward(r.CampaignId, r.AwardFormId, codes.GetValueOrDefault(r.AwardFormId, ""), r.Kind, r.Woman,
            methods[r.CampaignId])).ToList();

        var registered = await RegisteredUnitsAsync(campaigns, unitIds, cancellationToken);
        // A unit's report counts the campaigns it took part in: registered titles in, or was awarded in.
        var counts = (unitIds is null ? campaigns : campaigns.Where(c => registered.ContainsKey(c.Id) || counted.Any(a => a.CampaignId == c.Id))).ToList();
        var campaignRows = counts.Select(c => new CampaignRow(c.Code, c.Name, c.Type, registered.GetValueOrDefault(c.Id),
            counted.Count(a => a.CampaignId == c.Id && a.Kind == NomineeKind.Collective),
            counted.Count(a => a.CampaignId == c.Id && a.Kind == NomineeKind.Individual),
            counted.Count(a => a.CampaignId == c.Id && a.Kind == NomineeKind.Household))).ToList();

        return new StatisticsReport(request.Year, period.From, period.To, request.UnitId, scopeName, recipient,
            CampaignForm.Of(counts), AwardCountForms.State(catalogue, counted), AwardCountForms.Provincial(counted), campaignRows,
            AwardFormRows(catalogue, counted));
    }

    /// <summary>The annex by award form: every form of the catalogue, where the forms count it, and its lines.</summary>
    private static IReadOnlyList<AwardFormRow> AwardFormRows(IReadOnlyList<AwardForm> catalogue, IReadOnlyList<CountedAward> counted) =>
        catalogue.Select(f =>
        {
            var (column, level) = StatisticsColumns.StateColumnOf(f.Code) is { } state ? ($"{AwardCountForms.StateCode} ({state.Number})", AwardLevel.State)
                : StatisticsColumns.ProvincialColumnOf(f.Code) is { } provincial ? ($"{AwardCountForms.ProvincialCode} ({provincial.Number})", AwardLevel.Provincial)
                : ("", AwardLevel.Other);
            var lines = counted.Where(a => a.AwardFormId == f.Id).ToList();
            return new AwardFormRow(column, f.Name, level, lines.Count(a => a.Kind == NomineeKind.Collective), lines.Count(a => a.Kind == NomineeKind.Household),
                lines.Count(a => a.Kind == NomineeKind.Individual), lines.Count(a => a.Kind == NomineeKind.Individual && a.Woman));
        }).OrderBy(r => r.Level).ThenBy(r => r.Column, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();

    /// <summary>The campaigns running in the period, and any other whose awards were decided in it, by start date.</summary>
    private async Task<List<Campaign>> CampaignsAsync(ReportingPeriod period, IReadOnlyList<Guid> awardedIn, CancellationToken cancellationToken) =>
        await db.Campaigns.AsNoTracking()
            .Where(c => (c.PeriodStart <= period.To && c.PeriodEnd >= period.From) || awardedIn.Contains(c.Id))
            .OrderBy(c => c.PeriodStart).ThenBy(c => c.Code).ToListAsync(cancellationToken);

    /// <summary>How many units of the scope registered titles in each campaign.</summary>
    private async Task<Dictionary<Guid, int>> RegisteredUnitsAsync(IReadOnlyList<Campaign> campaigns, IReadOnlyList<Guid>? unitIds,
        CancellationToken cancellationToken)
    {
        var ids = campaigns.Select(c => c.Id).ToList();
        var registrations = db.TitleRegistrations.AsNoTracking().Where(r => ids.Contains(r.CampaignId));
        if (unitIds is not null)
            registrations = registrations.Where(r => unitIds.Contains(r.UnitId));
        return await registrations.GroupBy(r => r.CampaignId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
    }

    /// <summary>
    /// The scope's name, whom its report goes to (the province's to the Ministry of Home Affairs, a unit's to the
    /// province), and its units (the unit and all units under it), or null units for the whole province.
    /// </summary>
    private async Task<(string Name, string Recipient, IReadOnlyList<Guid>? UnitIds)> ScopeAsync(Guid? unitId, CancellationToken cancellationToken)
    {
        var all = GetRegistrationsHandler.SeesAllUnits(user);
        if (unitId is null && !all)
            throw new ForbiddenException(new Message("Chỉ Phòng Thi đua, khen thưởng, lãnh đạo và quản trị viên xem được số liệu toàn tỉnh; hãy chọn đơn vị của mình."));
        if (unitId is not null && !all && unitId != user.UnitId)
            throw new ForbiddenException(new Message("Cán bộ của đơn vị chỉ xem được số liệu của đơn vị mình."));
        var units = await db.Units.AsNoTracking().Select(u => new { u.Id, u.ParentId, u.Name }).ToListAsync(cancellationToken);
        var province = units.Where(u => u.ParentId == null).OrderBy(u => u.Name, StringComparer.Ordinal).Select(u => u.Name).FirstOrDefault() ?? "";
        if (unitId is null)
            return (province, MinistryOfHomeAffairs, null);
        var root = units.SingleOrDefault(u => u.Id == unitId) ?? throw new NotFoundException(Things.Unit);
        var scope = new List<Guid> { root.Id };
        for (var i = 0; i < scope.Count; i++)
            scope.AddRange(units.Where(u => u.ParentId == scope[i]).Select(u => u.Id));
        return (root.Name, root.ParentId is null ? MinistryOfHomeAffairs : province, scope);
    }

    private const string MinistryOfHomeAffairs = "Bộ Nội vụ";
}

