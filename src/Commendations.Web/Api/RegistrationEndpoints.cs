using Commendations.Features.Campaigns.Registration;
using MediatR;

namespace Commendations.Web.Api;

/// <summary>The year-start registration of titles (đăng ký thi đua) of a campaign.</summary>
public static class RegistrationEndpoints
{
    public sealed record WindowBody(DateOnly ClosesOn);
    public sealed record TitlesBody(IReadOnlyList<TitleAim> Titles);

    public static void MapRegistrationEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/campaigns/{id:guid}/registration").WithTags("Registration of titles");
        group.MapGet("/", (IMediator m, Guid id, CancellationToken ct) => m.Send(new GetRegistrations(id), ct))
            .WithSummary("A campaign's registration of titles: its window and which units registered what");
        group.MapPut("/window", (IMediator m, Guid id, WindowBody body, CancellationToken ct) => m.Send(new OpenRegistration(id, body.ClosesOn), ct))
            .WithSummary("Open (or move the closing date of) the campaign's registration of titles");
        group.MapPut("/my-unit", (IMediator m, Guid id, TitlesBody body, CancellationToken ct) => m.Send(new RegisterTitles(id, body.Titles ?? []), ct))
            .WithSummary("Register (or correct) the titles the caller's unit aims at, before the registration closes");
        group.MapGet("/export", async (IMediator m, Guid id, string? format, CancellationToken ct) =>
            ExportEndpoints.File(await m.Send(new ExportRegistrations(id, ExportEndpoints.Parse(format)), ct)))
            .ProducesFile(FileResponses.Xlsx, FileResponses.Csv)
            .WithSummary("Export who registered and who did not as .xlsx or CSV");
    }
}
