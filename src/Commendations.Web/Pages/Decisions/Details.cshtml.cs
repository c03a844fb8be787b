using Commendations.Common.Errors;
using Commendations.Features.Decisions;
using Commendations.Web.Ui;
using Microsoft.AspNetCore.Mvc;

namespace Commendations.Web.Pages.Decisions;

/// <summary>A decision as printed (A4, print stylesheet).</summary>
public sealed class DetailsModel : AppPageModel
{
    [FromRoute] public Guid Id { get; set; }

    public DecisionDetail? Decision { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        try
        {
            Decision = await Mediator.Send(new GetDecision(Id));
        }
        catch (NotFoundException)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        return Page();
    }
}
