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

    /// <summary>The digitally signed versions (the secretary's, then the chair's) and whether the reader signs next.</summary>
    public MinutesSignatures? Signatures { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        try
        {
            Minutes = await Mediator.Send(new GetSession(Id));
            Signatures = await Mediator.Send(new GetMinutesSignatures(Id));
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        return Page();
    }

    /// <summary>The secretary, then the chair, signs with the certificate the server holds for them.</summary>
    public async Task<IActionResult> OnPostSignAsync()
    {
        if (await TryAsync(() => Mediator.Send(new SignMinutes(Id))))
            return RedirectToPage(new { Id });
        return await OnGetAsync();
    }
}
