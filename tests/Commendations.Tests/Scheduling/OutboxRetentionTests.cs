using Commendations.Domain.Outbox;
using Commendations.Scheduling;
using Commendations.Testing;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Tests.Scheduling;

/// <summary>
/// Processed outbox messages older than the retention are deleted, in batches, and nothing else: a message processed
/// recently stays, and a message never processed (pending, or failing and listed as an incident) stays however old it is.
/// </summary>
public class OutboxRetentionTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Only_messages_processed_before_the_cutoff_are_deleted_more_than_one_batch_of_them()
    {
        var now = new DateTimeOffset(2026, 12, 5, 10, 0, 0, TimeSpan.Zero);
        var cutoff = now.AddDays(-30);
        await using var db = database.CreateDbContext();
        var pendingOld = new OutboxMessage("test.pending", "{}", now.AddDays(-90));
        var failingOld = new OutboxMessage("test.failing", "{}", now.AddDays(-60));
        var processedRecently = new OutboxMessage("test.recent", "{}", now.AddDays(-29));
        var processedJustBefore = new OutboxMessage("test.old", "{}", now.AddDays(-31));
        db.Outbox.AddRange(pendingOld, failingOld, processedRecently, processedJustBefore);
        await db.SaveChangesAsync();
        await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE outbox_messages SET attempts = 7, last_error = 'SMTP down' WHERE id = {failingOld.Id}");
        await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE outbox_messages SET processed_at = {now.AddDays(-1)} WHERE id = {processedRecently.Id}");
        await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE outbox_messages SET processed_at = {cutoff.AddSeconds(-1)} WHERE id = {processedJustBefore.Id}");
        // More old processed messages than one statement deletes.
        var many = OutboxRetention.BatchSize + 10;
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO outbox_messages (kind, payload, created_at, processed_at, attempts) SELECT 'test.bulk', '{{}}', {now.AddDays(-45)}, {now.AddDays(-44)}, 0 FROM generate_series(1, {many})");

        var deleted = await OutboxRetention.PruneAsync(db, cutoff, CancellationToken.None);

        deleted.Should().Be(many + 1);
        var left = await db.Outbox.AsNoTracking().Where(m => m.Kind.StartsWith("test.")).Select(m => m.Kind).ToListAsync();
        left.Should().BeEquivalentTo(["test.pending", "test.failing", "test.recent"]);
        (await OutboxRetention.PruneAsync(db, cutoff, CancellationToken.None)).Should().Be(0, "pruning again finds nothing");
    }
}
