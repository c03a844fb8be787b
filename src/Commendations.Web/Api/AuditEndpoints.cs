using Commendations.Audit;
using MediatR;

namespace Commendations.Web.Api;

public static class AuditEndpoints
{
    public static void MapAuditEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/audit/verify", (IMediator m, CancellationToken ct) => m.Send(new VerifyAuditTrail(), ct)).WithTags("Audit")
            .WithSummary("Verify every audit stream's hash chain and its sealed heads");
        api.MapPost("/audit/seal", (IMediator m, CancellationToken ct) => m.Send(new SealAuditHeads(), ct)).WithTags("Audit")
            .WithSummary("Seal the audit streams' current heads");
    }
}
