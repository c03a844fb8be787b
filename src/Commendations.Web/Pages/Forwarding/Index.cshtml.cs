using Commendations.Common.Security;
using Commendations.Features.Forwarding;
using Commendations.Web.Ui;
using Microsoft.AspNetCore.Mvc;

namespace Commendations.Web.Pages.Forwarding;

/// <summary>
/// "Chuyển hồ sơ lên cấp trên": the nominations waiting at a forwarding step given to the reader's office, each linking to
/// its page (where the package is downloaded or sent and the central decision recorded). Only the provincial commendation
/// office (appraisers) may open it; anyone else is refused with 403.
/// </summary>
public sealed class IndexModel(ICurrentUser user) : AppPageModel
{
    public IReadOnlyList<ForwardingQueueItem> Waiting { get; private set; } = [];

    public bool Refused { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!MayUse(user))
        {
            Refused = true;
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }
        Waiting = await Mediator.Send(new ListForwardingQueue());
        return Page();
    }

    /// <summary>The role the forwarding use cases allow (the menu shows the link to that role alone).</summary>
    public static bool MayUse(ICurrentUser user) => user.IsInRole(Roles.Appraiser);
}
