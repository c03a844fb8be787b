using Commendations.Audit;
using Commendations.Domain.Audit;
using Commendations.Persistence;
using Commendations.Testing;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Tests.Audit;

/// <summary>
/// What someone with write access to the database, but not the application's key, can do to a nomination's chain:
/// edit, delete, insert rows, recompute SHA-256 hashes (the algorithm is public) and rewrite the stream's head.
/// </summary>
public sealed class AuditTampering(LifecycleHarness app, Guid nominationId)
{
    public string Stream { get; } = AuditTrail.NominationStream(nominationId);

    public async Task<List<AuditEntry>> EntriesAsync()
    {
        await using var db = app.CreateDbContext();
        return await db.AuditEntries.AsNoTracking().Where(e => e.Stream == Stream).OrderBy(e => e.Sequence).ToListAsync();
    }

    public Task EditCommentAsync(long sequence) =>
        Sql("UPDATE audit_entries SET comment = 'Đã sửa' WHERE stream = {0} AND sequence = {1}", Stream, sequence);

    public Task DeleteAsync(long sequence) => Sql("DELETE FROM audit_entries WHERE stream = {0} AND sequence = {1}", Stream, sequence);

    /// <summary>Points the head at the chain's current last entry, as the application would have.</summary>
    public async Task RewriteHeadToChainEndAsync()
    {
        var last = (await EntriesAsync())[^1];
        await Sql("UPDATE audit_streams SET last_sequence = {1}, last_hash = {2} WHERE name = {0}", Stream, last.Sequence, last.Hash);
    }

    public Task CopySealFromAsync(string otherStream) =>
        Sql("UPDATE audit_streams SET seal = (SELECT seal FROM audit_streams WHERE name = {1}) WHERE name = {0}", Stream, otherStream);

    /// <summary>As a head written before heads were sealed looks.</summary>
    public Task RemoveSealAsync() => Sql("UPDATE audit_streams SET seal = NULL WHERE name = {0}", Stream);

    /// <summary>Inserts a forged entry at <paramref name="sequence"/>, moving the later ones up; with <paramref name="rehash"/>
    /// every later entry is re-linked and re-hashed, so the chain itself is flawless.</summary>
    public async Task InsertAsync(long sequence, bool rehash)
    {
        var entries = await EntriesAsync();
        await Sql("UPDATE audit_entries SET sequence = -sequence - 1 WHERE stream = {0} AND sequence >= {1}", Stream, sequence);
        await Sql("UPDATE audit_entries SET sequence = -sequence WHERE stream = {0} AND sequence < 0", Stream);
        var previousHash = sequence == 1 ? "" : entries[(int)sequence - 2].Hash;
        var forged = Forge(entries[0], sequence, "nomination.approved", "Đã duyệt (giả mạo).", previousHash);
        await Sql("""
            INSERT INTO audit_entries (stream, sequence, at, actor_id, actor_name, ip_address, action, step_key, comment, data, previous_hash, hash)
            VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}, {9}, {10}, {11})
            """, forged.Stream, forged.Sequence, forged.At, forged.ActorId, forged.ActorName, forged.IpAddress ?? "", forged.Action,
            forged.StepKey ?? "", forged.Comment!, forged.Data, forged.PreviousHash, forged.Hash);
        if (!rehash)
            return;
        previousHash = forged.Hash;
        foreach (var moved in entries.Where(e => e.Sequence >= sequence))
        {
            var again = Forge(moved, moved.Sequence + 1, moved.Action, moved.Comment, previousHash);
            await Sql("UPDATE audit_entries SET previous_hash = {2}, hash = {3} WHERE stream = {0} AND sequence = {1}",
                Stream, again.Sequence, again.PreviousHash, again.Hash);
            previousHash = again.Hash;
        }
    }

    private static AuditEntry Forge(AuditEntry like, long sequence, string action, string? comment, string previousHash) =>
        new(like.Stream, sequence, like.At, like.ActorId, like.ActorName, like.IpAddress ?? "", action, like.StepKey ?? "", comment,
            like.Data, previousHash);

    private async Task Sql(string sql, params object[] args)
    {
        await using var db = app.CreateDbContext();
        await db.Database.ExecuteSqlRawAsync(sql, args);
    }
}
