using Commendations.Audit;
using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Common.Text;
using Commendations.Features.Admin;
using Commendations.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Repairs;

/// <summary>
/// A repair: an administrator asks for a failing automatic step (an outbox message: a deadline, a notification, a wait)
/// to be tried again now instead of at the end of its back-off — e.g. after fixing what made it fail. Every node sees
/// it (the next attempt time is in the row); the attempt is recorded as any other, and the request in the audit trail.
/// </summary>
[Allowed(Roles.Administrator)]
public sealed record RetryOutboxMessage(long MessageId) : ICommand<OutboxRetry>;

public sealed record OutboxRetry(long MessageId, int Attempts);

public sealed class RetryOutboxMessageHandler(CommendationsDbContext db, AuditTrail audit) : IRequestHandler<RetryOutboxMessage, OutboxRetry>
{
    public const string AuditAction = "repair.outbox-retry";

    public async Task<OutboxRetry> Handle(RetryOutboxMessage request, CancellationToken cancellationToken)
    {
        var message = await db.Outbox.AsNoTracking().SingleOrDefaultAsync(m => m.Id == request.MessageId, cancellationToken)
                      ?? throw new NotFoundException(new Message("xử lý tự động"));
        if (message.ProcessedAt is not null)
            throw new ConflictException("already-applied", new Message("Xử lý tự động này đã thực hiện xong; không cần thử lại."));
        await db.Outbox.Where(m => m.Id == message.Id).ExecuteUpdateAsync(u => u.SetProperty(m => m.NextAttemptAt, (DateTimeOffset?)null), cancellationToken);
        await audit.RecordAsync(AdminAccess.RepairsStream, AuditAction, data: new { message.Id, message.Kind, message.Attempts }, cancellationToken: cancellationToken);
        return new OutboxRetry(message.Id, message.Attempts);
    }
}
