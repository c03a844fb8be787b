using Commendations.Features.Incidents;
using Microsoft.AspNetCore.Mvc;

namespace Commendations.Web.Pages.Admin;

/// <summary>The incidents: running routes that cannot move on by themselves, each with its reason and the repairs that apply.</summary>
public sealed class IncidentsModel : AdminPageModel
{
    public IReadOnlyList<IncidentView> Incidents { get; private set; } = [];

    public async Task OnGetAsync() => Incidents = await Mediator.Send(new ListIncidents());

    /// <summary>A failing automatic step is tried again at once (on whichever node dispatches next).</summary>
    public async Task<IActionResult> OnPostRetryAsync(long messageId)
    {
        if (!await TryAsync(() => Mediator.Send(new Features.Repairs.RetryOutboxMessage(messageId)), ""))
            return await RefusedAsync();
        Flash = T["Đã yêu cầu thử lại; kết quả sẽ hiện ở lần kiểm tra sau."];
        return Redirect("/quan-tri/su-co");
    }

    /// <summary>A failed scheduled job runs again (through the outbox, on whichever node dispatches next).</summary>
    public async Task<IActionResult> OnPostRetryJobAsync(Guid failureId)
    {
        if (!await TryAsync(() => Mediator.Send(new Features.Repairs.RetryFailedJob(failureId)), ""))
            return await RefusedAsync();
        Flash = T["Đã yêu cầu chạy lại; kết quả sẽ hiện ở lần kiểm tra sau."];
        return Redirect("/quan-tri/su-co");
    }

    /// <summary>The list again, with why the retry was refused above it.</summary>
    private async Task<IActionResult> RefusedAsync()
    {
        await OnGetAsync();
        return Page();
    }

    /// <summary>Sweep now instead of waiting for the scheduler's next sweep.</summary>
    public async Task<IActionResult> OnPostSweepAsync()
    {
        var sweep = await Mediator.Send(new SweepIncidents());
        Flash = T["Đã kiểm tra: {0} sự cố mới, {1} sự cố đã hết.", sweep.Opened, sweep.Resolved];
        return Redirect("/quan-tri/su-co");
    }
}
