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

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!limiter.TryAcquire(HttpContext.Connection.RemoteIpAddress?.ToString()))
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            ModelState.AddModelError("", "Bạn đã gửi quá nhiều ý kiến; vui lòng thử lại sau.");
        }
        else if (await TryAsync(() => Mediator.Send(new SendDisclosureComment(Input.NominationId, Input.AuthorName, Input.Contact, Input.Text ?? "",
                     Input.IsComplaint, Input.Website, DisclosureForm.Read(protection, Input.FormToken), HttpContext.Connection.RemoteIpAddress?.ToString()))))
        {
            Sent = "Cảm ơn bạn. Ý kiến đã được chuyển đến thư ký Hội đồng/Ban xét duyệt.";
            Input = new CommentInput();
            ModelState.Clear();
        }
        return await LoadAsync() ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync()
    {
        FormToken = DisclosureForm.Issue(protection, clock);
        try
        {
            Campaign = await Mediator.Send(new ListDisclosedNominees(Code));
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }
}
