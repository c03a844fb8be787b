namespace Commendations.Workflow;

/// <summary>
/// Kinds of outbox message written from engine effects; the dispatcher (Quartz) consumes them. Deadlines and waits are not
/// messages: they are rows of the transition's own transaction (<see cref="Scheduling.DeadlineRows"/>, <see cref="Scheduling.WaitRows"/>).
/// </summary>
public static class OutboxKinds
{
    /// <summary>Written before waits became rows: an installation upgraded with such messages unsent still applies them.</summary>
    public const string WaitScheduled = "wait.scheduled";
    public const string NotificationRequested = "notification.requested";

    /// <summary>What a transition handed over (<see cref="HandOver"/>): the dispatcher tells whoever it concerns.</summary>
    public const string HandOver = "notification.handover";

    /// <summary>An administrator runs a failed job again (<see cref="Domain.Incidents.JobFailure"/>; the payload is its id).</summary>
    public const string JobRetry = "job.retry";
}

/// <summary>The payload of a workflow outbox message: which instance, and the engine effect itself.</summary>
public sealed record WorkflowOutboxPayload(Guid InstanceId, Guid NominationId, string EffectJson);
