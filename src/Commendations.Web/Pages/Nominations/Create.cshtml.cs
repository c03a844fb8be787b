using Commendations.Features.Campaigns;
using Commendations.Features.Nominations;
using Commendations.Web.Ui;
using Microsoft.AspNetCore.Mvc;

namespace Commendations.Web.Pages.Nominations;

/// <summary>An officer drafts a nomination for a campaign open for dossiers; it then gets its documents and is submitted.</summary>
public sealed class CreateModel : AppPageModel
{
    [BindProperty] public NominationInput Input { get; set; } = new();

    public IReadOnlyList<CampaignView> Campaigns { get; private set; } = [];

    public IReadOnlyList<(string Code, string Name)> AwardForms { get; private set; } = [];

    public string[] FieldKeys =>
    [
        "Input.campaignId", "Input.awardFormCode", "Input.kind", "Input.achievementSummary",
        "Input.person.fullName", "Input.person.birthYear", "Input.person.position",
        "Input.collective.name", "Input.collective.headcount", "Input.collective.women", "Input.collective.advancedWorkers",
        "Input.person.identityId", "Input.collective.identityId",
    ];

    public async Task OnGetAsync(Guid? campaignId)
    {
        await LoadAsync();
        Input.CampaignId = campaignId is { } id && Campaigns.Any(c => c.Id == id) ? id : Campaigns.FirstOrDefault()?.Id;
        Input.AwardFormCode = Campaigns.FirstOrDefault(c => c.Id == Input.CampaignId)?.Awards.FirstOrDefault()?.AwardFormCode;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (!ModelState.IsValid)
            return Page();
        Guid id = default;
        var created = await TryAsync(async () => id = await Mediator.Send(new CreateNomination(
            Input.CampaignId ?? Guid.Empty, Input.AwardFormCode ?? "", Input.Kind, Input.PersonInput(), Input.CollectiveInput(),
            Input.AchievementSummary ?? "")));
        if (!created)
            return Page();
        Flash = T["Đã lưu dự thảo. Đính kèm tài liệu rồi trình hồ sơ."];
        return Redirect(Common.PageLinks.Nomination(id));
    }

    private async Task LoadAsync()
    {
        Campaigns = (await Mediator.Send(new ListCampaigns())).Where(c => c.OpenForDossiers).ToList();
        AwardForms = Campaigns.SelectMany(c => c.Awards).Select(a => (a.AwardFormCode, a.AwardFormName)).Distinct().ToList();
        Input.Known = await Mediator.Send(new ListKnownNominees());
    }
}
