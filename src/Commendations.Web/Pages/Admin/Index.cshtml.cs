using Commendations.Features.Incidents;

namespace Commendations.Web.Pages.Admin;

public sealed class IndexModel : AdminPageModel
{
    public int OpenIncidents { get; private set; }

    public int RepairRequestsForMe { get; private set; }

    public async Task OnGetAsync()
    {
        OpenIncidents = await Mediator.Send(new CountOpenIncidents());
        RepairRequestsForMe = await Mediator.Send(new Features.Repairs.CountRepairRequestsForMe());
    }
}
