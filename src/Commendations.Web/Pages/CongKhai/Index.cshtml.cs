using Commendations.Common.Errors;
using Commendations.Features.Disclosure;
using Commendations.Web.Api;
using Commendations.Web.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;

namespace Commendations.Web.Pages.CongKhai;

/// <summary>The public disclosure page of a campaign (no sign-in): nominees, their achievements, and a comment form.</summary>
[AllowAnonymous]
public sealed class IndexModel(IDataProtectionProvider protection, TimeProvider clock, CommentRateLimiter limiter) : AppPageModel
{
    [FromRoute] public string Code { get; set; } = "";

    public DisclosedCampaign? Campaign { get; private set; }

    public string FormToken { get; private set; } = "";

    public string? Sent { get; private set; }

    [BindProperty] public CommentInput Input { get; set; } = new();

    public sealed class CommentInput
    {
        public Guid NominationId { get; set; }
        public string? AuthorName { get; set; }
        public string? Contact { get; set; }
        public string? Text { get; set; }
        public bool IsComplaint { get; set; }
        /// <summary>The honeypot: hidden from people, filled by bots.</summary>
        public string? Website { get; set; }
        public string? FormToken { get; set; }
    }

    /// <summary>The code names no campaign: the page says so (in HTML, status 404) and points to the index.</summary>
    public bool Unknown { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!limiter.TryAcquire(HttpContext.Connection.RemoteIpAddress?.ToString()))
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            ModelState.AddModelError("", T["Bạn đã gửi quá nhiều ý kiến; vui lòng thử lại sau."]);
        }
        else if (await TryAsync(() => Mediator.Send(new SendDisclosureComment(Input.NominationId, Input.AuthorName, Input.Contact, Input.Text ?? "",
                     Input.IsComplaint, Input.Website, DisclosureForm.Read(protection, Input.FormToken), HttpContext.Connection.RemoteIpAddress?.ToString()))))
        {
            Sent = T["Cảm ơn bạn. Ý kiến đã được chuyển đến thư ký Hội đồng/Ban xét duyệt."];
            Input = new CommentInput();
            ModelState.Clear();
        }
        // A refused comment keeps what the citizen wrote (Input is left as posted) and reopens its form.
        return await LoadAsync();
    }

    private async Task<IActionResult> LoadAsync()
    {
        FormToken = DisclosureForm.Issue(protection, clock);
        try
        {
            Campaign = await Mediator.Send(new ListDisclosedNominees(Code));
        }
        catch (NotFoundException)
        {
            Unknown = true;
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        return Page();
    }

    /// <summary>The comment form of this nominee is the one just refused: open it with the citizen's entries.</summary>
    public bool IsRefusedForm(Guid nominationId) => !ModelState.IsValid && Input.NominationId == nominationId;
}
