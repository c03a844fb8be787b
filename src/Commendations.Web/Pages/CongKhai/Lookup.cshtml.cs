using Commendations.Common.Errors;
using Commendations.Features.PublicLookup;
using Commendations.Web.Api;
using Commendations.Web.Auth;
using Commendations.Web.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Commendations.Web.Pages.CongKhai;

/// <summary>
/// Anyone checks an award by its certificate's register number (and optionally the decision number): the page shows only
/// what <see cref="LookUpAward"/> gives, and one neutral sentence when nothing matches. Limited per client address.
/// </summary>
[AllowAnonymous]
public sealed class LookupModel(LookupRateLimiter limiter) : AppPageModel
{
    [BindProperty(SupportsGet = true, Name = "so")] public string? RegisterNumber { get; set; }
    [BindProperty(SupportsGet = true, Name = "qd")] public string? DecisionNumber { get; set; }

    public PublicAward? Award { get; private set; }
    public string? Refusal { get; private set; }

    public async Task OnGetAsync()
    {
        if (string.IsNullOrWhiteSpace(RegisterNumber))
            return;
        if (!limiter.TryAcquire(ClientAddress.Of(HttpContext)))
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Refusal = PublicLookupEndpoints.TooManyText.Format();
            return;
        }
        try
        {
            Award = await Mediator.Send(new LookUpAward(RegisterNumber, DecisionNumber));
            if (Award is null)
                Refusal = PublicLookupEndpoints.NotFoundText.Format();
        }
        catch (InputException)
        {
            Refusal = PublicLookupEndpoints.NotFoundText.Format();
        }
    }
}
