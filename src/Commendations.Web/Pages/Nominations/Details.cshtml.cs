using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Domain.Catalog;
using Commendations.Domain.Eligibility;
using Commendations.Domain.Nominations;
using Commendations.Features.Disclosure;
using Commendations.Features.Eligibility;
using Commendations.Features.Nominations;
using Commendations.Web.Ui;
using Microsoft.AspNetCore.Mvc;

namespace Commendations.Web.Pages.Nominations;

/// <summary>
/// A nomination: its dossier (documents open in the browser), where it stands and what to do next, its timeline,
/// and — when it is the reader's turn — the actions of their step (submit, approve / return / reject, named actions, a ballot).
/// </summary>
public sealed partial class DetailsModel : AppPageModel
{
    [FromRoute] public Guid Id { get; set; }

    public NominationDetail? Detail { get; private set; }

    /// <summary>The eligibility check stored at submission (not evaluated for a draft).</summary>
    public EligibilityView? Eligibility { get; private set; }

    /// <summary>Comments from public disclosure, for the readers allowed to see them (committees, appraisers, leader, administrators).</summary>
    public IReadOnlyList<DisclosureCommentView> DisclosureComments { get; private set; } = [];

    /// <summary>In disclosure with an unresolved complaint: the wait does not end until it is resolved.</summary>
    public bool Paused => Detail is { InDisclosure: true } && DisclosureComments.Any(c => c.OpenComplaint);

    [BindProperty] public string? Comment { get; set; }
    [BindProperty] public DocumentKind UploadKind { get; set; } = DocumentKind.SubmissionLetter;
    [BindProperty] public Commendations.Engine.VoteChoice? Choice { get; set; }
    [BindProperty] public string? WithdrawReason { get; set; }

    public bool IsOfficerOfUnit => Detail is not null && User.IsInRole(Roles.EmulationOfficer) && Header.UnitId == Detail.UnitId;
    public bool UnitHoldsDossier => IsOfficerOfUnit && Detail!.Status is NominationStatus.Draft or NominationStatus.Returned;
    /// <summary>The head of the nomination's unit signs the unit's submission letter while the unit holds the dossier.</summary>
    public bool HeadMaySignLetter => Detail is not null && User.IsInRole(Roles.UnitHead) && Header.UnitId == Detail.UnitId
                                     && Detail.Status is NominationStatus.Draft or NominationStatus.Returned;
    public bool IsSubmitTurn => Detail?.MyTurn is { IsProposal: true };
    public bool IsVoteTurn => Detail?.MyTurn is { StepType: "vote" };

    private ICurrentUser Header => HttpContext.RequestServices.GetRequiredService<ICurrentUser>();

    public async Task<IActionResult> OnGetAsync() => await ShowAsync();

