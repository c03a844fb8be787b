using Commendations.Common.Errors;
using Commendations.Features.Nominations;
using Commendations.Web.Ui;
using Microsoft.AspNetCore.Mvc;

namespace Commendations.Web.Pages.Nominations;

/// <summary>The nomination's route: its definition drawn with the current step, the steps passed, pending timers, and the audit beside.</summary>
public sealed class RouteModel : AppPageModel
{
    [FromRoute] public Guid Id { get; set; }

    public RouteView? Route { get; private set; }

    public NominationDetail? Detail { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        try
        {
            Route = await Mediator.Send(new GetRouteView(Id));
            Detail = await Mediator.Send(new GetNomination(Id));
        }
        catch (NotFoundException)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        return Page();
    }

    /// <summary>The names the diagram gives approval and vote outcomes, in the reader's language.</summary>
    public IReadOnlyDictionary<string, string> OutcomeNames() => new[] { "approved", "returned", "rejected", "passed", "failed", "noQuorum", "awarded", "withdrawn" }
        .ToDictionary(o => o, o => RouteWords.Outcome(o).Format());
}
