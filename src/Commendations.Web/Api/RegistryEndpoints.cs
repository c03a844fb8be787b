using Commendations.Features.Registry;
using MediatR;

namespace Commendations.Web.Api;

public static class RegistryEndpoints
{
    public sealed record RevocationBody(string Reason, string RevokingDecisionNumber, DateOnly Date);

    public static void MapRegistryEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/registry").WithTags("Registry");

        group.MapGet("/", (IMediator m, string? person, string? collective, Guid? unitId, string? awardForm, string? campaign, int? year,
                string? decision, bool? includeRevoked, int? page, int? pageSize, CancellationToken ct) =>
            m.Send(new SearchRegistry(person, collective, unitId, awardForm, campaign, year, decision, includeRevoked ?? true, page ?? 1, pageSize ?? 50), ct))
            .WithSummary("Search the registry of awards");

        group.MapGet("/{id:guid}/history", (IMediator m, Guid id, CancellationToken ct) => m.Send(new GetAwardHistory(id), ct))
            .WithSummary("An award's history: issued, superseded, revoked, with their decisions");

        group.MapPost("/{id:guid}/revocation", (IMediator m, HttpRequest request, Guid id, RevocationBody body, CancellationToken ct) =>
            m.Send(new RevokeAward(id, body.Reason, body.RevokingDecisionNumber, body.Date, request.IdempotencyKey()), ct))
            .WithSummary("Revoke an award by a revoking decision, with a reason");
    }
}
