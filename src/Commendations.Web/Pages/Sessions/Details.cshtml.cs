using Commendations.Common.Errors;
using Commendations.Domain.Sessions;
using Commendations.Engine;
using Commendations.Features.Sessions;
using Commendations.Web.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Commendations.Web.Pages.Sessions;

/// <summary>
/// A council session. Everyone who may read it sees the agenda with the running counts (the outcomes once closed) and the
/// attendance. The secretary (or an administrator) records attendance, the written ballots of absent members and closes it;
/// a member who may vote casts or changes their own ballot on each nomination until the close.
/// </summary>
public sealed class DetailsModel : AppPageModel
{
    [FromRoute] public Guid Id { get; set; }

    public SessionMinutes? Minutes { get; private set; }

    public BallotSheet Sheet { get; private set; } = new(false, null, [], new Dictionary<Guid, IReadOnlyList<Guid>>());

    public bool IsOpen => Minutes?.Status == SessionStatus.Open;

    /// <summary>The reader's own ballots, while the session is open and they may vote on something.</summary>
    public MemberBallots? MyBallots => IsOpen && Sheet.Mine is { } mine && (mine.MayVoteOn.Count > 0 || mine.SecretCast.Count > 0) ? mine : null;

    /// <summary>A member of the committee who may not vote yet: the secretary has not recorded them present.</summary>
    public bool AwaitsAttendance => IsOpen && Sheet.Mine is { MayVoteOn.Count: 0, SecretCast.Count: 0 };

    /// <summary>Some agenda nomination is voted by secret ballot.</summary>
    public bool AnySecret => Minutes?.Items.Any(i => i.Secret) == true;

    public async Task<IActionResult> OnGetAsync()
    {
        var result = await ShowAsync();
        if (Minutes is { } m)
            Particulars = new MinutesInput
            {
                Number = m.MinutesNumber, ChairUserId = m.Chair?.UserId, SecretaryUserId = m.Secretary?.UserId,
                EndedAt = m.EndedAt?.ToOffset(VietnamTime.Offset).DateTime,
            };
        return result;
    }

    /// <summary>The roll call as posted; shown again as entered when it is refused, so nothing typed is lost.</summary>
    [BindProperty] public List<RollCallInput> Lines { get; set; } = [];

    /// <summary>Why a member's line was refused, shown in that member's row.</summary>
    public Dictionary<Guid, List<string>> LineErrors { get; } = [];

