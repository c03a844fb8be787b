using Commendations.Features.Campaigns;
using MediatR;

namespace Commendations.Web.Api;

public static class CampaignEndpoints
{
    public static void MapCampaignEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/campaigns").WithTags("Campaigns");
        group.MapGet("/", (IMediator m, CancellationToken ct) => m.Send(new ListCampaigns(), ct));
        group.MapGet("/{id:guid}/progress", (IMediator m, Guid id, CancellationToken ct) => m.Send(new GetCampaignProgress(id), ct));
    }
}
