using System.Text.Json;

namespace Commendations.Features.Repairs;

/// <summary>
/// A repair command (end a wait early, reassign a task, move to another step, cancel): previewed without <see cref="Apply"/>;
/// applied with it — at once, or, when a second administrator must approve (<see cref="RepairOptions"/>), as a request that
/// the approval carries out (<see cref="RepairApprovalBehaviour{TRequest,TResponse}"/>).
/// </summary>
public interface IRepair
{
    bool Apply { get; }

    /// <summary>Set when a second administrator's approval carries the repair out: the request approved.</summary>
    Guid? ApprovedRequestId { get; }

    /// <summary>The written reason the first administrator gave.</summary>
    string? Reason { get; }
}

/// <summary>A repair's result; <see cref="AwaitingApproval"/> when it was recorded as a request instead of carried out.</summary>
public interface IRepairOutcome
{
    /// <summary>The nomination repaired (its audit stream records the request and the approval).</summary>
    Guid NominationId { get; }

    Guid? AwaitingApproval { get; }

    IRepairOutcome Pending(Guid requestId);
}

/// <summary>Settings section <c>Repairs</c>.</summary>
public sealed class RepairOptions
{
    /// <summary>
    /// When true, a repair that changes a route's course (end a wait, reassign, move, cancel) is carried out only after a
    /// second administrator approves it. Retrying a failed automatic step is not among them: it repeats what the route
    /// already decided.
    /// </summary>
    public bool RequireSecondApproval { get; set; }
}

/// <summary>The repair commands a request may hold, by the name stored with it.</summary>
public static class RepairKinds
{
    private static readonly Dictionary<string, Type> Types = new[] { typeof(EndWaitEarly), typeof(ReassignTask), typeof(MoveInstance), typeof(CancelInstance) }
        .ToDictionary(t => t.Name, StringComparer.Ordinal);

    public static string Of(IRepair repair) => repair.GetType().Name;

    /// <summary>The stored command, with the approved request's id so that the approval goes through.</summary>
    public static IRepair Read(string kind, string json, Guid requestId)
    {
        var type = Types.GetValueOrDefault(kind) ?? throw new InvalidOperationException($"Unknown repair kind '{kind}'.");
        var command = (IRepair)(JsonSerializer.Deserialize(json, type) ?? throw new InvalidOperationException("Empty repair command."));
        return command switch
        {
            EndWaitEarly c => c with { ApprovedRequestId = requestId },
            ReassignTask c => c with { ApprovedRequestId = requestId },
            MoveInstance c => c with { ApprovedRequestId = requestId },
            CancelInstance c => c with { ApprovedRequestId = requestId },
            _ => throw new InvalidOperationException($"Unknown repair kind '{kind}'."),
        };
    }

    /// <summary>Sends a stored repair through the pipeline (MediatR 5 has no untyped Send).</summary>
    public static async Task SendAsync(MediatR.IMediator mediator, IRepair repair, CancellationToken cancellationToken)
    {
        switch (repair)
        {
            case EndWaitEarly c: await mediator.Send(c, cancellationToken); break;
            case ReassignTask c: await mediator.Send(c, cancellationToken); break;
            case MoveInstance c: await mediator.Send(c, cancellationToken); break;
            case CancelInstance c: await mediator.Send(c, cancellationToken); break;
            default: throw new InvalidOperationException($"Unknown repair '{repair.GetType().Name}'.");
        }
    }

    public static string Write(IRepair repair) => JsonSerializer.Serialize(repair, repair.GetType());
}
