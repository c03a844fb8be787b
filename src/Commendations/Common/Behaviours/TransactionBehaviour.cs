using Commendations.Common.Errors;
using Commendations.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Commendations.Common.Behaviours;

/// <summary>
/// Every command runs in one transaction: all of its changes (state, tasks, audit, outbox) commit together or not at all.
/// Concurrency and uniqueness clashes become 409s instead of 500s.
/// </summary>
public sealed class TransactionBehaviour<TRequest, TResponse>(CommendationsDbContext db)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not ICommand<TResponse> || db.Database.CurrentTransaction is not null)
            return await next();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The command commits or fails whole, so savepoints around each SaveChanges would only add round trips.
        db.Database.AutoSavepointsEnabled = false;
        try
        {
            var response = await next();
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return response;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw new ConflictException("concurrent-change", "Someone else changed this record at the same time; reload it and try again.");
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg)
        {
            db.ChangeTracker.Clear();
            throw new ConflictException("duplicate", $"A record with the same unique value already exists ({pg.ConstraintName}).");
        }
    }
}
