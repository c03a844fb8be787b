using Commendations.Engine;
using Commendations.Features.Scheduling;
using Commendations.Scheduling;
using Commendations.Testing;
using Commendations.Tests.Features.Registry;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Tests.Scheduling;

/// <summary>
/// Waits as data: entering public disclosure writes the wait's end as a row in the transition's own transaction (no
/// outbox message, no Quartz job per nomination); the planner gives the disclosures ending at one 17:00 one slot trigger;
/// two sweeps at once end each wait once, and a sweep fired early takes nothing before its time. Quartz in standby, on
/// the harness's clock.
/// </summary>
public class WaitSchedulingTests(LifecycleHarness app) : IClassFixture<LifecycleHarness>, IAsyncLifetime
{
    private SchedulerRig _rig = null!;

    public Task InitializeAsync()
    {
        app.Clock.Set(TestClock.At(2026, 12, 1));
        _rig = SchedulerRig.Create(app.ConnectionString, app.Clock);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Fact]
    public async Task Disclosures_ending_together_share_one_slot_and_two_sweeps_at_once_end_each_once()
    {
        var ids = await new AwardSteps(app).InDisclosureAsync(2, 1, "WR");
        DateTimeOffset until;
        await using (var db = app.CreateDbContext())
        {
            var rows = await db.StepWaits.AsNoTracking().Where(w => ids.Contains(w.NominationId)).ToListAsync();
            rows.Should().HaveCount(3, "each disclosure's end is written by the approval that entered it");
            rows.Select(r => r.Until).Distinct().Should().ContainSingle("they entered disclosure the same day, so they end at the same 17:00");
            until = rows[0].Until;
            (await db.Outbox.AsNoTracking().Where(m => m.Kind == "wait.scheduled").CountAsync()).Should().Be(0, "a wait is no longer a message");
        }
        foreach (var id in ids)
        {
            await using var db = app.CreateDbContext();
            var instance = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.NominationId == id);
            (await QuartzTables.InstanceTriggersAsync(app.ConnectionString, instance.Id)).Should().Be(0, "no Quartz job or trigger per nomination");
        }

        // The planner looks a few minutes ahead (SlotPlanningHorizon): just before 17:00 of the last day it stores the slot.
        app.Clock.Set(until.AddMinutes(-5));
        (await _rig.PlanSlotsAsync(app.Clock)).Should().BeGreaterThan(0);
        (await QuartzTables.SlotAsync(app.ConnectionString, ScheduleKeys.WaitSlot(until))).Should().Be(until, "one trigger for every wait ending then");

        // Quartz may fire a slot a little early: nothing is taken before the waits' time, and nothing is lost.
        app.Clock.Set(until.AddSeconds(-5));
        (await _rig.SendAsSystem(new EndDueWaits(until))).Taken.Should().Be(0);

        app.Clock.Set(until.AddMinutes(1));
        var sweeps = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            var ended = 0;
            DueWaitsEnded batch;
            do
            {
                batch = await _rig.SendAsSystem(new EndDueWaits(app.Clock.GetUtcNow(), BatchSize: 1));
                ended += batch.Ended;
            } while (batch.Taken == 1);
            return ended;
        })));
        sweeps.Sum().Should().Be(3, "each wait ended once, whichever node took it");

        await using (var db = app.CreateDbContext())
        {
            (await db.StepWaits.AsNoTracking().CountAsync(w => ids.Contains(w.NominationId))).Should().Be(0);
            foreach (var id in ids)
            {
                var instance = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.NominationId == id);
                InstanceState.FromJson(instance.State).ActiveWait().Should().BeNull("the disclosure is over and the route moved on");
                (await db.AuditEntries.AsNoTracking().CountAsync(e => e.Stream == Commendations.Audit.AuditTrail.NominationStream(id) && e.Action == "wait.elapsed"))
                    .Should().Be(1);
            }
        }
    }
}
