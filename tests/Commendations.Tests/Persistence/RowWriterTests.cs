using Commendations.Domain.Notifications;
using Commendations.Domain.Outbox;
using Commendations.Domain.Units;
using Commendations.Domain.Workflows;
using Commendations.Persistence;
using Commendations.Seeding;
using Commendations.Testing;
using Commendations.Tests.Features.Nominations;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Commendations.Tests.Persistence;

/// <summary>
/// The workflow's rows saved as one prepared batch (<see cref="RowWriter"/>) must come back exactly as EF Core would have
/// written them, and every guarantee of EF Core's SaveChanges must hold: row versions checked, only changed columns
/// written, a refusal changes nothing, anything else left to EF Core.
/// </summary>
public class RowWriterTests(LifecycleHarness app) : IClassFixture<LifecycleHarness>
{
    private readonly NominationSteps _steps = new(app);
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 9, 30, 0, TimeSpan.FromHours(7));

    [Fact]
    public async Task An_approvals_kinds_of_rows_are_written_in_one_batch_and_read_back_as_they_were_saved()
    {
        var nominationId = await _steps.DraftCollectiveAsync();
        await using var db = app.CreateDbContext();
        var nomination = await db.Nominations.SingleAsync(n => n.Id == nominationId);
        var instance = await db.WorkflowInstances.SingleAsync(i => i.NominationId == nominationId);
        var task = await db.Tasks.SingleAsync(t => t.InstanceId == instance.Id && t.Status == WorkflowTaskStatus.Open);
        var (taskVersion, instanceVersion) = (task.Version, instance.Version);

        task.Close("approve", app.UserId(DemoAccounts.OfficerTanHoa), Now);
        instance.Update("""{"note": "state with Vietnamese text: Ủy ban"}""", "review", completed: false, Now);
        var next = new WorkflowTask(instance.Id, nominationId, nomination.CampaignId, nomination.NomineeName, "row-writer-next", "review", 1,
            app.UserId(DemoAccounts.SteeringHead), null, null, 2, Now, Now.AddDays(3), [Now.AddDays(2), Now.AddDays(2).AddHours(4)], Now.AddDays(4));
        var reminder = new TaskReminder(instance.Id, next.TaskKey, nominationId, Now.AddDays(2), Now.AddDays(3));
        var message = new OutboxMessage("test.row-writer", """{"kind": "hand-over"}""", Now);
        db.AddRange(next, reminder, message);

        var written = await RowWriter.TryWriteAsync(db, CancellationToken.None);

        written.Should().Be(5, "two updates and three inserts, all of the workflow's own kinds");
        message.Id.Should().BePositive("the identity key is read back");
        task.Version.Should().NotBe(taskVersion, "the new row version is read back");
        instance.Version.Should().NotBe(instanceVersion);
        next.Version.Should().NotBe(0u);
        db.ChangeTracker.HasChanges().Should().BeFalse("saved entities are unchanged afterwards");

        await using var check = app.CreateDbContext();
        (await check.Tasks.AsNoTracking().SingleAsync(t => t.Id == task.Id)).Should().BeEquivalentTo(task);
        (await check.Tasks.AsNoTracking().SingleAsync(t => t.Id == next.Id)).Should().BeEquivalentTo(next);
        (await check.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == instance.Id)).Should().BeEquivalentTo(instance);
        (await check.TaskReminders.AsNoTracking().SingleAsync(r => r.InstanceId == instance.Id && r.TaskKey == next.TaskKey)).Should().BeEquivalentTo(reminder);
        (await check.Outbox.AsNoTracking().SingleAsync(m => m.Id == message.Id)).Should().BeEquivalentTo(message);

        // The versions read back are the rows' own: the same context saves again without a conflict.
        next.Close("approve", app.UserId(DemoAccounts.SteeringHead), Now.AddHours(1));
        (await RowWriter.TryWriteAsync(db, CancellationToken.None)).Should().Be(1);
        (await check.Tasks.AsNoTracking().SingleAsync(t => t.Id == next.Id)).Status.Should().Be(WorkflowTaskStatus.Closed);
    }

    [Fact]
    public async Task A_row_changed_since_it_was_read_refuses_the_whole_batch()
    {
        var nominationId = await _steps.DraftCollectiveAsync();
        await using var stale = app.CreateDbContext();
        var task = await stale.Tasks.SingleAsync(t => t.NominationId == nominationId && t.Status == WorkflowTaskStatus.Open);
        await using (var other = app.CreateDbContext())
        {
            (await other.Tasks.SingleAsync(t => t.Id == task.Id)).Reassign(app.UserId(DemoAccounts.SteeringHead));
            await other.SaveChangesAsync();
        }
        var message = new OutboxMessage("test.row-writer-stale", "{}", Now);
        stale.Outbox.Add(message);
        task.Close("approve", app.UserId(DemoAccounts.OfficerTanHoa), Now);

        var save = () => stale.SaveChangesAsync();

        var refused = (await save.Should().ThrowAsync<DbUpdateConcurrencyException>()).Which;
        DatabaseRefusals.Refusal(refused).Should().BeOfType<Commendations.Common.Errors.ConflictException>().Which.Code.Should().Be("concurrent-change");
        await using var check = app.CreateDbContext();
        (await check.Tasks.AsNoTracking().SingleAsync(t => t.Id == task.Id)).Status.Should().Be(WorkflowTaskStatus.Open, "nothing of the batch was saved");
        (await check.Outbox.AsNoTracking().AnyAsync(m => m.Kind == "test.row-writer-stale")).Should().BeFalse();
        stale.Entry(task).State.Should().Be(EntityState.Modified, "a refused save leaves the changes pending, as EF Core does");
        stale.Entry(message).State.Should().Be(EntityState.Added);
    }

    [Fact]
    public async Task Only_the_changed_columns_are_written_so_a_concurrent_change_to_another_column_stays()
    {
        var notification = new Notification(app.UserId(DemoAccounts.SteeringHead), "test", "Tiêu đề", "Nội dung", null, null,
            $"row-writer-{Guid.NewGuid()}", Now, "bcd.truongban@example.vn");
        await using (var db = app.CreateDbContext())
        {
            db.Notifications.Add(notification);
            (await RowWriter.TryWriteAsync(db, CancellationToken.None)).Should().Be(1);
        }
        await using var first = app.CreateDbContext();
        await using var second = app.CreateDbContext();
        var read = await first.Notifications.SingleAsync(n => n.Id == notification.Id);
        var mailed = await second.Notifications.SingleAsync(n => n.Id == notification.Id);

        read.MarkRead(Now.AddMinutes(5));
        (await RowWriter.TryWriteAsync(first, CancellationToken.None)).Should().Be(1);
        mailed.MarkEmailSent(Now.AddMinutes(6));
        (await RowWriter.TryWriteAsync(second, CancellationToken.None)).Should().Be(1);

        await using var check = app.CreateDbContext();
        var saved = await check.Notifications.AsNoTracking().SingleAsync(n => n.Id == notification.Id);
        saved.ReadAt.Should().Be(Now.AddMinutes(5), "the second save did not write the column it did not change");
        saved.EmailSentAt.Should().Be(Now.AddMinutes(6));
    }

    [Fact]
    public async Task A_value_taken_is_refused_as_PostgreSQL_refuses_it_and_nothing_is_saved()
    {
        var key = $"row-writer-{Guid.NewGuid()}";
        await using var db = app.CreateDbContext();
        db.Notifications.Add(new Notification(app.UserId(DemoAccounts.SteeringHead), "test", "Một", "Một", null, null, key, Now, null));
        db.Notifications.Add(new Notification(app.UserId(DemoAccounts.SteeringHead), "test", "Hai", "Hai", null, null, key, Now, null));

        var save = () => RowWriter.TryWriteAsync(db, CancellationToken.None);

        var refused = (await save.Should().ThrowAsync<DbUpdateException>()).Which;
        refused.InnerException.Should().BeOfType<PostgresException>().Which.SqlState.Should().Be(PostgresErrorCodes.UniqueViolation);
        DatabaseRefusals.Refusal(refused).Should().BeOfType<Commendations.Common.Errors.ConflictException>().Which.Code.Should().Be("concurrent-change");
        await using var check = app.CreateDbContext();
        (await check.Notifications.AsNoTracking().CountAsync(n => n.DedupeKey == key)).Should().Be(0);
    }

    [Fact]
    public async Task A_unit_of_work_with_anything_else_is_left_whole_to_EF_Core()
    {
        await using var db = app.CreateDbContext();
        var message = new OutboxMessage("test.row-writer-mixed", "{}", Now);
        var unit = new OrganisationUnit($"RW-{Guid.NewGuid():N}"[..20], "Đơn vị thử ghi hàng", UnitLevel.Commune);
        db.AddRange(message, unit);

        (await RowWriter.TryWriteAsync(db, CancellationToken.None)).Should().BeNull("units are reference data, saved by EF Core");
        db.Entry(message).State.Should().Be(EntityState.Added, "nothing was written");

        (await db.SaveChangesAsync()).Should().Be(2, "the context's SaveChanges saves both through EF Core");
        await using var check = app.CreateDbContext();
        (await check.Units.AsNoTracking().AnyAsync(u => u.Id == unit.Id)).Should().BeTrue();
        (await check.Outbox.AsNoTracking().AnyAsync(m => m.Id == message.Id)).Should().BeTrue();

        // In a caller's transaction with savepoints on, EF Core saves in a savepoint so a refusal leaves the transaction usable.
        await using (var transaction = await check.Database.BeginTransactionAsync())
        {
            check.Outbox.Add(new OutboxMessage("test.row-writer-savepoint", "{}", Now));
            (await RowWriter.TryWriteAsync(check, CancellationToken.None)).Should().BeNull("savepoints are EF Core's");
            check.Database.AutoSavepointsEnabled = false;
            (await RowWriter.TryWriteAsync(check, CancellationToken.None)).Should().Be(1, "a command's transaction turns them off and is written here");
            await transaction.RollbackAsync();
        }
        check.ChangeTracker.Clear();

        // There the context's SaveChanges is EF Core's, changes to tracked rows detected as ever (a changed column of a
        // loaded notification, found only by comparing it with its snapshot).
        var notification = new Notification(app.UserId(DemoAccounts.SteeringHead), "test", "Thư", "Thư", null, null, $"row-writer-{Guid.NewGuid()}", Now, "a@example.vn");
        check.Notifications.Add(notification);
        await check.SaveChangesAsync();
        check.Database.AutoSavepointsEnabled = true;
        await using (var transaction = await check.Database.BeginTransactionAsync())
        {
            notification.MarkEmailSent(Now.AddMinutes(1));
            (await check.SaveChangesAsync()).Should().Be(1);
            await transaction.CommitAsync();
        }
        await using (var reread = app.CreateDbContext())
            (await reread.Notifications.AsNoTracking().SingleAsync(n => n.Id == notification.Id)).EmailSentAt.Should().Be(Now.AddMinutes(1));

        check.Outbox.Remove(await check.Outbox.SingleAsync(m => m.Id == message.Id));
        (await RowWriter.TryWriteAsync(check, CancellationToken.None)).Should().BeNull("deletions are EF Core's");
        (await check.SaveChangesAsync()).Should().Be(1);
        (await check.Outbox.AsNoTracking().AnyAsync(m => m.Id == message.Id)).Should().BeFalse();
    }

    [Fact]
    public async Task Statements_used_twice_on_a_connection_are_prepared_there()
    {
        await using var db = app.CreateDbContext();
        await db.Database.OpenConnectionAsync();
        for (var i = 0; i < 2; i++)
        {
            db.Outbox.Add(new OutboxMessage("test.row-writer-prepared", "{}", Now));
            (await RowWriter.TryWriteAsync(db, CancellationToken.None)).Should().Be(1);
        }

        var prepared = await db.Database.SqlQueryRaw<string>("SELECT statement AS \"Value\" FROM pg_prepared_statements").ToListAsync();

        prepared.Should().Contain(s => s.StartsWith("INSERT INTO \"outbox_messages\""), "PostgreSQL parses and plans the insert once per connection");
    }
}
