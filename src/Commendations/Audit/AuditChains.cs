using System.Runtime.CompilerServices;
using Commendations.Domain.Audit;
using Commendations.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Audit;

/// <summary>One stream's chain as found: its head (if any), how many entries, and what is wrong with the entries and
/// with how they end against the head. The head's seal is judged by the caller.</summary>
public sealed record AuditChain(string Stream, AuditStream? Head, long Entries, IReadOnlyList<AuditProblem> Problems);

/// <summary>Walks every chain in (stream, sequence) order, one streamed read, and checks it against its head.</summary>
public static class AuditChains
{
    public static async IAsyncEnumerable<AuditChain> WalkAsync(CommendationsDbContext db, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var heads = await db.AuditStreams.AsNoTracking().ToDictionaryAsync(s => s.Name, cancellationToken);
        // The order the unique (stream, sequence) index already holds: a plain index scan, however many entries.
        var entries = db.AuditEntries.AsNoTracking().OrderBy(e => e.Stream).ThenBy(e => e.Sequence).AsAsyncEnumerable();
        Walk? walk = null;
        await foreach (var entry in entries.WithCancellation(cancellationToken))
        {
            if (walk?.Stream != entry.Stream)
            {
                if (walk is not null)
                    yield return walk.End(heads);
                walk = new Walk(entry.Stream);
            }
            walk.Add(entry);
        }
        if (walk is not null)
            yield return walk.End(heads);
        foreach (var head in heads.Values.OrderBy(h => h.Name, StringComparer.Ordinal))
            yield return new AuditChain(head.Name, head, 0, [AuditProblem.EntriesMissing(head.Name)]);
    }

    private sealed class Walk(string stream)
    {
        private readonly List<AuditProblem> _problems = [];
        private long _entries;
        private long _last;
        private string _lastHash = "";

        public string Stream => stream;

        public void Add(AuditEntry entry)
        {
            _entries++;
            var expected = _last + 1;
            if (entry.Sequence < expected)
                _problems.Add(AuditProblem.Repeated(stream, entry.Sequence));
            else if (entry.Sequence > expected)
                _problems.Add(AuditProblem.Deleted(stream, expected, entry.Sequence - 1));
            if (AuditHash.Compute(entry) != entry.Hash)
                _problems.Add(AuditProblem.Edited(stream, entry.Sequence));
            // After a gap the link is broken by the deletion already reported.
            else if (entry.Sequence <= expected && entry.PreviousHash != _lastHash)
                _problems.Add(AuditProblem.Unlinked(stream, entry.Sequence));
            _last = entry.Sequence;
            _lastHash = entry.Hash;
        }

        /// <summary>Checks the chain's end against the head, and takes the head out of those still unvisited.</summary>
        public AuditChain End(Dictionary<string, AuditStream> heads)
        {
            if (!heads.Remove(stream, out var head))
                _problems.Add(AuditProblem.HeadMissing(stream));
            else if (_last < head.LastSequence)
                _problems.Add(AuditProblem.TruncatedTail(stream, _last, head.LastSequence));
            else if (_last > head.LastSequence)
                _problems.Add(AuditProblem.BeyondHead(stream, head.LastSequence, _last));
            else if (_lastHash != head.LastHash)
                _problems.Add(AuditProblem.ReplacedTail(stream, _last));
            return new AuditChain(stream, head, _entries, _problems);
        }
    }
}
