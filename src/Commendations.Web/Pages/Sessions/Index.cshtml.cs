using Commendations.Engine;
using Commendations.Common.Security;
using Commendations.Features.Sessions;
using Commendations.Web.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Commendations.Web.Pages.Sessions;

/// <summary>
/// The council sessions the user may read, open ones first; for a committee's secretary (or an administrator) how many
/// nominations wait for the committee's vote, and a form to open a session with them on the agenda.
/// </summary>
public sealed class IndexModel(ICurrentUser user) : AppPageModel
{
    [FromQuery(Name = "committee")] public string? Committee { get; set; }
    [FromQuery(Name = "status")] public string? Status { get; set; }

    [BindProperty] public OpenInput Input { get; set; } = new();

    public SessionList List { get; private set; } = new([], []);

    /// <summary>Committees whose sessions the user sees (for the filter), from the list itself and the committees they run.</summary>
    public IReadOnlyList<(string Code, string Name)> Committees { get; private set; } = [];

    public bool Refused { get; private set; }

    /// <summary>The committee whose opening form was posted (its fields show the errors).</summary>
    public string? PostedCommittee { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!SessionLabels.MayUse(user))
            return Refuse();
        var all = await Mediator.Send(new ListSessions());
        List = all;
        if (Empty(Committee) is not null || Empty(Status) is not null)
            await TryAsync(async () => List = await Mediator.Send(new ListSessions(Empty(Committee), Empty(Status))), "");
        LoadCommittees(all);
        return Page();
    }

    public async Task<IActionResult> OnPostOpenAsync()
    {
        if (!SessionLabels.MayUse(user))
            return Refuse();
        PostedCommittee = Input.CommitteeCode;
        if (string.IsNullOrWhiteSpace(Input.Title))
            ModelState.AddModelError("Input.Title", T["Nhập tên phiên họp."]);
        if (Input.HeldAt is null)
            ModelState.AddModelError("Input.HeldAt", T["Nhập thời gian họp."]);
        if (Input.NominationIds.Count == 0)
            ModelState.AddModelError("Input.NominationIds", T["Chọn ít nhất một hồ sơ đưa vào chương trình họp."]);
        Guid id = default;
        if (ModelState.IsValid)
        {
            // The form's time is Vietnam time, whatever the server's time zone.
            var heldAt = new DateTimeOffset(DateTime.SpecifyKind(Input.HeldAt!.Value, DateTimeKind.Unspecified), VietnamTime.Offset);
            var location = string.IsNullOrWhiteSpace(Input.Location) ? null : Input.Location.Trim();
            if (await TryAsync(async () => id = await Mediator.Send(new OpenSession(Input.CommitteeCode ?? "", Input.Title!.Trim(), heldAt, location,
                    Input.NominationIds.Distinct().ToList()))))
            {
                Flash = T["Đã mở phiên họp với {0} hồ sơ.", Input.NominationIds.Distinct().Count()];
                return Redirect($"/phien-hop/{id}");
            }
        }
        List = await Mediator.Send(new ListSessions());
        LoadCommittees(List);
        return Page();
    }

    /// <summary>The errors of a field of the posted committee's form.</summary>
    public IEnumerable<string> ErrorsOf(string committee, string field) =>
        committee == PostedCommittee && ModelState.TryGetValue($"Input.{field}", out var entry) ? entry.Errors.Select(e => e.ErrorMessage) : [];

    public static readonly string[] FieldKeys = ["Input.Title", "Input.HeldAt", "Input.Location", "Input.NominationIds"];

    private void LoadCommittees(SessionList all) =>
        Committees = all.Sessions.Select(s => (s.CommitteeCode, s.CommitteeName)).Concat(all.Runnable.Select(r => (r.Code, r.Name)))
            .Distinct().OrderBy(c => c.Item1, StringComparer.Ordinal).ToList();

    private PageResult Refuse()
    {
        Refused = true;
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public sealed class OpenInput
    {
        public string? CommitteeCode { get; set; }
        public string? Title { get; set; }
        public DateTime? HeldAt { get; set; }
        public string? Location { get; set; }
        public List<Guid> NominationIds { get; set; } = [];
    }
}
