using Commendations.Common.Security;
using Commendations.Domain.Notifications;
using Commendations.Domain.Workflows;
using Commendations.Engine;
using Commendations.Features.Scheduling;
using Commendations.Persistence;
using Commendations.Seeding;
using Commendations.Testing;
using Commendations.Tests.Features.Nominations;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Tests.Scheduling;

/// <summary>
/// The reported case, reproduced in the application: a campaign whose dossiers close on Wednesday 10/03/2027; a dossier
/// returned on Friday 12/03 came back to the unit already overdue (opened 12/03, due 10/03). The shipped routes now
/// declare a re-entry deadline (workflows/*.v2.json): the unit gets five working days from the return, and the officer's
/// notice of the return says until when. A route without one (the first release, still carrying the instances started
/// on it) opens overdue — recorded and notified at once, never silent.
/// </summary>
public class ReentryDeadlineTests(LifecycleHarness app) : IClassFixture<LifecycleHarness>, IAsyncLifetime
{
    private readonly NominationSteps _steps = new(app);
    private SchedulerRig _rig = null!;

    public Task InitializeAsync()
    {
        _rig = SchedulerRig.Create(app.ConnectionString, app.Clock);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    private static DateTimeOffset Local(int m, int d, int h) => new(2027, m, d, h, 0, 0, TestClock.Vietnam);

    private async Task<WorkflowTask> OpenTaskAsync(Guid nominationId)
    {
        await using var db = app.CreateDbContext();
        return await db.Tasks.AsNoTracking().SingleAsync(t => t.NominationId == nominationId && t.Status == WorkflowTaskStatus.Open);
    }

    private async Task<Guid> SubmittedAsync(string name)
    {
        var id = await _steps.DraftCollectiveAsync(name: name);
        await _steps.AttachRequiredDocumentsAsync(id);
        await app.Send(DemoAccounts.OfficerTanHoa, new Commendations.Features.Nominations.SubmitNomination(id, null));
        return id;
    }

    private async Task<bool> OpenedPastItsDeadlineAsync(Guid nominationId)
    {
        await using var db = app.CreateDbContext();
        return await db.AuditEntries.AsNoTracking().AnyAsync(a =>
            a.Stream == Commendations.Audit.AuditTrail.NominationStream(nominationId) && a.Action == "deadline.past-at-entry");
    }

    /// <summary>The shipped v1 content published again as the newest version: a route without a re-entry deadline.</summary>
    private static async Task PublishFirstReleaseAgainAsync(CommendationsDbContext db, DateTimeOffset now)
    {
        var v1 = await db.WorkflowDefinitions.AsNoTracking().SingleAsync(d => d.DefinitionId == E2Workflows.CertificateId && d.Version == 1);
        var next = await db.WorkflowDefinitions.Where(d => d.DefinitionId == E2Workflows.CertificateId).MaxAsync(d => d.Version) + 1;
        var definition = WorkflowDefinitionParser.Parse(v1.Content).Definition! with { Version = next };
        var record = new WorkflowDefinitionRecord(definition.Id, definition.Version, definition.Name, WorkflowDefinitionSerializer.Serialize(definition),
            WorkflowDefinitionSerializer.ContentHash(definition), "test", now);
        record.Publish("test", now);
        db.WorkflowDefinitions.Add(record);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task A_dossier_of_the_shipped_route_returned_after_the_window_closed_is_due_five_working_days_after_the_return_and_the_officer_is_told_when()
    {
        await using (var db = app.CreateDbContext())
        {
            // The campaign of the report: dossiers from 01/03 to Wednesday 10/03/2027.
            await db.Database.ExecuteSqlRawAsync(
                $"UPDATE campaigns SET dossier_open = '2027-03-01', dossier_close = '2027-03-10' WHERE code = '{DemoCatalog.CurrentThematicCampaign}'");
        }
        app.Clock.Set(Local(3, 2, 9));
        var onShippedRoute = await SubmittedAsync("UBND xã Bến Đình");
        await using (var db = app.CreateDbContext())
        {
            var instance = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.NominationId == onShippedRoute);
            instance.DefinitionVersion.Should().Be(2, "an empty database publishes every shipped version; the newest is in force");
            await PublishFirstReleaseAgainAsync(db, app.Clock.GetUtcNow());
        }
        var withoutReentryDeadline = await SubmittedAsync("UBND xã Tân Hòa");

        app.Clock.Set(Local(3, 12, 10)); // Friday 12/03, two days after the window closed: the standing member returns both
        foreach (var id in new[] { onShippedRoute, withoutReentryDeadline })
            await _steps.ActAsync(DemoAccounts.SteeringStandingMember, id, "return", "Thiếu biên bản bình xét.");
        await _rig.DispatchAllAsync();

        var task = await OpenTaskAsync(onShippedRoute);
        task.Round.Should().Be(2);
        // Five working days from Friday 12/03: Mon 15 … Fri 19 → due Friday 19/03 17:00, not the closed window's 10/03;
        // reminded 3 working days before and on the day.
        task.DueAt.Should().Be(Local(3, 19, 17)).And.BeAfter(app.Clock.GetUtcNow());
        task.ReminderTimes.Should().Equal(Local(3, 16, 8), Local(3, 19, 8));
        (await OpenedPastItsDeadlineAsync(onShippedRoute)).Should().BeFalse();
        var notices = await NotificationProbe.ForNominationAsync(app, onShippedRoute);
        var returned = notices.Should().ContainSingle(n => n.Kind == NotificationKinds.NominationReturned).Subject;
        returned.Body.Should().Contain("Thiếu biên bản bình xét.").And.Contain("Hạn trình lại: 17:00 ngày 19/03/2027.");
        notices.Should().NotContain(n => n.Kind == NotificationKinds.TaskOverdue);

        var detail = await app.Send(DemoAccounts.OfficerTanHoa, new Commendations.Features.Nominations.GetNomination(onShippedRoute));
        detail.Status.Should().Be(Domain.Nominations.NominationStatus.Returned);
        detail.MyTurn!.DueAt.Should().Be(Local(3, 19, 17));

        // Without a re-entry deadline the dossier comes back already overdue (opened 12/03, due 10/03) — recorded, and
        // its deadline fires at once so the unit hears of it.
        var old = await OpenTaskAsync(withoutReentryDeadline);
        old.OpenedAt.Should().Be(Local(3, 12, 10));
        old.DueAt.Should().Be(Local(3, 10, 17));
        (await OpenedPastItsDeadlineAsync(withoutReentryDeadline)).Should().BeTrue("it is not silent");
        (await app.Send(FixedCurrentUser.System, new SendDueDeadlines(app.Clock.GetUtcNow()))).Passed.Should().BeGreaterThanOrEqualTo(1);
        await using (var db = app.CreateDbContext())
            (await db.Tasks.AsNoTracking().SingleAsync(t => t.Id == old.Id)).DeadlinePassedAt.Should().NotBeNull();

        // A day off announced afterwards (Tuesday 16/03) moves the re-entry deadline under the policy it opened with —
        // five working days from the return: Mon 15, Wed 17, Thu 18, Fri 19, Mon 22 — never back to the closed window's 10/03.
        var changed = await app.Send(DemoAccounts.Admin, new Commendations.Features.Admin.Calendar.AdminAddCalendarDay(new DateOnly(2027, 3, 16),
            Domain.Calendar.CalendarDayKind.DayOff, "Nghỉ (thử)", "Thông báo thử"));
        changed.Moved.Should().Contain(m => m.NominationId == onShippedRoute && m.PreviousDueAt == Local(3, 19, 17) && m.DueAt == Local(3, 22, 17));
        changed.Moved.Should().NotContain(m => m.NominationId == withoutReentryDeadline, "a deadline already come stays as it was");
        await app.Send(DemoAccounts.Admin, new Commendations.Features.Admin.Calendar.AdminRemoveCalendarDay(new DateOnly(2027, 3, 16)));
        (await OpenTaskAsync(onShippedRoute)).DueAt.Should().Be(Local(3, 19, 17));

        // The unit resubmits within its five days (the dossier window is closed, but a resubmission follows its own deadline).
        app.Clock.Set(Local(3, 17, 9));
        await app.Send(DemoAccounts.OfficerTanHoa, new Commendations.Features.Nominations.SubmitNomination(onShippedRoute, "Đã bổ sung."));
        (await OpenTaskAsync(onShippedRoute)).StepKey.Should().Be("committee-review");
    }
}
