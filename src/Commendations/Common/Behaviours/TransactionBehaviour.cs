using Commendations.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Common.Behaviours;

/// <summary>
/// Every command runs in one transaction: all of its changes (state, tasks, audit, outbox) commit together or not at all.
/// What PostgreSQL refuses (concurrent changes, values taken) becomes a documented refusal (<see cref="DatabaseRefusals"/>).
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
        catch (Exception ex) when (DatabaseRefusals.Refusal(ex) is { } refusal)
        {
            db.ChangeTracker.Clear();
            throw refusal;
        }
    }
}
