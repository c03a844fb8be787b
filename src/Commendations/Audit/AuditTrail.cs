using System.Text.Json;
using Commendations.Common.Security;
using Commendations.Domain.Audit;
using Commendations.Persistence;

namespace Commendations.Audit;

/// <summary>Appends audit entries in the current transaction, extending the stream's hash chain.</summary>
public sealed class AuditTrail(CommendationsDbContext db, ICurrentUser user, TimeProvider clock, AuditHeadSeal seal)
{
    public static string NominationStream(Guid nominationId) => $"nomination:{nominationId}";

    /// <summary>
    /// The head of a stream named after an id made just now (a new nomination's): no entry can exist yet, so the head
    /// starts here instead of being looked for in the database, and the next <see cref="RecordAsync"/> finds it tracked.
    /// </summary>
    public void BeginStream(string stream) => db.AuditStreams.Add(new AuditStream(stream));

    public async Task RecordAsync(string stream, string action, string? stepKey = null, string? comment = null,
        object? data = null, CancellationToken cancellationToken = default)
    {
        // Find looks in the change tracker first (a head added or loaded earlier in this transaction), then the database.
        var head = await db.AuditStreams.FindAsync([stream], cancellationToken);
        if (head is null)
        {
            head = new AuditStream(stream);
            db.AuditStreams.Add(head);
        }
        var entry = new AuditEntry(stream, head.LastSequence + 1, clock.GetUtcNow(), user.UserId, user.DisplayName,
            user.IpAddress, action, stepKey, comment, data is null ? "{}" : JsonSerializer.Serialize(data), head.LastHash);
        db.AuditEntries.Add(entry);
        // Two HMACs in memory (check the head, seal it again), the seal saved in the same UPDATE: no extra round trip.
        head.Advance(entry, seal);
    }
}
