using Commendations.Engine;
using System.Globalization;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Common.Time;
using Commendations.Features.Campaigns.Registration;
using Commendations.Features.Registry;
using Commendations.Features.Statistics;
using Commendations.Web.Ui;
using Microsoft.AspNetCore.Mvc;

namespace Commendations.Web.Pages.Statistics;

/// <summary>
/// The yearly commendation statistics on screen, with the workbook in the forms' layout to download. The commendation
/// office, leaders and administrators choose the province or any unit; a unit's officer sees their own unit only.
/// </summary>
public sealed class IndexModel(ICurrentUser user, TimeProvider clock) : AppPageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? UnitId { get; set; }

    public StatisticsReport? Report { get; private set; }
    public IReadOnlyList<RegistryChoice<Guid>> Units { get; private set; } = [];
    public bool SeesAllUnits => GetRegistrationsHandler.SeesAllUnits(user);

    public async Task<IActionResult> OnGetAsync()
    {
        Year ??= VietnamTime.Today(clock).Year;
        if (!SeesAllUnits)
            UnitId ??= user.UnitId;
        else
            Units = (await Mediator.Send(new GetRegistryFilters())).Units;
        try
        {
            Report = await Mediator.Send(new GetStatistics(Year.Value, UnitId));
        }
        catch (InputException e)
        {
            foreach (var (field, reasons) in e.Errors)
            {
                foreach (var reason in reasons)
                    ModelState.AddModelError(char.ToUpperInvariant(field[0]) + field[1..], reason);
            }
        }
        catch (ForbiddenException e)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
            ModelState.AddModelError("", e.Message);
        }
        return Page();
    }

    public string DownloadLink => $"/api/statistics/xlsx?year={Year?.ToString(CultureInfo.InvariantCulture)}" + (UnitId is { } unit ? $"&unitId={unit}" : "");
}
