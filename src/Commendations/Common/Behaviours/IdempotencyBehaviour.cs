using System.Text.Json;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Domain.Idempotency;
using Commendations.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Common.Behaviours;

/// <summary>
/// Runs inside the command's transaction. The same user's requests with the same key are serialised by an advisory
/// lock, so a repeat — even one sent while the first is still running — finds the stored result and returns it.
/// </summary>
public sealed class IdempotencyBehaviour<TRequest, TResponse>(CommendationsDbContext db, ICurrentUser user, TimeProvider clock)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not IIdempotentCommand { IdempotencyKey: { Length: > 0 } key })
            return await next();
        if (key.Length > 100)
            throw new InputException("idempotencyKey", "An idempotency key has at most 100 characters.");

        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock(hashtextextended({user.UserId + "/" + key}, 0))", cancellationToken);
        var requestType = typeof(TRequest).Name;
        var stored = await db.IdempotencyRecords.AsNoTracking()
            .SingleOrDefaultAsync(r => r.UserId == user.UserId && r.Key == key, cancellationToken);
        if (stored is not null)
        {
            if (stored.RequestType != requestType)
                throw new ConflictException("idempotency-key-reused", "This idempotency key was already used for a different request.");
            return JsonSerializer.Deserialize<TResponse>(stored.Response)!;
        }

        var response = await next();
        db.IdempotencyRecords.Add(new IdempotencyRecord(user.UserId, key, requestType, JsonSerializer.Serialize(response), clock.GetUtcNow()));
        return response;
    }
}
