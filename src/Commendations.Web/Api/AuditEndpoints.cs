using Commendations.Audit;
using MediatR;

namespace Commendations.Web.Api;

public static class AuditEndpoints
{
    public static void MapAuditEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/audit/verify", (IMediator m, CancellationToken ct) => m.Send(new VerifyAuditTrail(), ct)).WithTags("Audit");
        api.MapPost("/audit/seal", (IMediator m, CancellationToken ct) => m.Send(new SealAuditHeads(), ct)).WithTags("Audit");
    }
}
