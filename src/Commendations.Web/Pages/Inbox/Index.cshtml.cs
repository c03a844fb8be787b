using Commendations.Engine;
using Commendations.Features.Campaigns;
using Commendations.Features.Tasks;
using Commendations.Web.Ui;
using Microsoft.AspNetCore.Mvc;

namespace Commendations.Web.Pages.Inbox;

/// <summary>
/// My task list: filters, search, sort and paging over the tasks where it is my turn (soonest due first by default,
/// overdue ones highlighted), with claim/release of role tasks, a private follow-up date, and bulk actions on ticked
/// tasks whose per-item results are shown after.
/// </summary>
public sealed class IndexModel : AppPageModel
{
    [BindProperty(SupportsGet = true)] public Guid? CampaignId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Step { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? DueFrom { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? DueTo { get; set; }
    [BindProperty(SupportsGet = true)] public bool OverdueOnly { get; set; }
    [BindProperty(SupportsGet = true)] public TaskKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? UnitId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public bool ClaimedByMe { get; set; }
    [BindProperty(SupportsGet = true)] public TaskSort Sort { get; set; } = TaskSort.Due;
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<CampaignView> Campaigns { get; private set; } = [];

    /// <summary>The campaign's name for a row: people read names; the code stays beside it for those who file by it.</summary>
    public string CampaignName(string code) => Campaigns.FirstOrDefault(c => c.Code == code)?.Name ?? code;
    public TaskListOptions Options { get; private set; } = new([], []);
    public TaskListPage List { get; private set; } = new(new([], 1, 20, 0), new(new(0, false), new(0, false), new(0, false)));
    public IReadOnlyList<TaskListItem> Items => List.Tasks.Items;

    /// <summary>The actions offered in bulk: by meaning, those some listed task's step has (each item is checked again on its own).</summary>
    public IReadOnlyList<ActionMeaning> BulkMeanings => Items.SelectMany(i => i.BulkMeanings).Distinct().Order().ToList();

    public BulkActionResult? BulkResult { get; private set; }

    public bool MayBulkAct => Header.IsInRole(Common.Security.Roles.CommitteeMember) || Header.IsInRole(Common.Security.Roles.Appraiser);

    private HeaderUser Header => HttpContext.RequestServices.GetRequiredService<HeaderUser>();

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostClaimAsync(Guid taskId) => await AfterAsync(() => Mediator.Send(new ClaimTask(taskId)));

    public async Task<IActionResult> OnPostReleaseAsync(Guid taskId) => await AfterAsync(() => Mediator.Send(new ReleaseTask(taskId)));

    public async Task<IActionResult> OnPostFollowUpAsync(Guid taskId, DateOnly? on) => await AfterAsync(() => Mediator.Send(new SetFollowUp(taskId, on)));

    public async Task<IActionResult> OnPostBulkAsync(List<Guid> selected, ActionMeaning meaning, string? comment)
    {
        if (await TryAsync(async () => BulkResult = await Mediator.Send(new BulkActOnTasks(selected, meaning, comment)), ""))
            ModelState.Clear();
        await LoadAsync();
        return Page();
    }

    private async Task<IActionResult> AfterAsync(Func<Task> action)
    {
        if (await TryAsync(action, ""))
            return Redirect(Request.Path + Request.QueryString);
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Campaigns = await Mediator.Send(new ListCampaigns());
        Options = await Mediator.Send(new GetTaskListOptions());
        var search = Search?.Trim();
        if (search is { Length: > 200 })
            search = search[..200];
        // A range typed backwards is read forwards rather than refused: the page has no field to show the error beside.
        var (from, to) = DueFrom > DueTo ? (DueTo, DueFrom) : (DueFrom, DueTo);
        List = await Mediator.Send(new ListMyTasks(CampaignId, Step, from, to, OverdueOnly, Kind, UnitId, search, null, ClaimedByMe, Sort,
            Math.Clamp(PageNumber, 1, 100_000)));
    }

    public string PageLink(int page) => Link(new() { ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    /// <summary>This list's address with some filters changed (the counts link to their filter).</summary>
    public string Link(Dictionary<string, string?> changes)
    {
        var query = new Dictionary<string, string?>
        {
            ["campaignId"] = CampaignId?.ToString(),
            ["step"] = Step,
            ["dueFrom"] = DueFrom?.ToString("yyyy-MM-dd"),
            ["dueTo"] = DueTo?.ToString("yyyy-MM-dd"),
            ["overdueOnly"] = OverdueOnly ? "true" : null,
            ["kind"] = Kind?.ToString(),
            ["unitId"] = UnitId?.ToString(),
            ["search"] = Search,
            ["claimedByMe"] = ClaimedByMe ? "true" : null,
            ["sort"] = Sort == TaskSort.Due ? null : Sort.ToString(),
        };
        foreach (var (key, value) in changes)
            query[key] = value;
        return "/viec-can-xu-ly" + QueryString.Create(query.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();
    }
}
