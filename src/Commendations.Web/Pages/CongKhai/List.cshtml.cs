using Commendations.Features.Disclosure;
using Commendations.Web.Ui;
using Microsoft.AspNetCore.Authorization;

namespace Commendations.Web.Pages.CongKhai;

/// <summary>The public index of disclosures (no sign-in): every campaign with nominees now posted for comments.</summary>
[AllowAnonymous]
public sealed class ListModel : AppPageModel
{
    public IReadOnlyList<DisclosureCampaignSummary> Campaigns { get; private set; } = [];

    public async Task OnGetAsync() => Campaigns = await Mediator.Send(new ListDisclosureCampaigns());
}
