using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Common.Text;
using Commendations.Domain.Idempotency;
using Commendations.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Common.Behaviours;

/// <summary>
/// Runs inside the command's transaction. The same user's requests with the same key are serialised by an advisory
/// lock, so a repeat — even one sent while the first is still running — finds the stored result and returns it.
/// A key answers only the request it was first sent with (same use case, same route values and body): the same key on
/// another request is refused with 422, never answered with the first request's result.
/// </summary>
public sealed class IdempotencyBehaviour<TRequest, TResponse>(CommendationsDbContext db, ICurrentUser user, TimeProvider clock)
    : IPipelineBehavior<TRequest, TResponse>
{
    public const int MaxKeyLength = 100;

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not IIdempotentCommand { IdempotencyKey: { Length: > 0 } key })
            return await next();
        if (key.Length > MaxKeyLength || key.Any(c => c < ' ' || c > '~'))
            throw new InputException("idempotencyKey", new Message("Khóa Idempotency-Key gồm tối đa {0} ký tự ASCII in được.", MaxKeyLength));

        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock(hashtextextended({user.UserId + "/" + key}, 0))", cancellationToken);
        var requestType = typeof(TRequest).Name;
        var fingerprint = Fingerprint(request);
        var stored = await db.IdempotencyRecords.AsNoTracking()
            .SingleOrDefaultAsync(r => r.UserId == user.UserId && r.Key == key, cancellationToken);
        if (stored is not null)
        {
            if (stored.RequestType != requestType || !CryptographicOperations.FixedTimeEquals(stored.RequestFingerprint, fingerprint))
                throw new UnprocessableException("idempotency-key-reused",
                    new Message("Khóa Idempotency-Key này đã được dùng cho một yêu cầu khác; mỗi yêu cầu cần một khóa riêng."));
            return JsonSerializer.Deserialize<TResponse>(stored.Response)!;
        }

        var response = await next();
        db.IdempotencyRecords.Add(new IdempotencyRecord(user.UserId, key, requestType, fingerprint, JsonSerializer.Serialize(response), clock.GetUtcNow()));
        return response;
    }

    /// <summary>The use case and everything it was sent with (ids from the route, the body's fields), as JSON, hashed.</summary>
    internal static byte[] Fingerprint(TRequest request) =>
        SHA256.HashData(Encoding.UTF8.GetBytes(typeof(TRequest).FullName + "\n" + JsonSerializer.Serialize(request)));
}
