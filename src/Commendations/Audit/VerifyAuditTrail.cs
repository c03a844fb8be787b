using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Domain.Audit;
using Commendations.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Audit;

/// <summary>Recomputes every chain: an edited entry breaks its hash, a removed or inserted one breaks the sequence or the head.</summary>
[Allowed(Roles.Administrator)]
public sealed record VerifyAuditTrail : IQuery<AuditVerification>;

public sealed record AuditVerification(bool Intact, int Streams, long Entries, IReadOnlyList<string> Problems);

public sealed class VerifyAuditTrailHandler(CommendationsDbContext db) : IRequestHandler<VerifyAuditTrail, AuditVerification>
{
    public async Task<AuditVerification> Handle(VerifyAuditTrail request, CancellationToken cancellationToken)
    {

        var problems = new List<string>();
        var seen = new HashSet<string>();
        var heads = await db.AuditStreams.AsNoTracking().ToDictionaryAsync(s => s.Name, cancellationToken);
        var entries = db.AuditEntries.AsNoTracking().OrderBy(e => e.Stream).ThenBy(e => e.Sequence).AsAsyncEnumerable();
        long count = 0;
        string? stream = null;
        long expectedSequence = 0;
        var previousHash = "";
        await foreach (var entry in entries.WithCancellation(cancellationToken))
        {
            count++;
            if (entry.Stream != stream)
            {
                CheckHead(stream, expectedSequence, previousHash);
                stream = entry.Stream;
                expectedSequence = 0;
                previousHash = "";
            }
            expectedSequence++;
            if (entry.Sequence != expectedSequence)
                problems.Add($"{entry.Stream}: entry {expectedSequence} is missing (found {entry.Sequence}).");
            if (entry.PreviousHash != previousHash)
                problems.Add($"{entry.Stream} #{entry.Sequence}: does not link to the previous entry.");
            if (AuditHash.Compute(entry) != entry.Hash)
                problems.Add($"{entry.Stream} #{entry.Sequence}: content does not match its hash (edited).");
            expectedSequence = entry.Sequence;
            previousHash = entry.Hash;
        }
        CheckHead(stream, expectedSequence, previousHash);
        foreach (var orphan in heads.Keys.Except(seen))
            problems.Add($"{orphan}: the stream has a head but no entries (deleted).");
        return new AuditVerification(problems.Count == 0, heads.Count, count, problems);

        void CheckHead(string? name, long lastSequence, string lastHash)
        {
            if (name is null)
                return;
            seen.Add(name);
            if (!heads.TryGetValue(name, out var head))
                problems.Add($"{name}: entries without a stream head.");
            else if (head.LastSequence != lastSequence || head.LastHash != lastHash)
                problems.Add($"{name}: the chain ends at #{lastSequence} but the head says #{head.LastSequence} (entries deleted or added).");
        }
    }
}
