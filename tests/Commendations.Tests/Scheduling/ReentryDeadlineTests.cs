using Commendations.Common.Security;
using Commendations.Domain.Notifications;
using Commendations.Domain.Workflows;
using Commendations.Features.Scheduling;
using Commendations.Seeding;
using Commendations.Testing;
using Commendations.Tests.Features.Nominations;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Tests.Scheduling;

/// <summary>
/// The reported case, reproduced in the application: a campaign whose dossiers close on Wednesday 10/03/2027; a dossier
/// returned on Friday 12/03 came back to the unit already overdue (opened 12/03, due 10/03). The shipped route still does
/// (recorded now: an audit entry says the task opened past its deadline); the route with a re-entry deadline gives the
/// unit five working days from the return.
/// </summary>
public class ReentryDeadlineTests(LifecycleHarness app) : IClassFixture<LifecycleHarness>
{
    private readonly NominationSteps _steps = new(app);

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

    [Fact]
    public async Task A_dossier_returned_after_the_campaign_date_reopens_with_five_working_days_instead_of_already_overdue()
    {
        await using (var db = app.CreateDbContext())
        {
            // The campaign of the report: dossiers from 01/03 to Wednesday 10/03/2027.
            await db.Database.ExecuteSqlRawAsync(
                $"UPDATE campaigns SET dossier_open = '2027-03-01', dossier_close = '2027-03-10' WHERE code = '{DemoCatalog.CurrentThematicCampaign}'");
        }
        app.Clock.Set(Local(3, 2, 9));
        var onShippedRoute = await SubmittedAsync("UBND xã Tân Hòa");
        await using (var db = app.CreateDbContext())
            await E2Workflows.PublishCertificateAsync(db, app.Clock.GetUtcNow());
        var onNewRoute = await SubmittedAsync("UBND xã Bến Đình");

        app.Clock.Set(Local(3, 12, 10)); // Friday 12/03: the standing member returns both for supplement
        foreach (var id in new[] { onShippedRoute, onNewRoute })
            await _steps.ActAsync(DemoAccounts.SteeringStandingMember, id, "return", "Thiếu biên bản bình xét.");

        var old = await OpenTaskAsync(onShippedRoute);
        old.StepKey.Should().Be("unit-proposal");
        old.OpenedAt.Should().Be(Local(3, 12, 10));
        old.DueAt.Should().Be(Local(3, 10, 17), "the shipped route: opened 12/03, due 10/03");
        await using (var db = app.CreateDbContext())
        {
            (await db.AuditEntries.AsNoTracking().AnyAsync(a => a.Stream == Commendations.Audit.AuditTrail.NominationStream(onShippedRoute) && a.Action == "deadline.past-at-entry"))
                .Should().BeTrue("it is no longer silent");
        }
        // Its deadline fires at once: the unit hears the task is overdue.
        (await app.Send(FixedCurrentUser.System, new SendDueDeadlines(app.Clock.GetUtcNow()))).Passed.Should().BeGreaterThanOrEqualTo(1);
        await using (var db = app.CreateDbContext())
            (await db.Tasks.AsNoTracking().SingleAsync(t => t.Id == old.Id)).DeadlinePassedAt.Should().NotBeNull();

        var fixedTask = await OpenTaskAsync(onNewRoute);
        fixedTask.StepKey.Should().Be("unit-proposal");
        fixedTask.Round.Should().Be(2);
        // Five working days from Friday 12/03: Mon 15 … Fri 19 → due Friday 19/03 17:00; reminded 3 days before, on the day,
        // and the working day after.
        fixedTask.DueAt.Should().Be(Local(3, 19, 17));
        fixedTask.ReminderTimes.Should().Equal(Local(3, 16, 8), Local(3, 19, 8), Local(3, 22, 8));
        await using (var db = app.CreateDbContext())
        {
            (await db.AuditEntries.AsNoTracking().AnyAsync(a => a.Stream == Commendations.Audit.AuditTrail.NominationStream(onNewRoute) && a.Action == "deadline.past-at-entry"))
                .Should().BeFalse();
        }
        // A day off announced afterwards (Tuesday 16/03) moves the re-entry deadline under the policy it opened with —
        // five working days from the return: Mon 15, Wed 17, Thu 18, Fri 19, Mon 22 — never back to the closed window's 10/03.
        var changed = await app.Send(DemoAccounts.Admin, new Commendations.Features.Admin.Calendar.AdminAddCalendarDay(new DateOnly(2027, 3, 16),
            Domain.Calendar.CalendarDayKind.DayOff, "Nghỉ (thử)", "Thông báo thử"));
        changed.Moved.Should().Contain(m => m.NominationId == onNewRoute && m.PreviousDueAt == Local(3, 19, 17) && m.DueAt == Local(3, 22, 17));
        changed.Moved.Should().NotContain(m => m.NominationId == onShippedRoute, "a deadline already come stays as it was");
        (await OpenTaskAsync(onNewRoute)).DueAt.Should().Be(Local(3, 22, 17));
        await app.Send(DemoAccounts.Admin, new Commendations.Features.Admin.Calendar.AdminRemoveCalendarDay(new DateOnly(2027, 3, 16)));
        (await OpenTaskAsync(onNewRoute)).DueAt.Should().Be(Local(3, 19, 17));

        var detail = await app.Send(DemoAccounts.OfficerTanHoa, new Commendations.Features.Nominations.GetNomination(onNewRoute));
        detail.Status.Should().Be(Domain.Nominations.NominationStatus.Returned);
        detail.MyTurn!.DueAt.Should().Be(Local(3, 19, 17));

        // The unit resubmits within its five days (the dossier window is closed, but a resubmission follows its own deadline).
        app.Clock.Set(Local(3, 17, 9));
        await app.Send(DemoAccounts.OfficerTanHoa, new Commendations.Features.Nominations.SubmitNomination(onNewRoute, "Đã bổ sung."));
        (await OpenTaskAsync(onNewRoute)).StepKey.Should().Be("committee-review");
        (await NotificationProbe.ForNominationAsync(app, onNewRoute)).Should().NotContain(n => n.Kind == NotificationKinds.TaskOverdue);
    }
}
