using Commendations.Engine;
using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Common.Text;
using Commendations.Common.Time;
using Commendations.Domain.Campaigns;
using Commendations.Domain.Catalog;
using Commendations.Domain.Units;
using Commendations.Features.Nominations;
using Commendations.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Campaigns.Registration;

/// <summary>
/// Who registered and who did not: every unit that registers with the province (departments and communes/wards) with
/// its registered titles. The commendation office, leaders, committee members and administrators see all units; a unit's
/// officer or head sees their own unit only.
/// </summary>
[Allowed(Audience.SignedIn)]
public sealed record GetRegistrations(Guid CampaignId) : IQuery<CampaignRegistrations>;

public sealed record CampaignRegistrations(
    Guid CampaignId, string CampaignCode, string CampaignName, int Year, DateOnly? ClosesOn, bool Open,
    IReadOnlyList<UnitRegistrationView> Units, IReadOnlyList<RegistrableAward> Awards)
{
    public int RegisteredCount => Units.Count(u => u.Registered);
}

public sealed record UnitRegistrationView(Guid UnitId, string UnitName, bool Registered, DateTimeOffset? RegisteredAt, IReadOnlyList<TitleAimView> Titles);

public sealed record TitleAimView(string AwardFormCode, string AwardFormName, int Collectives, int Individuals);

/// <summary>An award form the campaign allows, and for whom.</summary>
public sealed record RegistrableAward(string Code, string Name, bool ForCollectives, bool ForIndividuals);

public sealed class GetRegistrationsHandler(CommendationsDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<GetRegistrations, CampaignRegistrations>
{
    /// <summary>The units that register with the province: its departments and its communes/wards.</summary>
    public static readonly UnitLevel[] RegisteringLevels = [UnitLevel.Department, UnitLevel.Commune];

    public static bool SeesAllUnits(ICurrentUser user) =>
        user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.Appraiser) || NominationAccess.IsReviewer(user);

    public async Task<CampaignRegistrations> Handle(GetRegistrations request, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == request.CampaignId, cancellationToken)
                       ?? throw new NotFoundException(Things.Campaign);
        var window = await db.RegistrationWindows.AsNoTracking().SingleOrDefaultAsync(w => w.CampaignId == campaign.Id, cancellationToken);
        var units = db.Units.AsNoTracking().Where(u => RegisteringLevels.Contains(u.Level));
        if (!SeesAllUnits(user))
        {
            var own = user.UnitId ?? throw new ForbiddenException(new Message("Tài khoản chưa thuộc đơn vị nào."), "no-unit");
            units = db.Units.AsNoTracking().Where(u => u.Id == own);
        }
        var unitList = await units.OrderBy(u => u.Name).ToListAsync(cancellationToken);
        var unitIds = unitList.Select(u => u.Id).ToList();
        var registrations = await db.TitleRegistrations.AsNoTracking()
            .Where(r => r.CampaignId == campaign.Id && unitIds.Contains(r.UnitId)).ToDictionaryAsync(r => r.UnitId, cancellationToken);
        var formIds = campaign.Awards.Select(a => a.AwardFormId).ToList();
        var forms = await db.AwardForms.AsNoTracking().Where(f => formIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, cancellationToken);
        return new CampaignRegistrations(campaign.Id, campaign.Code, campaign.Name, campaign.PeriodStart.Year, window?.ClosesOn,
            window?.IsOpen(VietnamTime.Today(clock)) ?? false,
            unitList.Select(u => View(u, registrations.GetValueOrDefault(u.Id), forms)).ToList(),
            campaign.Awards.Where(a => forms.ContainsKey(a.AwardFormId)).Select(a => forms[a.AwardFormId])
                .Select(f => new RegistrableAward(f.Code, f.Name, f.IsFor(NomineeKind.Collective), f.IsFor(NomineeKind.Individual))).ToList());
    }

    public static UnitRegistrationView View(OrganisationUnit unit, TitleRegistration? registration, IReadOnlyDictionary<Guid, AwardForm> forms) =>
        new(unit.Id, unit.Name, registration is not null, registration?.RegisteredAt,
            registration?.Titles.Where(t => forms.ContainsKey(t.AwardFormId))
                .Select(t => new TitleAimView(forms[t.AwardFormId].Code, forms[t.AwardFormId].Name, t.Collectives, t.Individuals)).ToList() ?? []);
}
