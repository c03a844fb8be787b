using Commendations.Features.Campaigns;
using Commendations.Web.Ui;

namespace Commendations.Web.Pages.Campaigns;

public sealed class IndexModel : AppPageModel
{
    public IReadOnlyList<CampaignView> Open { get; private set; } = [];
    public IReadOnlyList<CampaignView> Closed { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var all = await Mediator.Send(new ListCampaigns());
        Open = all.Where(c => c.OpenForDossiers).ToList();
        Closed = all.Where(c => !c.OpenForDossiers).ToList();
    }
}