    /// <summary>A dossier document, inline so PDFs and images open in the browser.</summary>
    public async Task<IActionResult> OnGetDocumentAsync(Guid documentId)
    {
        DocumentFile file;
        try
        {
            file = await Mediator.Send(new GetDocument(Id, documentId));
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        Response.Headers.ContentDisposition = $"inline; filename*=UTF-8''{Uri.EscapeDataString(file.FileName)}";
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(file.Content, file.ContentType);
    }

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", T["Chọn tệp cần tải lên."]);
            return await ShowAsync();
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer);
        var ok = await TryAsync(() => Mediator.Send(new AddDocument(Id, UploadKind, file.FileName, buffer.ToArray())), "");
        return ok ? Done(T["Đã tải lên {0}.", file.FileName]) : await ShowAsync();
    }

    /// <summary>The unit head signs the letter with the certificate the server holds for them; a refusal (no certificate) is shown on the page.</summary>
    public async Task<IActionResult> OnPostSignLetterAsync()
    {
        var ok = await TryAsync(async () =>
        {
            try
            {
                await Mediator.Send(new Commendations.Features.Documents.SubmissionLetters.SignSubmissionLetter(Id));
            }
            catch (UnprocessableException e)
            {
                ModelState.AddModelError("", e.Message);
            }
        }, "");
        return ok && ModelState.IsValid ? Done(T["Đã ký số tờ trình và đưa vào hồ sơ."]) : await ShowAsync();
    }

    public async Task<IActionResult> OnPostRemoveDocumentAsync(Guid documentId)
    {
        var ok = await TryAsync(() => Mediator.Send(new RemoveDocument(Id, documentId)), "");
        return ok ? Done(T["Đã gỡ tài liệu."]) : await ShowAsync();
    }

    public async Task<IActionResult> OnPostSubmitAsync()
    {
        var ok = await TryAsync(() => Mediator.Send(new SubmitNomination(Id, string.IsNullOrWhiteSpace(Comment) ? null : Comment.Trim())), "");
        return ok ? Done(T["Đã trình hồ sơ."]) : await ShowAsync();
    }

    /// <summary>Values chosen for asked outputs, by output name (the form's <c>Outputs[finding]</c> selects).</summary>
    [BindProperty] public Dictionary<string, string> Outputs { get; set; } = [];

    public async Task<IActionResult> OnPostActAsync(Guid taskId, string action)
    {
        // The action's name as its button read, before acting moves the nomination on; only what this action asks is sent
        // (the other buttons of the form may ask for other outputs).
        var turn = (await Mediator.Send(new GetNomination(Id))).MyTurn;
        var label = turn?.Choices.FirstOrDefault(c => c.Name == action)?.Label;
        var asks = turn?.Asks.Where(a => a.Action == action).ToList() ?? [];
        var outputs = asks.Where(a => Outputs.TryGetValue(a.Name, out var v) && !string.IsNullOrEmpty(v))
            .ToDictionary(a => a.Name, a => OutputValue(a.Type, Outputs[a.Name]));
        var ok = await TryAsync(() => Mediator.Send(new ActOnTask(taskId, action, string.IsNullOrWhiteSpace(Comment) ? null : Comment.Trim())
        {
            Outputs = outputs.Count == 0 ? null : outputs,
        }), "");
        return ok ? Done(label is null ? T["Đã ghi nhận ý kiến."] : T["Đã ghi nhận: {0}.", label]) : await ShowAsync();
    }

    private static System.Text.Json.JsonElement OutputValue(string type, string text) => type switch
    {
        "number" when decimal.TryParse(text, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var n) =>
            System.Text.Json.JsonSerializer.SerializeToElement(n),
        "boolean" when bool.TryParse(text, out var b) => System.Text.Json.JsonSerializer.SerializeToElement(b),
        _ => System.Text.Json.JsonSerializer.SerializeToElement(text),
    };

    public async Task<IActionResult> OnPostVoteAsync()
    {
        if (Choice is not { } choice)
        {
            ModelState.AddModelError(nameof(Choice), T["Chọn một phương án biểu quyết."]);
            return await ShowAsync();
        }
        var ok = await TryAsync(() => Mediator.Send(new CastVote(Id, choice, string.IsNullOrWhiteSpace(Comment) ? null : Comment.Trim())), "");
        return ok ? Done(T["Đã ghi nhận phiếu biểu quyết."]) : await ShowAsync();
    }

    public async Task<IActionResult> OnPostWithdrawAsync()
    {
        var ok = await TryAsync(() => Mediator.Send(new WithdrawNomination(Id, WithdrawReason?.Trim() ?? "")), "");
        if (!ok && ModelState.TryGetValue("reason", out var reason))
            ModelState.AddModelError(nameof(WithdrawReason), string.Join(" ", reason.Errors.Select(e => e.ErrorMessage)));
        ModelState.Remove("reason");
        return ok ? Done(T["Đã rút đề nghị."]) : await ShowAsync();
    }

    private IActionResult Done(string message)
    {
        if (!Request.Headers.ContainsKey("HX-Request"))
            Flash = message;
        return Redirect(Common.PageLinks.Nomination(Id));
    }

    private async Task<IActionResult> ShowAsync()
    {
        try
        {
            Detail = await Mediator.Send(new GetNomination(Id));
            Eligibility = await Mediator.Send(new GetEligibility(Id));
            await LoadForwardingAsync();
            if (User.IsInRole(Roles.Administrator) || NominationAccess.IsReviewer(Header))
                DisclosureComments = await Mediator.Send(new ListDisclosureComments(Id));
        }
        catch (NotFoundException)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            Detail = null;
        }
        return Page();
    }

    /// <summary>A task's assignee: a person's name, or "role – unit" with the role in words.</summary>
    public string Assignee(string assignee)
    {
        var dash = assignee.IndexOf(" – ", StringComparison.Ordinal);
        return dash > 0 && Roles.All.Contains(assignee[..dash]) ? T[Labels.Role(assignee[..dash])] + assignee[dash..] : assignee;
    }

    /// <summary>What the reader should do next, in one sentence.</summary>
    public string NextStep()
    {
        var d = Detail!;
        var waiting = d.OpenTasks.FirstOrDefault();
        if (d.MyTurn is { } turn)
        {
            if (IsSubmitTurn)
            {
                return d.Status == NominationStatus.Returned
                    ? T["Hồ sơ bị trả lại: xem lý do trong quá trình xử lý, sửa và bổ sung tài liệu, rồi trình lại trước {0}.", Format.DateTime(turn.DueAt)]
                    : T["Đính kèm đủ tờ trình và báo cáo thành tích, rồi trình hồ sơ trước {0}.", Format.DateTime(turn.DueAt)];
            }
            return T["Đến lượt bạn xử lý bước \"{0}\", hạn {1}.", turn.StepName, Format.DateTime(turn.DueAt)];
        }
        return d.Status switch
        {
            NominationStatus.Awarded => T["Đã được khen thưởng."],
            NominationStatus.Rejected => T["Không được khen thưởng. Xem lý do trong quá trình xử lý."],
            NominationStatus.Withdrawn => T["Đề nghị đã được rút."],
            _ when waiting is not null => T["Đang chờ {0} xử lý bước \"{1}\", hạn {2}.", Assignee(waiting.Assignee), waiting.StepName, Format.DateTime(waiting.DueAt)],
            _ when Paused => T["Tạm dừng: có khiếu nại trong thời gian công khai chưa được giải quyết; hồ sơ chưa chuyển sang bước tiếp theo."],
            _ when d.InDisclosure => T["Đang công khai, lấy ý kiến; hệ thống tự chuyển sang bước tiếp theo khi hết thời gian công khai."],
            _ => T["Đang ở bước \"{0}\".", d.CurrentStepName],
        };
    }

    public static string Outcome(EligibilityOutcome outcome) => outcome switch
    {
        EligibilityOutcome.Passed => "Đạt",
        EligibilityOutcome.Failed => "Không đạt",
        _ => "Cần kiểm tra",
    };
}
