using Commendations.Common.Errors;
using Commendations.Features.Nominations;
using Commendations.Web.Ui;
using Microsoft.AspNetCore.Mvc;

namespace Commendations.Web.Pages.Nominations;

/// <summary>The nomination's route: its definition drawn with the current step, the steps passed, pending timers, and the audit beside.</summary>
public sealed class RouteModel : AppPageModel
{
    [FromRoute] public Guid Id { get; set; }

    public RouteView? Route { get; private set; }

    public NominationDetail? Detail { get; private set; }

    /// <summary>An administrator's reason for ending the wait early (the repair form).</summary>
    [BindProperty] public string? Reason { get; set; }

    /// <summary>What ending the wait would do (after "Xem trước"), or did.</summary>
    public Features.Repairs.WaitEnding? Ending { get; private set; }

    public bool CanEndWait => User.IsInRole(Common.Security.Roles.Administrator) && Route is { Completed: false } r && r.Timers.Any(t => t.Kind == "waitEnds");

    /// <summary>For administrators: each open task given to a person, with who could receive it instead.</summary>
    public IReadOnlyList<(TaskView Task, Features.Repairs.TaskReassignment Preview)> Reassignable { get; private set; } = [];

    [BindProperty] public Guid? NewUserId { get; set; }

    public async Task<IActionResult> OnPostReassignAsync(Guid taskId)
    {
        if (!await TryAsync(() => Mediator.Send(new Features.Repairs.ReassignTask(taskId, NewUserId, Reason, Apply: true)), ""))
            return await OnGetAsync();
        Flash = T["Đã chuyển việc; cả hai người đã được thông báo."];
        return Redirect($"/de-nghi/{Id}/lo-trinh");
    }

    public async Task<IActionResult> OnPostPreviewEndWaitAsync()
    {
        await TryAsync(async () => Ending = await Mediator.Send(new Features.Repairs.EndWaitEarly(Id, Reason ?? "")), "");
        return await OnGetAsync();
    }

    public async Task<IActionResult> OnPostEndWaitAsync()
    {
        if (!await TryAsync(() => Mediator.Send(new Features.Repairs.EndWaitEarly(Id, Reason ?? "", Apply: true)), ""))
            return await OnGetAsync();
        Flash = T["Đã kết thúc thời gian chờ trước hạn; hồ sơ đã chuyển sang bước tiếp theo."];
        return Redirect($"/de-nghi/{Id}/lo-trinh");
    }

    public async Task<IActionResult> OnGetAsync()
    {
        try
        {
            Route = await Mediator.Send(new GetRouteView(Id));
            Detail = await Mediator.Send(new GetNomination(Id));
            if (User.IsInRole(Common.Security.Roles.Administrator) && !Route.Completed)
            {
                var previews = new List<(TaskView, Features.Repairs.TaskReassignment)>();
                foreach (var task in Detail.OpenTasks)
                {
                    var preview = await Mediator.Send(new Features.Repairs.ReassignTask(task.TaskId, null, null));
                    if (preview.Candidates.Count > 0)
                        previews.Add((task, preview));
                }
                Reassignable = previews;
            }
        }
        catch (NotFoundException)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        return Page();
    }

    /// <summary>The names the diagram gives approval and vote outcomes, in the reader's language.</summary>
    public IReadOnlyDictionary<string, string> OutcomeNames() => new[] { "approved", "returned", "rejected", "passed", "failed", "noQuorum", "awarded", "withdrawn" }
        .ToDictionary(o => o, o => RouteWords.Outcome(o).Format());
}
