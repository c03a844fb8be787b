using Commendations.Domain.Notifications;
using Commendations.Scheduling;
using Commendations.Seeding;
using Commendations.Testing;
using Commendations.Tests.Features.Nominations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Commendations.Tests.Scheduling;

/// <summary>
/// The dispatcher tells a whole batch of hand-overs at once (their look-ups and notifications one statement each for the
/// batch): every person still hears exactly what they would have heard from each hand-over told alone — the next
/// member their turn, the unit's officers a return with its reason — and a batch applied twice tells nobody twice.
/// </summary>
public class HandOverBatchTests(LifecycleHarness app) : IClassFixture<LifecycleHarness>
{
    private readonly NominationSteps _steps = new(app);

    [Fact]
    public async Task Approvals_and_a_return_of_several_nominations_told_in_one_batch_reach_each_person_once()
    {
        await using var rig = SchedulerRig.Create(app.ConnectionString, app.Clock);
        var approved = new List<Guid>();
        for (var i = 0; i < 3; i++)
            approved.Add(await _steps.SubmittedCollectiveAsync());
        var returned = await _steps.SubmittedCollectiveAsync();
        await rig.DispatchAllAsync();

        var (first, second) = (NominationSteps.SteeringInOrder[0], NominationSteps.SteeringInOrder[1]);
        foreach (var id in approved)
            await _steps.ActAsync(first, id, "approve", "Đồng ý.");
        await _steps.ActAsync(first, returned, "return", "Thiếu biên bản bình xét.");

        var dispatcher = rig.Services.GetRequiredService<OutboxDispatcher>();
        (await dispatcher.DispatchOnceAsync(CancellationToken.None)).Should().Be(4, "the four hand-overs go in one batch");

        foreach (var id in approved)
        {
            var notes = await NotificationProbe.ForNominationAsync(app, id);
            notes.Where(n => n.Kind == NotificationKinds.TaskAssigned).Select(n => n.RecipientUserId)
                .Should().BeEquivalentTo([app.UserId(first), app.UserId(second)], "the first member was told at submission, the second now, once each");
            notes.Should().NotContain(n => n.Kind == NotificationKinds.NominationReturned);
        }
        var returnNotes = (await NotificationProbe.ForNominationAsync(app, returned)).Where(n => n.Kind == NotificationKinds.NominationReturned).ToList();
        returnNotes.Select(n => n.RecipientUserId).Should().Contain(app.UserId(DemoAccounts.OfficerTanHoa), "the unit's officers hold the dossier again")
            .And.OnlyHaveUniqueItems();
        returnNotes.Should().OnlyContain(n => n.Body.Contains("Thiếu biên bản bình xét."), "with the reason");
        (await NotificationProbe.ForNominationAsync(app, returned)).Should().NotContain(n => n.Kind == NotificationKinds.TaskAssigned
            && n.RecipientUserId == app.UserId(second), "a return opens no committee turn");

        // A crash before the batch was marked processed applies it again: nobody is told twice.
        var before = await CountAsync();
        await using (var db = app.CreateDbContext())
            await db.Database.ExecuteSqlRawAsync("UPDATE outbox_messages SET processed_at = NULL WHERE kind = {0}", Commendations.Workflow.OutboxKinds.HandOver);
        await rig.DispatchAllAsync();
        (await CountAsync()).Should().Be(before);
    }

    private async Task<int> CountAsync()
    {
        await using var db = app.CreateDbContext();
        return await db.Notifications.CountAsync();
    }
}
