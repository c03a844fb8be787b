using Commendations.Common.Errors;
using Commendations.Features.Sessions;
using Commendations.Web.Ui;
using Microsoft.AspNetCore.Mvc;

namespace Commendations.Web.Pages.BienBan;

/// <summary>The minutes (biên bản) of a council session, printable on A4.</summary>
public sealed class IndexModel : AppPageModel
{
    [FromRoute] public Guid Id { get; set; }

    public SessionMinutes? Minutes { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        try
        {
            Minutes = await Mediator.Send(new GetSession(Id));
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        return Page();
    }
}
