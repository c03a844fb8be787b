using System.Text.Json;
using Commendations.Audit;
using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Common.Text;
using Commendations.Domain.Outbox;
using Commendations.Features.Admin;
using Commendations.Persistence;
using Commendations.Workflow;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Repairs;

/// <summary>
/// A repair: an administrator runs a failed scheduled job again (a deadline, a wait's end) — e.g. after fixing what made
/// it fail. The run is scheduled through the outbox in this transaction, so it happens once the request is recorded; the
/// job's own command checks again that there is still something to do. Failing again records a new failure (a new
/// incident). Not held for a second administrator: it repeats what the route already decided.
/// </summary>
[Allowed(Roles.Administrator)]
public sealed record RetryFailedJob(Guid FailureId) : ICommand<FailedJobRetry>;

public sealed record FailedJobRetry(Guid FailureId, Guid? NominationId);

public sealed class RetryFailedJobHandler(CommendationsDbContext db, AuditTrail audit, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<RetryFailedJob, FailedJobRetry>
{
    public const string AuditAction = "repair.job-retry";

    public async Task<FailedJobRetry> Handle(RetryFailedJob request, CancellationToken cancellationToken)
    {
        var failure = await db.JobFailures.SingleOrDefaultAsync(f => f.Id == request.FailureId, cancellationToken)
                      ?? throw new NotFoundException(Things.JobFailure);
        if (failure.RetriedAt is not null)
            throw new ConflictException("already-retried", new Message("Việc tự động này đã được yêu cầu chạy lại lúc {0}.", failure.RetriedAt.Value));
        var now = clock.GetUtcNow();
        failure.Retried(user.UserId, now);
        db.Outbox.Add(new OutboxMessage(OutboxKinds.JobRetry, JsonSerializer.Serialize(failure.Id), now));
        var stream = failure.NominationId is { } nominationId ? AuditTrail.NominationStream(nominationId) : AdminAccess.RepairsStream;
        await audit.RecordAsync(stream, AuditAction, data: new { failure = failure.Id, job = failure.JobName, failedAt = failure.FailedAt },
            cancellationToken: cancellationToken);
        return new FailedJobRetry(failure.Id, failure.NominationId);
    }
}
