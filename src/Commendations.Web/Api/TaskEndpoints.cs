using Commendations.Features.Nominations;
using Commendations.Features.Tasks;
using MediatR;

namespace Commendations.Web.Api;

public static class TaskEndpoints
{
    /// <param name="Outputs">Values chosen for the outputs the action asks (see the task's <c>myTurn.asks</c>), by name.</param>
    public sealed record ActionBody(string Action, string? Comment, IReadOnlyDictionary<string, System.Text.Json.JsonElement>? Outputs = null);

    public sealed record ReleaseBody(string? Reason = null);

    public sealed record FollowUpBody(DateOnly? On);

    /// <param name="Meaning">What the action does (e.g. <c>approve</c>); each task's step names its own action for it.</param>
    public sealed record BulkBody(IReadOnlyList<Guid> TaskIds, Engine.ActionMeaning Meaning, string? Comment);

    public static void MapTaskEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/tasks").WithTags("Tasks");
        group.MapGet("/inbox", (IMediator m, CancellationToken ct) => m.Send(new GetInbox(), ct))
            .WithSummary("What waits for the caller: turns, votes, follow-ups");
        group.MapGet("/", (IMediator m, Guid? campaignId, string? step, DateOnly? dueFrom, DateOnly? dueTo, bool? overdueOnly, TaskKind? kind,
                Guid? unitId, string? search, DateOnly? followUpBy, bool? claimedByMe, TaskSort? sort, int? page, int? pageSize, CancellationToken ct) =>
            m.Send(new ListMyTasks(campaignId, step, dueFrom, dueTo, overdueOnly ?? false, kind, unitId, search, followUpBy, claimedByMe ?? false,
                sort ?? TaskSort.Due, page ?? 1, pageSize ?? 20), ct))
            .WithSummary("The caller's tasks, filtered, sorted and paged");
        // Without route type constraints: a caller without the role is refused (403) before the id is read (the authorisation matrix).
        group.MapPost("/{taskId}/claim", (IMediator m, Guid taskId, CancellationToken ct) => m.Send(new ClaimTask(taskId), ct))
            .WithSummary("Claim a task shared by a role or committee");
        group.MapPost("/{taskId}/release", (IMediator m, Guid taskId, ReleaseBody? body, CancellationToken ct) =>
            m.Send(new ReleaseTask(taskId, body?.Reason), ct))
            .WithSummary("Release a claimed task back to its pool");
        group.MapPut("/{taskId}/follow-up", (IMediator m, Guid taskId, FollowUpBody body, CancellationToken ct) =>
            m.Send(new SetFollowUp(taskId, body.On), ct))
            .WithSummary("Set or clear the day the caller wants to follow a task up");
        group.MapPost("/bulk-actions", (IMediator m, BulkBody body, CancellationToken ct) =>
            m.Send(new BulkActOnTasks(body.TaskIds, body.Meaning, body.Comment), ct))
            .WithSummary("Act on many tasks at once with one meaning and comment");
        group.MapPost("/{taskId:guid}/actions", (IMediator m, HttpRequest request, Guid taskId, ActionBody body, CancellationToken ct) =>
            m.Send(new ActOnTask(taskId, body.Action, body.Comment, request.IdempotencyKey()) { Outputs = body.Outputs }, ct))
            .WithSummary("Act on a task: one of the actions its step offers now");
        group.MapPost("/{taskId:guid}/reassignment", async (IMediator m, Guid taskId, NominationEndpoints.ReassignBody body, CancellationToken ct) =>
            NominationEndpoints.Repaired(await m.Send(new Features.Repairs.ReassignTask(taskId, body.NewUserId, body.Reason, body.Apply), ct)))
            .WithSummary("Give a task to another person, with a reason; preview unless apply");
    }
}
