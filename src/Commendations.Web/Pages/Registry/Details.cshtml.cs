using Commendations.Engine;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Features.Registry;
using Commendations.Web.Ui;
using Microsoft.AspNetCore.Mvc;

namespace Commendations.Web.Pages.Registry;

/// <summary>
/// One registry line with its nominee's whole history of awards; administrators and the provincial leader record a
/// revocation here (the line is kept and shown revoked). Anyone else who posts the form is refused with 403.
/// </summary>
public sealed class DetailsModel(TimeProvider clock) : AppPageModel
{
    [FromRoute] public Guid Id { get; set; }

    [BindProperty] public RevocationInput Input { get; set; } = new();

    public AwardHistory? History { get; private set; }
    public RegistryLine? Line => History?.Awards.FirstOrDefault(a => a.Id == Id);

    public bool MayRevoke => User.IsInRole(Roles.Administrator) || User.IsInRole(Roles.ProvincialLeader);

    public string[] FieldKeys => ["Input.Reason", "Input.RevokingDecisionNumber", "Input.Date", "Input.Confirmed"];

    public async Task<IActionResult> OnGetAsync()
    {
        Input.Date = VietnamTime.Today(clock);
        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostRevokeAsync()
    {
        if (!MayRevoke)
        {
            ModelState.AddModelError("", T["Chỉ quản trị hệ thống hoặc lãnh đạo UBND tỉnh được thu hồi khen thưởng."]);
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return await ShowAsync();
        }
        if (!Input.Confirmed)
            ModelState.AddModelError("Input.Confirmed", T["Đánh dấu xác nhận trước khi thu hồi."]);
        if (Input.Date is null && !ModelState.ContainsKey("Input.Date"))
            ModelState.AddModelError("Input.Date", T["Nhập ngày của quyết định thu hồi."]);
        if (!ModelState.IsValid
            || !await TryAsync(() => Mediator.Send(new RevokeAward(Id, Input.Reason ?? "", Input.RevokingDecisionNumber ?? "", Input.Date!.Value))))
            return await ShowAsync();
        Flash = T["Đã ghi nhận thu hồi khen thưởng."];
        return Redirect($"/so-khen-thuong/{Id}");
    }

    private async Task<IActionResult> ShowAsync()
    {
        try
        {
            History = await Mediator.Send(new GetAwardHistory(Id));
        }
        catch (NotFoundException)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        return Page();
    }

    public sealed class RevocationInput
    {
        public string? Reason { get; set; }
        public string? RevokingDecisionNumber { get; set; }
        public DateOnly? Date { get; set; }
        public bool Confirmed { get; set; }
    }
}
