using Commendations.Features.Nominations;
using MediatR;

namespace Commendations.Web.Api;

public static class TaskEndpoints
{
    public sealed record ActionBody(string Action, string? Comment);

    public static void MapTaskEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/tasks").WithTags("Tasks");
        group.MapGet("/inbox", (IMediator m, CancellationToken ct) => m.Send(new GetInbox(), ct));
        group.MapPost("/{taskId:guid}/actions", (IMediator m, HttpRequest request, Guid taskId, ActionBody body, CancellationToken ct) =>
            m.Send(new ActOnTask(taskId, body.Action, body.Comment, request.IdempotencyKey()), ct));
    }
}
