using Commendations.Common.Errors;
using Commendations.Features.Campaigns;
using Commendations.Features.Dashboard;
using Commendations.Web.Ui;
using Microsoft.AspNetCore.Mvc;

namespace Commendations.Web.Pages.Dashboard;

public sealed record Bar(string Label, int Value);

/// <summary>A horizontal bar chart drawn as inline SVG, with the same figures in a table beside it.</summary>
public sealed record BarChart(string Id, string Title, string LabelHeader, string ValueHeader, IReadOnlyList<Bar> Bars);

/// <summary>
/// A campaign's dashboard: counts by status and by step, overdue tasks by step and unit, average time per step.
/// Reviewers, leaders and administrators see the whole campaign; an officer their own unit.
/// </summary>
public sealed class IndexModel : AppPageModel
{
    [BindProperty(SupportsGet = true)] public Guid? CampaignId { get; set; }
    public IReadOnlyList<CampaignView> Campaigns { get; private set; } = [];
    public CampaignDashboard? Dashboard { get; private set; }
    public IReadOnlyList<Bar> StatusBars { get; private set; } = [];

    /// <summary>Appraisers, leaders and administrators may download the campaign's appraisal report.</summary>
    public bool CanDownloadAppraisalReport => User.IsInRole(Common.Security.Roles.Appraiser) || User.IsInRole(Common.Security.Roles.ProvincialLeader)
        || User.IsInRole(Common.Security.Roles.Administrator);

    /// <summary>For administrators: routes that cannot move on by themselves (0 for everyone else).</summary>
    public int OpenIncidents { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Campaigns = await Mediator.Send(new ListCampaigns());
        if (User.IsInRole(Common.Security.Roles.Administrator))
            OpenIncidents = await Mediator.Send(new Features.Incidents.CountOpenIncidents());
        CampaignId ??= Campaigns.FirstOrDefault(c => c.OpenForDossiers)?.Id ?? Campaigns.FirstOrDefault()?.Id;
        if (CampaignId is not { } id)
            return Page();
        try
        {
            Dashboard = await Mediator.Send(new GetCampaignDashboard(id));
            StatusBars = Dashboard.ByStatus.Select(s => new Bar(
                Enum.TryParse<Domain.Nominations.NominationStatus>(s.Key, out var status) ? T[Labels.Status(status)] : s.Key, s.Count)).ToList();
        }
        catch (ForbiddenException e)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
            ModelState.AddModelError("", e.Message);
        }
        catch (NotFoundException)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            ModelState.AddModelError("", T["Không tìm thấy phong trào."]);
        }
        return Page();
    }
}
