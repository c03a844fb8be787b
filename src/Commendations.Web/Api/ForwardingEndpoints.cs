using Commendations.Features.Forwarding;
using MediatR;

namespace Commendations.Web.Api;

/// <summary>
/// Forwarding to the central level (a nomination at its definition's forwarding step): the dossier package (.zip) to
/// download, sending it to the configured endpoint (each attempt recorded; 200 with <c>succeeded</c> false when the
/// endpoint failed, so it can be retried), and recording the central decision.
/// </summary>
public static class ForwardingEndpoints
{
    public sealed record CentralDecisionBody(string Number, DateOnly Date, string IssuingAuthority, string AwardFormCode);

    public static void MapForwardingEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/nominations/{id:guid}").WithTags("Forwarding");

        group.MapGet("/forwarding/package", async (IMediator m, Guid id, CancellationToken ct) =>
            ExportEndpoints.File(await m.Send(new GetDossierPackage(id), ct)))
            .ProducesFile("application/zip")
            .WithSummary("The dossier package for the central level: documents, particulars and a manifest with checksums (.zip)");

        group.MapPost("/forwarding/sends", (IMediator m, Guid id, CancellationToken ct) => m.Send(new SendDossierPackage(id), ct))
            .WithSummary("Send the dossier package to the configured central endpoint; each attempt is recorded");

        group.MapPost("/central-decision", (IMediator m, Guid id, CentralDecisionBody body, CancellationToken ct) =>
            m.Send(new RecordCentralDecision(id, body.Number, body.Date, body.IssuingAuthority, body.AwardFormCode), ct))
            .WithSummary("Record the central decision (number, date, authority, award) and put the award in the registry");
    }
}
