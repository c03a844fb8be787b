using Commendations.Features.Nominations;
using MediatR;

namespace Commendations.Web.Api;

public static class TaskEndpoints
{
    /// <param name="Outputs">Values chosen for the outputs the action asks (see the task's <c>myTurn.asks</c>), by name.</param>
    public sealed record ActionBody(string Action, string? Comment, IReadOnlyDictionary<string, System.Text.Json.JsonElement>? Outputs = null);

    public static void MapTaskEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/tasks").WithTags("Tasks");
        group.MapGet("/inbox", (IMediator m, CancellationToken ct) => m.Send(new GetInbox(), ct));
        group.MapPost("/{taskId:guid}/actions", (IMediator m, HttpRequest request, Guid taskId, ActionBody body, CancellationToken ct) =>
            m.Send(new ActOnTask(taskId, body.Action, body.Comment, request.IdempotencyKey()) { Outputs = body.Outputs }, ct));
        group.MapPost("/{taskId:guid}/reassignment", async (IMediator m, Guid taskId, NominationEndpoints.ReassignBody body, CancellationToken ct) =>
            NominationEndpoints.Repaired(await m.Send(new Features.Repairs.ReassignTask(taskId, body.NewUserId, body.Reason, body.Apply), ct)));
    }
}
