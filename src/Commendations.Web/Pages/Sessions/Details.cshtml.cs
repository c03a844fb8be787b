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

    public async Task<IActionResult> OnGetAsync() => await ShowAsync();

    public async Task<IActionResult> OnPostAttendanceAsync(Guid memberUserId, AttendanceStatus? status, string? note, List<Guid>? recusedFrom)
    {
        if (status is not { } chosen || !Enum.IsDefined(chosen))
        {
            ModelState.AddModelError("", T["Chọn tình hình tham dự của thành viên."]);
            return await ShowAsync();
        }
        if (chosen == AttendanceStatus.Recused && string.IsNullOrWhiteSpace(note))
        {
            ModelState.AddModelError("", T["Ghi rõ lý do xung đột lợi ích mà thành viên đã nêu."]);
            return await ShowAsync();
        }
        var concerned = chosen == AttendanceStatus.Recused ? recusedFrom ?? [] : [];
        var ok = await RunAsync(() => Mediator.Send(new RecordAttendance(Id, memberUserId, chosen,
            string.IsNullOrWhiteSpace(note) ? null : note.Trim(), concerned.Distinct().ToList())));
        return ok ? Done(T["Đã ghi nhận tình hình tham dự."], "attendance") : await ShowAsync();
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

    /// <summary>The recorded choice of a member on a nomination, if any.</summary>
    public static VoteChoice? ChoiceOf(MemberBallots ballots, Guid nominationId) =>
        ballots.Choices.TryGetValue(nominationId, out var choice) ? choice : null;

    public string NameOf(Guid memberUserId) => Minutes?.Attendance.FirstOrDefault(a => a.MemberUserId == memberUserId)?.Name ?? "?";

    public bool IsRecusedFrom(Guid memberUserId, Guid nominationId) =>
        Sheet.RecusedFrom.TryGetValue(memberUserId, out var list) && list.Contains(nominationId);

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
