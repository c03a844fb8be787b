using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Features.Campaigns.Registration;
using Commendations.Web.Ui;
using Microsoft.AspNetCore.Mvc;

namespace Commendations.Web.Pages.Campaigns;

/// <summary>
/// A campaign's registration of titles (đăng ký thi đua): the commendation office opens it with a closing date and sees
/// which units registered and which did not; a unit's officer registers the unit's titles until the closing date.
/// </summary>
public sealed class RegistrationModel(ICurrentUser user) : AppPageModel
{
    [FromRoute] public Guid Id { get; set; }

    public CampaignRegistrations? Registrations { get; private set; }

    [BindProperty] public DateOnly? ClosesOn { get; set; }

    /// <summary>One line per award form the campaign allows, in <see cref="CampaignRegistrations.Awards"/>' order.</summary>
    [BindProperty] public List<AimInput> Aims { get; set; } = [];

    public sealed class AimInput
    {
        public string AwardFormCode { get; set; } = "";
        public int Collectives { get; set; }
        public int Individuals { get; set; }
    }

    public bool IsOwner => user.IsInRole(Roles.Appraiser) || user.IsInRole(Roles.Administrator);
    public bool MayRegister => user.IsInRole(Roles.EmulationOfficer);
    public bool MayExport => IsOwner || user.IsInRole(Roles.ProvincialLeader) || user.IsInRole(Roles.CommitteeMember);

    public async Task<IActionResult> OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostOpenAsync()
    {
        if (ClosesOn is null)
            ModelState.AddModelError(nameof(ClosesOn), T["Chọn hạn đăng ký."]);
        else if (await TryAsync(() => Mediator.Send(new OpenRegistration(Id, ClosesOn.Value)), ""))
        {
            Flash = T["Đã mở đăng ký thi đua đến hết ngày {0}.", Format.Date(ClosesOn.Value)];
            return RedirectToPage(new { Id });
        }
        return await LoadAsync();
    }

    public async Task<IActionResult> OnPostRegisterAsync()
    {
        var aims = Aims.Where(a => a.Collectives > 0 || a.Individuals > 0).Select(a => new TitleAim(a.AwardFormCode, a.Collectives, a.Individuals)).ToList();
        if (await TryAsync(() => Mediator.Send(new RegisterTitles(Id, aims)), ""))
        {
            Flash = T["Đã ghi đăng ký thi đua của đơn vị."];
            return RedirectToPage(new { Id });
        }
        return await LoadAsync();
    }

    private async Task<IActionResult> LoadAsync()
    {
        try
        {
            Registrations = await Mediator.Send(new GetRegistrations(Id));
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        ClosesOn ??= Registrations.ClosesOn;
        if (Aims.Count == 0)
        {
            var mine = Registrations.Units.FirstOrDefault(u => u.UnitId == user.UnitId);
            Aims = Registrations.Awards.Select(a => new AimInput
            {
                AwardFormCode = a.Code,
                Collectives = mine?.Titles.FirstOrDefault(t => t.AwardFormCode == a.Code)?.Collectives ?? 0,
                Individuals = mine?.Titles.FirstOrDefault(t => t.AwardFormCode == a.Code)?.Individuals ?? 0,
            }).ToList();
        }
        return Page();
    }
}
