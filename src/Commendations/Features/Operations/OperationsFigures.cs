using Commendations.Common.Telemetry;
using Commendations.Domain.Workflows;
using Commendations.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Operations;

/// <param name="OutboxLag">How long the oldest unprocessed outbox message has waited (zero when none waits).</param>
/// <param name="RemindersDue">Reminders, escalation levels and due times whose instant has come and that no sweep has taken yet.</param>
/// <param name="ReminderLag">How long the oldest of those has waited (zero when none).</param>
/// <param name="SignInFailuresLast24Hours">On this node only, since it started (<see cref="SignInFailures"/>).</param>
public sealed record OperationsSnapshot(
    DateTimeOffset At,
    int OpenTasks,
    int OverdueTasks,
    int OutboxPending,
    TimeSpan OutboxLag,
    int RemindersDue,
    TimeSpan ReminderLag,
    int JobFailuresLast24Hours,
    int OpenIncidents,
    long SignInFailuresLast24Hours);

/// <summary>
/// The one place the operations figures are computed, for the Prometheus gauges (through <see cref="OperationsFiguresCache"/>)
/// and the administrators' operations page alike. Each figure is a count or a minimum on an indexed column or a filtered index
/// (open tasks, pending outbox rows, open incidents): a few milliseconds, read at most every 30 seconds for the gauges.
/// </summary>
public sealed class OperationsFigures(CommendationsDbContext db, TimeProvider clock, SignInFailures signInFailures)
{
    public async Task<OperationsSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var openTasks = db.Tasks.AsNoTracking().Where(t => t.Status == WorkflowTaskStatus.Open);
        var open = await openTasks.CountAsync(cancellationToken);
        var overdue = await openTasks.CountAsync(t => t.DueAt < now, cancellationToken);

        var pendingOutbox = db.Outbox.AsNoTracking().Where(m => m.ProcessedAt == null);
        var outboxPending = await pendingOutbox.CountAsync(cancellationToken);
        var oldestOutbox = await pendingOutbox.MinAsync(m => (DateTimeOffset?)m.CreatedAt, cancellationToken);

        var reminders = db.TaskReminders.AsNoTracking().Where(r => r.RemindAt <= now);
        var escalations = db.TaskEscalations.AsNoTracking().Where(e => e.EscalateAt <= now);
        var deadlines = openTasks.Where(t => t.DeadlinePassedAt == null && t.DueAt <= now);
        var due = await reminders.CountAsync(cancellationToken) + await escalations.CountAsync(cancellationToken)
            + await deadlines.CountAsync(cancellationToken);
        DateTimeOffset?[] oldestDue =
        [
            await reminders.MinAsync(r => (DateTimeOffset?)r.RemindAt, cancellationToken),
            await escalations.MinAsync(e => (DateTimeOffset?)e.EscalateAt, cancellationToken),
            await deadlines.MinAsync(t => (DateTimeOffset?)t.DueAt, cancellationToken),
        ];

        var since = now - TimeSpan.FromHours(24);
        var jobFailures = await db.JobFailures.AsNoTracking().CountAsync(f => f.FailedAt >= since, cancellationToken);
        var incidents = await db.Incidents.AsNoTracking().CountAsync(i => i.ResolvedAt == null, cancellationToken);

        return new OperationsSnapshot(now, open, overdue, outboxPending, Age(oldestOutbox, now), due,
            Age(oldestDue.Where(d => d is not null).Min(), now), jobFailures, incidents, signInFailures.InLast24Hours());
    }

    private static TimeSpan Age(DateTimeOffset? since, DateTimeOffset now) =>
        since is { } at && at < now ? now - at : TimeSpan.Zero;
}
