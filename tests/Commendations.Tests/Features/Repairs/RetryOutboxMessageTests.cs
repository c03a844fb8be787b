using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Domain.Incidents;
using Commendations.Features.Incidents;
using Commendations.Features.Repairs;
using Commendations.Seeding;
using Commendations.Testing;
using Commendations.Tests.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Tests.Features.Repairs;

/// <summary>
/// A failing automatic step waits out its back-off (kept in the row, so every node honours it), becomes an incident after
/// three failures, and an administrator's "retry now" has it tried at once.
/// </summary>
public class RetryOutboxMessageTests(LifecycleHarness app) : IClassFixture<LifecycleHarness>, IAsyncLifetime
{
    private SchedulerRig _rig = null!;

    public Task InitializeAsync()
    {
        _rig = SchedulerRig.Create(app.ConnectionString, app.Clock);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    private async Task<int> AttemptsAsync(long id)
    {
        await using var db = app.CreateDbContext();
        return await db.Outbox.Where(m => m.Id == id).Select(m => m.Attempts).SingleAsync();
    }

    [Fact]
    public async Task A_failing_step_backs_off_becomes_an_incident_and_is_tried_at_once_when_an_administrator_asks()
    {
        long id;
        await using (var db = app.CreateDbContext())
        {
            var broken = new Domain.Outbox.OutboxMessage("wait.scheduled",
                """{"InstanceId":"00000000-0000-0000-0000-000000000001","NominationId":"00000000-0000-0000-0000-000000000001","EffectJson":"not json"}""", app.Clock.GetUtcNow());
            db.Outbox.Add(broken);
            await db.SaveChangesAsync();
            id = broken.Id;
        }

        await _rig.DispatchAllAsync();
        await _rig.DispatchAllAsync();
        (await AttemptsAsync(id)).Should().Be(1, "the second dispatch comes before the back-off ends");
        for (var i = 0; i < 2; i++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(11));
            await _rig.DispatchAllAsync();
        }
        (await AttemptsAsync(id)).Should().Be(3);

        await app.Send(FixedCurrentUser.System, new SweepIncidents());
        (await app.Send(DemoAccounts.Admin, new ListIncidents())).Should().Contain(i => i.Kind == IncidentKind.OutboxFailing && i.OutboxMessageId == id);

        var notAdmin = () => app.Send(DemoAccounts.SteeringHead, new RetryOutboxMessage(id));
        await notAdmin.Should().ThrowAsync<ForbiddenException>();
        (await app.Send(DemoAccounts.Admin, new RetryOutboxMessage(id))).Attempts.Should().Be(3);
        await _rig.DispatchAllAsync();
        (await AttemptsAsync(id)).Should().Be(4, "tried at once, without waiting for the back-off");

        await using var cleanup = app.CreateDbContext();
        await cleanup.Database.ExecuteSqlRawAsync("UPDATE outbox_messages SET processed_at = now() WHERE processed_at IS NULL");
        var done = () => app.Send(DemoAccounts.Admin, new RetryOutboxMessage(id));
        (await done.Should().ThrowAsync<ConflictException>()).Which.Code.Should().Be("already-applied");
    }
}
