using Commendations.Features.Incidents;

namespace Commendations.Web.Pages.Admin;

public sealed class IndexModel : AdminPageModel
{
    public int OpenIncidents { get; private set; }

    public async Task OnGetAsync() => OpenIncidents = await Mediator.Send(new CountOpenIncidents());
}
