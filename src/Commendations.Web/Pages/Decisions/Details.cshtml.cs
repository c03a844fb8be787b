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

    /// <summary>The leader who issued the decision, or an administrator, may sign it while it has no signed copy.</summary>
    public bool MaySign => Decision is { SignedDocument: null } d
                           && (User.IsInRole(Common.Security.Roles.Administrator)
                               || (User.IsInRole(Common.Security.Roles.ProvincialLeader) && d.IssuedBy == CurrentUserId));

    /// <summary>A clerk (or an administrator) may seal a leader-signed decision not yet sealed.</summary>
    public bool MaySeal => Decision is { SignedDocument: not null, Sealed: false } d && d.LeaderSignature != Engine.SignatureNeed.None
                           && (User.IsInRole(Common.Security.Roles.Administrator) || User.IsInRole(Common.Security.Roles.Clerk));

    private Guid? CurrentUserId => HttpContext.RequestServices.GetRequiredService<Common.Security.ICurrentUser>() is { IsAuthenticated: true } u ? u.UserId : null;

    /// <summary>Signs with the certificate the server holds for the signer; a refusal (no certificate, already signed) is shown on the page.</summary>
    public async Task<IActionResult> OnPostSignAsync()
    {
        var ok = await TryAsync(async () =>
        {
            try
            {
                await Mediator.Send(new SignDecision(Id));
            }
            catch (UnprocessableException e)
            {
                ModelState.AddModelError("", e.Message);
            }
        });
        if (ok && ModelState.IsValid)
        {
            Flash = T["Đã ký số và lưu bản quyết định."];
            return Redirect($"/quyet-dinh/{Id}");
        }
        return await OnGetAsync();
    }

    /// <summary>The clerk applies the agency's seal with the seal's certificate; a refusal is shown on the page.</summary>
    public async Task<IActionResult> OnPostSealAsync()
    {
        var ok = await TryAsync(async () =>
        {
            try
            {
                await Mediator.Send(new SealDecision(Id));
            }
            catch (UnprocessableException e)
            {
                ModelState.AddModelError("", e.Message);
            }
        });
        if (ok && ModelState.IsValid)
        {
            Flash = T["Đã đóng dấu số vào bản quyết định đã ký."];
            return Redirect($"/quyet-dinh/{Id}");
        }
        return await OnGetAsync();
    }

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