    /// <summary>The whole roll call in one form: every line saved together, or none when one is wrong.</summary>
    public async Task<IActionResult> OnPostAttendanceAsync()
    {
        var names = await MemberNamesAsync();
        for (var i = 0; i < Lines.Count; i++)
        {
            if (Lines[i].Status is not { } chosen || !Enum.IsDefined(chosen))
                RefuseLine(names, i, T["Chọn tình hình tham dự."]);
        }
        if (Lines.Count == 0)
            ModelState.AddModelError("", T["Điểm danh ít nhất một thành viên."]);
        if (!ModelState.IsValid)
            return await ShowAsync();

        var lines = Lines.Select(l => new RollCallLine(l.MemberUserId, l.Status!.Value,
            string.IsNullOrWhiteSpace(l.Note) ? null : l.Note.Trim(),
            l.Status == AttendanceStatus.Recused ? l.RecusedFrom.Distinct().ToList() : [])).ToList();
        var changed = 0;
        var ok = await RunAsync(async () => changed = await Mediator.Send(new RecordRollCall(Id, lines)));
        if (ok)
            return Done(changed == 0 ? T["Điểm danh không có gì thay đổi."] : T["Đã ghi nhận điểm danh ({0} thành viên thay đổi).", changed], "attendance");
        MoveLineErrorsToRows(names);
        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostBallotAsync(Guid nominationId, VoteChoice? choice, Guid? onBehalfOf)
    {
        if (choice is not { } chosen || !SessionLabels.Choices.Contains(chosen))
        {
            ModelState.AddModelError("", T["Chọn một phương án biểu quyết."]);
            return await ShowAsync();
        }
        var ok = await RunAsync(() => Mediator.Send(new CastSessionBallot(Id, nominationId, chosen, onBehalfOf)));
        return ok
            ? Done(onBehalfOf is null ? T["Đã ghi nhận phiếu của bạn."] : T["Đã ghi nhận phiếu bằng văn bản."], onBehalfOf is null ? "my-ballots" : "written-ballots")
            : await ShowAsync();
    }

    public async Task<IActionResult> OnPostCloseAsync(bool confirm)
    {
        if (!confirm)
        {
            ModelState.AddModelError("", T["Đánh dấu xác nhận trước khi kết thúc phiên họp."]);
            return await ShowAsync();
        }
        var ok = await RunAsync(() => Mediator.Send(new CloseSession(Id)));
        return ok ? Done(T["Đã kết thúc phiên họp. Kết quả đã được ghi vào biên bản."], "agenda") : await ShowAsync();
    }

    /// <summary>The minutes' particulars as the secretary enters them (number, chair, secretary, end time in Vietnam's time).</summary>
    [BindProperty] public MinutesInput Particulars { get; set; } = new();

    public async Task<IActionResult> OnPostMinutesAsync()
    {
        ModelState.Clear();
        var p = Particulars;
        DateTimeOffset? ended = p.EndedAt is { } local ? new DateTimeOffset(local, VietnamTime.Offset) : null;
        var ok = await RunAsync(() => Mediator.Send(new RecordMinutesDetails(Id, string.IsNullOrWhiteSpace(p.Number) ? null : p.Number.Trim(),
            p.ChairUserId, p.SecretaryUserId, ended)));
        if (!ok)
        {
            // The use case names the field ("number"); the form's field is "Particulars.Number".
            foreach (var (key, entry) in ModelState.Where(e => e.Key.Length > 0).ToList())
            {
                ModelState.Remove(key);
                foreach (var error in entry!.Errors)
                    ModelState.AddModelError($"Particulars.{char.ToUpperInvariant(key[0])}{key[1..]}", error.ErrorMessage);
            }
        }
        return ok ? Done(T["Đã ghi thông tin biên bản."], "minutes-particulars") : await ShowAsync();
    }

    /// <summary>The recorded choice of a member on a nomination, if any.</summary>
    public static VoteChoice? ChoiceOf(MemberBallots ballots, Guid nominationId) =>
        ballots.Choices.TryGetValue(nominationId, out var choice) ? choice : null;

    public string NameOf(Guid memberUserId) => Minutes?.Attendance.FirstOrDefault(a => a.MemberUserId == memberUserId)?.Name ?? "?";

    public bool IsRecusedFrom(Guid memberUserId, Guid nominationId) =>
        Sheet.RecusedFrom.TryGetValue(memberUserId, out var list) && list.Contains(nominationId);

    /// <summary>What the member entered on the refused roll call, or null when the page shows what is recorded.</summary>
    public RollCallInput? Posted(Guid memberUserId) => Lines.FirstOrDefault(l => l.MemberUserId == memberUserId);

    private async Task<IReadOnlyDictionary<Guid, string>> MemberNamesAsync()
    {
        try
        {
            return (await Mediator.Send(new GetSession(Id))).Attendance.ToDictionary(a => a.MemberUserId, a => a.Name);
        }
        catch (Exception e) when (e is NotFoundException or ForbiddenException)
        {
            return new Dictionary<Guid, string>();
        }
    }

    private void RefuseLine(IReadOnlyDictionary<Guid, string> names, int index, string reason)
    {
        var member = Lines[index].MemberUserId;
        (LineErrors.TryGetValue(member, out var list) ? list : LineErrors[member] = []).Add(reason);
        ModelState.AddModelError("", $"{names.GetValueOrDefault(member, T["Thành viên"])}: {reason}");
    }

    /// <summary>The use case names a refused line "lines[i].field"; the page says it beside the member instead.</summary>
    private void MoveLineErrorsToRows(IReadOnlyDictionary<Guid, string> names)
    {
        var lineErrors = ModelState.Where(e => e.Key.StartsWith("lines[", StringComparison.OrdinalIgnoreCase)).ToList();
        foreach (var (key, entry) in lineErrors)
        {
            var index = int.Parse(key["lines[".Length..key.IndexOf(']')], System.Globalization.CultureInfo.InvariantCulture);
            var reasons = entry!.Errors.Select(x => x.ErrorMessage).ToList();
            ModelState.Remove(key);
            if (index >= 0 && index < Lines.Count)
                foreach (var reason in reasons) RefuseLine(names, index, reason);
        }
    }

    /// <summary>A command of this page; a session or agenda item the user may not see is reported, not thrown.</summary>
    private async Task<bool> RunAsync(Func<Task> action)
    {
        try
        {
            return await TryAsync(action, "");
        }
        catch (NotFoundException)
        {
            ModelState.AddModelError("", T["Không tìm thấy phiên họp hoặc hồ sơ này trong chương trình họp."]);
            return false;
        }
    }

    private RedirectResult Done(string message, string anchor)
    {
        Flash = message;
        return Redirect($"/phien-hop/{Id}#{anchor}");
    }

    private async Task<IActionResult> ShowAsync()
    {
        // The use cases decide who reads the session: other roles are refused (403), members of another committee are
        // told it does not exist (404); both see the same "not found or not yours" page.
        try
        {
            Minutes = await Mediator.Send(new GetSession(Id));
            Sheet = await Mediator.Send(new GetBallotSheet(Id));
        }
        catch (NotFoundException)
        {
            return NotFoundPage(StatusCodes.Status404NotFound);
        }
        catch (ForbiddenException)
        {
            return NotFoundPage(StatusCodes.Status403Forbidden);
        }
        return Page();
    }

    private PageResult NotFoundPage(int status)
    {
        Minutes = null;
        Response.StatusCode = status;
        return Page();
    }
}

/// <summary>The ballot table of one member: their own (<see cref="OnBehalfOf"/> null) or a written one the secretary records.</summary>
public sealed record BallotTableModel(IReadOnlyList<MinutesItem> Items, MemberBallots Ballots, Guid? OnBehalfOf, string Caption);

/// <summary>One row of the roll call form.</summary>
public sealed class MinutesInput
{
    public string? Number { get; set; }
    public Guid? ChairUserId { get; set; }
    public Guid? SecretaryUserId { get; set; }

    /// <summary>Local time in Vietnam (datetime-local).</summary>
    public DateTime? EndedAt { get; set; }
}

public sealed class RollCallInput
{
    public Guid MemberUserId { get; set; }
    public AttendanceStatus? Status { get; set; }
    public string? Note { get; set; }
    public List<Guid> RecusedFrom { get; set; } = [];
}
