using Commendations.Domain.Catalog;
using Commendations.Domain.Nominations;
using Commendations.Features.Campaigns;
using Commendations.Features.Nominations;
using Commendations.Web.Ui;
using Microsoft.AspNetCore.Mvc;

namespace Commendations.Web.Pages.Nominations;

/// <summary>The nominations the user may see (an officer: their unit's) with filters and search.</summary>
public sealed class IndexModel : AppPageModel
{
    [BindProperty(SupportsGet = true)] public Guid? CampaignId { get; set; }
    [BindProperty(SupportsGet = true)] public NominationStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public NomineeKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<CampaignView> Campaigns { get; private set; } = [];

    /// <summary>The campaign's name for a row: people read names; the code stays beside it for those who file by it.</summary>
    public string CampaignName(string code) => Campaigns.FirstOrDefault(c => c.Code == code)?.Name ?? code;
    public Page<NominationListItem> Results { get; private set; } = new([], 1, 20, 0);

    public async Task OnGetAsync()
    {
        Campaigns = await Mediator.Send(new ListCampaigns());
        var search = Search?.Trim();
        if (search is { Length: > 200 })
            search = search[..200];
        Results = await Mediator.Send(new ListNominations(CampaignId, Status, Kind, search, Page: Math.Clamp(PageNumber, 1, 100_000)));
    }

    public string PageLink(int page) => QueryString.Create(new Dictionary<string, string?>
    {
        ["campaignId"] = CampaignId?.ToString(),
        ["status"] = Status?.ToString(),
        ["kind"] = Kind?.ToString(),
        ["search"] = Search,
        ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();
}
