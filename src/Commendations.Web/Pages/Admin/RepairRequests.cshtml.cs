using Commendations.Features.Repairs;
using Microsoft.AspNetCore.Mvc;

namespace Commendations.Web.Pages.Admin;

/// <summary>Repairs awaiting a second administrator (when required), with approve and decline; and the last decided ones.</summary>
public sealed class RepairRequestsModel(Microsoft.Extensions.Options.IOptions<RepairOptions> options) : AdminPageModel
{
    public IReadOnlyList<RepairRequestView> Requests { get; private set; } = [];

    public bool Required => options.Value.RequireSecondApproval;

    [BindProperty] public string? Note { get; set; }

    public async Task OnGetAsync() => Requests = await Mediator.Send(new ListRepairRequests());

    public async Task<IActionResult> OnPostApproveAsync(Guid requestId)
    {
        if (!await TryAsync(() => Mediator.Send(new DecideRepairRequest(requestId, true, Note)), ""))
        {
            await OnGetAsync();
            return Page();
        }
        Flash = T["Đã duyệt; việc sửa chữa đã được thực hiện."];
        return Redirect(RepairNames.RequestsPage);
    }

    public async Task<IActionResult> OnPostDeclineAsync(Guid requestId)
    {
        if (!await TryAsync(() => Mediator.Send(new DecideRepairRequest(requestId, false, Note)), ""))
        {
            await OnGetAsync();
            return Page();
        }
        Flash = T["Đã không duyệt; người đề nghị đã được thông báo."];
        return Redirect(RepairNames.RequestsPage);
    }
}
