using Commendations.Common.Errors;
using Commendations.Domain.Calendar;
using Commendations.Domain.Workflows;
using Commendations.Features.Admin.Calendar;
using Commendations.Seeding;
using Commendations.Testing;
using Commendations.Tests.Features.Nominations;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Tests.Scheduling;

/// <summary>
/// A calendar change moves running deadlines, on real PostgreSQL: an open task's due time, its reminder rows and due
/// trigger, listed in the result and notified to the assignee; an official calendar imported with a preview that
/// changes nothing, applied only as previewed; bad files and other users refused with nothing changed; corrections to
/// the shipped calendar offered to an existing installation instead of applied silently.
/// </summary>
public class CalendarChangeTests(LifecycleHarness app) : IClassFixture<LifecycleHarness>, IAsyncLifetime
{
    private readonly NominationSteps _steps = new(app);
    private SchedulerRig _rig = null!;

    public Task InitializeAsync()
    {
        app.Clock.Set(TestClock.At(2026, 12, 1)); // Tuesday 01/12/2026 09:00
        _rig = SchedulerRig.Create(app.ConnectionString, app.Clock);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    private static DateTimeOffset Local(int y, int m, int d, int h) => new(y, m, d, h, 0, 0, TestClock.Vietnam);

    private async Task<WorkflowTask> OpenTaskAsync(Guid nominationId)
    {
        await using var db = app.CreateDbContext();
        return await db.Tasks.AsNoTracking().SingleAsync(t => t.NominationId == nominationId && t.Status == WorkflowTaskStatus.Open);
    }

    private async Task<List<CalendarDay>> DaysOfAsync(int year)
    {
        await using var db = app.CreateDbContext();
        return await db.CalendarDays.AsNoTracking().Where(d => d.Date.Year == year).OrderBy(d => d.Date).ToListAsync();
    }

    /// <summary>The 2026 calendar as shipped, plus <paramref name="extra"/>, as a JSON file.</summary>
    private static string Shipped2026With(params CalendarDayData[] extra) =>
        new CalendarFile(2026, false, [.. VietnamCalendar.Years[2026].Days, .. extra]).ToJson();

    [Fact]
    public async Task A_day_off_added_on_Monday_moves_an_open_review_due_on_Tuesday_with_its_reminder_and_tells_the_reviewer()
    {
        var id = await _steps.SubmittedCollectiveAsync();
        await _rig.DispatchAllAsync();
        var before = await OpenTaskAsync(id);
        // 5 working days from Tuesday 01/12: due Tuesday 08/12 17:00, reminded Friday 04/12 and Tuesday 08/12 at 08:00.
        before.DueAt.Should().Be(Local(2026, 12, 8, 17));

        var changed = await app.Send(DemoAccounts.Admin, new AdminAddCalendarDay(new DateOnly(2026, 12, 7), CalendarDayKind.DayOff,
            "Nghỉ bù (thử)", "Quyết định thử nghiệm"));

        changed.Moved.Should().ContainSingle(m => m.NominationId == id).Which.Should().BeEquivalentTo(new
        {
            NominationId = id, PreviousDueAt = Local(2026, 12, 8, 17), DueAt = Local(2026, 12, 9, 17),
        });
        changed.Moved.Single(m => m.NominationId == id).StepName.Should().NotBeNullOrWhiteSpace().And.NotBe(before.StepKey);
        var after = await OpenTaskAsync(id);
        after.DueAt.Should().Be(Local(2026, 12, 9, 17), "Monday 07/12 is off now: Wed 2, Thu 3, Fri 4, Tue 8, Wed 9");
        after.ReminderTimes.Should().Equal(Local(2026, 12, 4, 8), Local(2026, 12, 9, 8));

        await _rig.DispatchAllAsync();
        (await QuartzTables.ReminderTimesAsync(app.ConnectionString, after.InstanceId, after.TaskKey))
            .Should().Equal([Local(2026, 12, 4, 8), Local(2026, 12, 9, 8)], "the reminder on the old due day moved with it");
        (await QuartzTables.InstanceTriggersAsync(app.ConnectionString, after.InstanceId)).Should().Be(0, "the due time is the task row's, swept from there");
        var notice = (await NotificationProbe.ForNominationAsync(app, id)).Should().ContainSingle(n => n.Kind == Commendations.Scheduling.DeadlineMovedText.Kind).Which;
        notice.RecipientUserId.Should().Be(before.AssigneeUserId!.Value);
        notice.Body.Should().Contain("08/12/2026").And.Contain("09/12/2026");
        await using (var db = app.CreateDbContext())
        {
            (await db.AuditEntries.AsNoTracking().AnyAsync(a => a.Stream == Commendations.Audit.AuditTrail.NominationStream(id) && a.Action == "deadline.moved"))
                .Should().BeTrue("the dossier's history says its deadline moved");
        }

        // Removing the day again moves it back.
        var undone = await app.Send(DemoAccounts.Admin, new AdminRemoveCalendarDay(new DateOnly(2026, 12, 7)));
        undone.Moved.Single(m => m.NominationId == id).DueAt.Should().Be(Local(2026, 12, 8, 17));
        (await OpenTaskAsync(id)).DueAt.Should().Be(Local(2026, 12, 8, 17));
    }

    [Fact]
    public async Task An_imported_calendar_is_previewed_without_changing_anything_and_applied_only_as_previewed()
    {
        var id = await _steps.SubmittedCollectiveAsync();
        await _rig.DispatchAllAsync();
        var due = (await OpenTaskAsync(id)).DueAt;
        var daysBefore = await DaysOfAsync(2026);
        var file = Shipped2026With(new CalendarDayData(new DateOnly(2026, 12, 3), CalendarDayKind.DayOff, "Ngày nghỉ thử", "Thông báo thử"));

        var preview = await app.Send(DemoAccounts.Admin, new PreviewCalendarImport(CalendarImportSources.File, "json", file, null));

        preview.Year.Should().Be(2026);
        preview.Changes.Should().ContainSingle(c => c.Change == CalendarChangeKind.Added).Which.Date.Should().Be(new DateOnly(2026, 12, 3));
        preview.Moved.Should().ContainSingle(m => m.NominationId == id).Which.DueAt.Should().Be(Local(2026, 12, 9, 17));
        (await OpenTaskAsync(id)).DueAt.Should().Be(due, "a preview changes nothing");
        (await DaysOfAsync(2026)).Should().HaveCount(daysBefore.Count);

        var stale = () => app.Send(DemoAccounts.Admin, new ApplyCalendarImport(CalendarImportSources.File, "json", file, null, new string('0', 64)));
        (await stale.Should().ThrowAsync<ConflictException>()).Which.Code.Should().Be("calendar-changed-since-preview");
        (await OpenTaskAsync(id)).DueAt.Should().Be(due);

        var applied = await app.Send(DemoAccounts.Admin, new ApplyCalendarImport(CalendarImportSources.File, "json", file, null, preview.ContentHash));
        applied.Moved.Should().ContainSingle(m => m.NominationId == id);
        (await OpenTaskAsync(id)).DueAt.Should().Be(Local(2026, 12, 9, 17));
        (await DaysOfAsync(2026)).Should().Contain(d => d.Date == new DateOnly(2026, 12, 3) && d.Source == "Thông báo thử");
        await using (var db = app.CreateDbContext())
            (await db.CalendarImports.AsNoTracking().Where(i => i.Year == 2026 && i.ContentHash == preview.ContentHash).Select(i => i.Outcome).ToListAsync())
                .Should().Equal(CalendarImport.Applied);

        // The shipped 2026 calendar now differs (no 03/12): offered back, never applied by itself; applying it moves the task back.
        (await app.Send(DemoAccounts.Admin, new ListCalendarOffers())).Should().Contain(o => o.Year == 2026 && o.ChangedDays == 1);
        var shipped = await app.Send(DemoAccounts.Admin, new PreviewCalendarImport(CalendarImportSources.Shipped, null, null, 2026));
        shipped.Changes.Should().ContainSingle().Which.Change.Should().Be(CalendarChangeKind.Removed);
        await app.Send(DemoAccounts.Admin, new ApplyCalendarImport(CalendarImportSources.Shipped, null, null, 2026, shipped.ContentHash));
        (await OpenTaskAsync(id)).DueAt.Should().Be(due);
        (await app.Send(DemoAccounts.Admin, new ListCalendarOffers())).Should().NotContain(o => o.Year == 2026);
    }

    [Fact]
    public async Task An_installation_seeded_with_the_old_calendar_is_offered_the_corrected_one_and_the_start_does_not_apply_it()
    {
        // An installation from before the correction: New Year 2026 was one day, no swap.
        await using (var db = app.CreateDbContext())
            await db.Database.ExecuteSqlRawAsync("DELETE FROM calendar_days WHERE date IN ('2026-01-02', '2026-01-10'); DELETE FROM calendar_imports WHERE year = 2026");
        await DatabaseInitializer.ImportReferenceDataAsync(_rig.Services, Path.Combine(TestCluster.RepositoryRoot, "workflows"));
        (await DaysOfAsync(2026)).Should().NotContain(d => d.Date == new DateOnly(2026, 1, 10), "the start fills empty years only");

        var offer = (await app.Send(DemoAccounts.Admin, new ListCalendarOffers())).Should().ContainSingle(o => o.Year == 2026).Which;
        offer.ChangedDays.Should().Be(2);
        var preview = await app.Send(DemoAccounts.Admin, new PreviewCalendarImport(CalendarImportSources.Shipped, null, null, 2026));
        preview.Changes.Select(c => (c.Date, c.Change)).Should().Equal(
            (new DateOnly(2026, 1, 2), CalendarChangeKind.Added), (new DateOnly(2026, 1, 10), CalendarChangeKind.Added));

        await app.Send(DemoAccounts.Admin, new DismissShippedCalendar(2026));
        (await app.Send(DemoAccounts.Admin, new ListCalendarOffers())).Should().NotContain(o => o.Year == 2026, "dismissed until the shipped content changes");
        await app.Send(DemoAccounts.Admin, new ApplyCalendarImport(CalendarImportSources.Shipped, null, null, 2026, preview.ContentHash));
        (await DaysOfAsync(2026)).Single(d => d.Date == new DateOnly(2026, 1, 10)).Should().BeEquivalentTo(new
        {
            Kind = CalendarDayKind.WorkingDay, SwappedWith = (DateOnly?)new DateOnly(2026, 1, 2),
        });
    }

    [Fact]
    public async Task A_bad_file_is_refused_field_by_field_and_changes_nothing()
    {
        var daysBefore = await DaysOfAsync(2026);
        async Task<InputException> Refused(string format, string content, int? year = null) =>
            (await ((Func<Task>)(() => app.Send(DemoAccounts.Admin, new PreviewCalendarImport(CalendarImportSources.File, format, content, year))))
                .Should().ThrowAsync<InputException>()).Which;

        (await Refused("json", "{ not json")).Errors.Should().ContainKey("content");
        (await Refused("xml", "<calendar/>")).Errors["content"].Should().Contain(e => e.Contains("json hoặc csv"));
        var weekdayWorked = Shipped2026With(new CalendarDayData(new DateOnly(2026, 12, 2), CalendarDayKind.WorkingDay, "Làm bù thứ Tư"));
        (await Refused("json", weekdayWorked)).Errors["content"].Should().Contain(e => e.Contains("02/12/2026") && e.Contains("thứ Bảy hoặc Chủ nhật"));
        var halfSwap = Shipped2026With(new CalendarDayData(new DateOnly(2026, 12, 5), CalendarDayKind.WorkingDay, "Làm bù", SwappedWith: new DateOnly(2026, 12, 4)));
        (await Refused("json", halfSwap)).Errors["content"].Should().Contain(e => e.Contains("05/12/2026") && e.Contains("04/12/2026"));
        (await Refused("csv", "date,kind,name,source,swappedWith,provisional\n2026-12-04,DayOff,Nghỉ,,,\n")).Errors.Should().ContainKey("content",
            "a CSV file names no year: it must be chosen");
        (await Refused("csv", "date,kind,name,source,swappedWith,provisional\n2027-01-04,DayOff,Nghỉ,,,\n", 2026)).Errors["content"]
            .Should().Contain(e => e.Contains("04/01/2027") && e.Contains("2026"));
        var noHash = () => app.Send(DemoAccounts.Admin, new ApplyCalendarImport(CalendarImportSources.File, "json", Shipped2026With(), null, null));
        (await noHash.Should().ThrowAsync<InputException>()).Which.Errors.Should().ContainKey("contentHash");
        var unknownYear = () => app.Send(DemoAccounts.Admin, new PreviewCalendarImport(CalendarImportSources.Shipped, null, null, 2031));
        (await unknownYear.Should().ThrowAsync<InputException>()).Which.Errors.Should().ContainKey("year");

        var workingWeekday = () => app.Send(DemoAccounts.Admin, new AdminAddCalendarDay(new DateOnly(2026, 12, 2), CalendarDayKind.WorkingDay, "Làm bù"));
        (await workingWeekday.Should().ThrowAsync<InputException>()).Which.Errors.Should().ContainKey("date");
        var unpaired = () => app.Send(DemoAccounts.Admin, new AdminAddCalendarDay(new DateOnly(2026, 12, 12), CalendarDayKind.WorkingDay, "Làm bù",
            SwappedWith: new DateOnly(2026, 12, 4)));
        (await unpaired.Should().ThrowAsync<InputException>()).Which.Errors.Should().ContainKey("swappedWith");

        var officer = () => app.Send(DemoAccounts.OfficerTanHoa, new ApplyCalendarImport(CalendarImportSources.Shipped, null, null, 2026,
            VietnamCalendar.Years[2026].ContentHash));
        await officer.Should().ThrowAsync<ForbiddenException>();
        (await DaysOfAsync(2026)).Should().BeEquivalentTo(daysBefore);
    }

    [Fact]
    public async Task A_compensatory_working_day_is_added_paired_with_the_weekday_swapped_off()
    {
        await app.Send(DemoAccounts.Admin, new AdminAddCalendarDay(new DateOnly(2026, 12, 28), CalendarDayKind.DayOff, "Nghỉ hoán đổi (thử)", "Thông báo thử"));
        var saturday = await app.Send(DemoAccounts.Admin, new AdminAddCalendarDay(new DateOnly(2026, 12, 19), CalendarDayKind.WorkingDay,
            "Làm bù cho thứ Hai 28/12/2026", "Thông báo thử", SwappedWith: new DateOnly(2026, 12, 28)));
        saturday.Day!.SwappedWith.Should().Be(new DateOnly(2026, 12, 28));
        var days = await DaysOfAsync(2026);
        days.Single(d => d.Date == new DateOnly(2026, 12, 28)).SwappedWith.Should().Be(new DateOnly(2026, 12, 19), "both days name each other");
        var calendar = CalendarDeadlines.CalendarOf(days.Select(CalendarDayData.Of));
        calendar.IsWorkingDay(new DateOnly(2026, 12, 19)).Should().BeTrue();
        calendar.IsWorkingDay(new DateOnly(2026, 12, 28)).Should().BeFalse();

        await app.Send(DemoAccounts.Admin, new AdminRemoveCalendarDay(new DateOnly(2026, 12, 19)));
        (await DaysOfAsync(2026)).Single(d => d.Date == new DateOnly(2026, 12, 28)).SwappedWith.Should().BeNull();
        await app.Send(DemoAccounts.Admin, new AdminRemoveCalendarDay(new DateOnly(2026, 12, 28)));
    }
}
