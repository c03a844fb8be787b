using Commendations.Engine.Tests.Support;

namespace Commendations.Engine.Tests;

/// <summary>
/// Issue 16 part C in the pure engine: compensatory working days in the arithmetic (the official 2026 New Year swap), and
/// <see cref="RecomputeDeadlines"/> — open tasks' due times, reminders and escalation levels, and a running wait, computed
/// again when the calendar changes; a passed deadline kept; nothing done twice; sub-routes and states written before tasks
/// kept their opening.
/// </summary>
public class CalendarRecomputeTests
{
    private static readonly TimeSpan Vn = TimeSpan.FromHours(7);

    private static DateTimeOffset At(int y, int m, int d, int h, int min = 0) => new(y, m, d, h, min, 0, Vn);

    /// <summary>
    /// 2026 New Year as announced (Government Office letter 12729/VPCP-KGVX of 25/12/2025): Thursday 01/01 off, Friday
    /// 02/01 off in exchange for Saturday 10/01, a working day.
    /// </summary>
    private static readonly WorkingCalendar Official2026 = new(
        holidays: [new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 2)], extraWorkingDays: [new DateOnly(2026, 1, 10)]);

    /// <summary>What installations were shipped before: 01/01 only, no swap.</summary>
    private static readonly WorkingCalendar Shipped2026 = new(holidays: [new DateOnly(2026, 1, 1)]);

    [Fact]
    public void The_2026_New_Year_swap_takes_Friday_02_01_off_and_makes_Saturday_10_01_a_working_day()
    {
        Official2026.IsWorkingDay(new DateOnly(2026, 1, 2)).Should().BeFalse();
        Official2026.IsWorkingDay(new DateOnly(2026, 1, 10)).Should().BeTrue();
        Official2026.IsWorkingDay(new DateOnly(2026, 1, 11)).Should().BeFalse("only the announced Saturday is worked");

        // Opened Wednesday 31/12/2025: one working day is Monday 05/01, not Friday 02/01 as the old data said.
        Official2026.DueAfterWorkingDays(At(2025, 12, 31, 10), 1).Should().Be(At(2026, 1, 5, 17));
        Shipped2026.DueAfterWorkingDays(At(2025, 12, 31, 10), 1).Should().Be(At(2026, 1, 2, 17));
        // Five working days from Tuesday 30/12/2025: Wed 31, Mon 05, Tue 06, Wed 07, Thu 08.
        Official2026.DueAfterWorkingDays(At(2025, 12, 30, 10), 5).Should().Be(At(2026, 1, 8, 17));
        // Opened Wednesday 07/01 with three working days: Thu 08, Fri 09, Saturday 10 — due on the working Saturday.
        Official2026.DueAfterWorkingDays(At(2026, 1, 7, 10), 3).Should().Be(At(2026, 1, 10, 17));
        Shipped2026.DueAfterWorkingDays(At(2026, 1, 7, 10), 3).Should().Be(At(2026, 1, 12, 17));
        // A reminder one working day before Monday 12/01 is on Saturday 10/01 at 08:00; counting back over the swap skips 02/01.
        Official2026.ReminderTime(At(2026, 1, 12, 17), 1).Should().Be(At(2026, 1, 10, 8));
        Official2026.ReminderTime(At(2026, 1, 5, 17), 1).Should().Be(At(2025, 12, 31, 8));
        // An escalation level one working day after Friday 09/01 17:00 is Saturday 10/01 17:00.
        Official2026.ShiftWorkingDays(At(2026, 1, 9, 17), 1).Should().Be(At(2026, 1, 10, 17));
        // Calendar days landing on the swapped Friday move to Monday; on the working Saturday they stay.
        Official2026.DueOnDate(new DateOnly(2026, 1, 2)).Should().Be(At(2026, 1, 5, 17));
        Official2026.DueOnDate(new DateOnly(2026, 1, 10)).Should().Be(At(2026, 1, 10, 17));
        Official2026.NextWorkingMorning(At(2026, 1, 9, 18)).Should().Be(At(2026, 1, 10, 8));
    }

    // ---- RecomputeDeadlines on the E2 route: the appraisal has four escalation levels (1 working day before the due
    // time, 2, 5 and 7 after); it opened Tuesday 02/03/2027 10:00 with Thursday 04/03 a holiday, due Wednesday 10/03 17:00.

    private static readonly WorkflowDefinition Route = TimeAndRouteDataTests.Route;
    private static readonly WorkingCalendar Before = new(holidays: [new DateOnly(2027, 3, 4)]);
    private static readonly WorkingCalendar MondayOff = new(holidays: [new DateOnly(2027, 3, 4), new DateOnly(2027, 3, 8)]);

    private static RuntimeContext Ctx(DateTimeOffset now, WorkingCalendar calendar) => TimeAndRouteDataTests.Ctx(now) with { Calendar = calendar };

    private static TransitionResult Recompute(InstanceState state, DateTimeOffset now, WorkingCalendar calendar, RecomputeDeadlines? command = null)
    {
        var result = WorkflowRuntime.Execute(Route, state, command ?? new RecomputeDeadlines(), Ctx(now, calendar));
        result.Error.Should().BeNull();
        return result with { State = InstanceState.FromJson(result.State.ToJson()) };
    }

    private static string Times(IEnumerable<EscalationTime> times) => string.Join(", ", times.Select(t => $"{t.Level}@{EffectText.Time(t.At)}"));

    [Fact]
    public void An_added_holiday_moves_the_due_time_its_levels_and_tells_the_assignee_once()
    {
        var state = TimeAndRouteDataTests.AtAppraisal();
        var task = state.OpenTasks.Single();
        task.OpenedAt.Should().Be(TimeAndRouteDataTests.Vn(3, 2, 10), "a task keeps when it opened");

        // Wednesday 03/03: Monday 08/03 becomes a day off. Wed 3, Fri 5, Tue 9, Wed 10, Thu 11 → due Thursday 11/03 17:00.
        var moved = Recompute(state, At(2027, 3, 3, 11), MondayOff);

        moved.Effects.Select(EffectText.Render).Should().Equal(
            "DeadlineRecomputed appraisal:r1:2 due 2027-03-10 17:00 → 2027-03-11 17:00",
            "DeadlineScheduled appraisal:r1:2 due 2027-03-11 17:00 reminders [] escalate 2027-03-10 17:00",
            "Notify deadline-moved role:appraiser@u-app task appraisal:r1:2");
        var recomputed = moved.Effects.OfType<DeadlineRecomputed>().Single();
        (recomputed.PreviousDueAt, recomputed.DueAt, recomputed.DueMoved).Should().Be((At(2027, 3, 10, 17), At(2027, 3, 11, 17), true));
        var notice = moved.Effects.OfType<NotificationRequested>().Single();
        notice.Data["previousDueAt"].Should().Be(At(2027, 3, 10, 17).ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        notice.Data["dueAt"].Should().Be(At(2027, 3, 11, 17).ToString("O", System.Globalization.CultureInfo.InvariantCulture));

        var now = moved.State.OpenTasks.Single();
        EffectText.Time(now.DueAt).Should().Be("2027-03-11 17:00");
        // 1 before (Wed 10/03), 2 after (Fri 12, Mon 15), 5 after (… Thu 18/03), 7 after (Mon 22/03).
        Times(now.Escalations!).Should().Be("0@2027-03-10 17:00, 1@2027-03-15 17:00, 2@2027-03-18 17:00, 3@2027-03-22 17:00");
        now.OpenedAt.Should().Be(task.OpenedAt, "the opening does not move");
        moved.State.History.Last().Should().BeEquivalentTo(new { Event = HistoryEvent.DeadlineMoved, StepKey = "appraisal", TaskId = "appraisal:r1:2",
            PreviousDueAt = At(2027, 3, 10, 17), DueAt = At(2027, 3, 11, 17), ActorUserId = Actor.SystemUserId });

        // The same calendar again changes nothing: no effect, no second notice.
        Recompute(moved.State, At(2027, 3, 3, 12), MondayOff).Effects.Should().BeEmpty();
        // The old trigger is stale; the new one is honoured.
        WorkflowRuntime.Execute(Route, moved.State, new DeadlinePassed(task.TaskId, task.DueAt), Ctx(At(2027, 3, 10, 17), MondayOff))
            .Error!.Code.Should().Be(RuntimeErrors.StaleDeadline);
        WorkflowRuntime.Execute(Route, moved.State, new DeadlinePassed(task.TaskId, now.DueAt), Ctx(At(2027, 3, 11, 17), MondayOff))
            .Error.Should().BeNull();

        // Taking the day off back moves it back.
        var back = Recompute(moved.State, At(2027, 3, 4, 9), Before);
        back.State.OpenTasks.Single().DueAt.Should().Be(task.DueAt);
        Times(back.State.OpenTasks.Single().Escalations!).Should().Be(Times(task.Escalations!));
    }

    [Fact]
    public void A_passed_deadline_is_history_and_a_done_level_stays_done()
    {
        var state = TimeAndRouteDataTests.AtAppraisal();
        var task = state.OpenTasks.Single();
        // The first level (Tuesday 09/03 17:00) happened; then Wednesday 10/03 10:00 an administrator adds Thursday 11/03 as
        // a holiday: the due time (Wednesday 10/03) is still to come and does not move; the later levels do.
        state = WorkflowRuntime.Execute(Route, state, new Escalate(task.TaskId, 0, task.DueAt), Ctx(At(2027, 3, 9, 17), Before)).State;
        var thursdayOff = new WorkingCalendar(holidays: [new DateOnly(2027, 3, 4), new DateOnly(2027, 3, 11)]);
        var result = Recompute(state, At(2027, 3, 10, 10), thursdayOff);
        result.Effects.Select(EffectText.Render).Should().Equal(
            "DeadlineRecomputed appraisal:r1:2 due 2027-03-10 17:00 → 2027-03-10 17:00",
            "DeadlineScheduled appraisal:r1:2 due 2027-03-10 17:00 reminders [] escalate 2027-03-09 17:00");
        result.Effects.OfType<DeadlineRecomputed>().Single().DueMoved.Should().BeFalse("nobody is told: the due time stays");
        var now = result.State.OpenTasks.Single();
        now.EscalationsDone.Should().Be(1);
        // Level 0 keeps its instant (done); 2 after: Fri 12, Mon 15; 5 after: … Thu 18; 7 after: Mon 22.
        Times(now.Escalations!).Should().Be("0@2027-03-09 17:00, 1@2027-03-15 17:00, 2@2027-03-18 17:00, 3@2027-03-22 17:00");
        result.State.History.Should().NotContain(h => h.Event == HistoryEvent.DeadlineMoved);
    }

    [Fact]
    public void A_deadline_already_come_does_not_move()
    {
        var state = TimeAndRouteDataTests.AtAppraisal();
        // Wednesday 10/03 17:30: the due time has come (the trigger may not have fired yet); a holiday on Monday 08/03 is history.
        Recompute(state, At(2027, 3, 10, 17, 30), MondayOff).Effects.Should().BeEmpty();
    }

    [Fact]
    public void A_state_written_before_tasks_kept_their_opening_is_recomputed_from_the_opening_the_application_knows()
    {
        var state = TimeAndRouteDataTests.AtAppraisal();
        var legacy = state with { OpenTasks = [state.OpenTasks.Single() with { OpenedAt = null }] };
        legacy = InstanceState.FromJson(legacy.ToJson());
        legacy.ToJson().Should().NotContain("openedAt");

        Recompute(legacy, At(2027, 3, 3, 11), MondayOff).Effects.Should().BeEmpty("without an opening the task is left as it is");
        var result = Recompute(legacy, At(2027, 3, 3, 11), MondayOff,
            new RecomputeDeadlines { OpenedAt = new Dictionary<string, DateTimeOffset> { ["appraisal:r1:2"] = TimeAndRouteDataTests.Vn(3, 2, 10) } });
        result.State.OpenTasks.Single().DueAt.Should().Be(At(2027, 3, 11, 17));
        result.State.OpenTasks.Single().OpenedAt.Should().Be(TimeAndRouteDataTests.Vn(3, 2, 10), "the opening is kept from now on");
    }

    [Fact]
    public void A_reentry_deadline_is_recomputed_under_the_policy_it_opened_with()
    {
        // Returned from the appraisal Friday 05/03 10:00 to the unit: onReentry { workingDays: 5 } → due Friday 12/03 17:00
        // (the dossier date, Wednesday 10/03, would be the first policy's).
        var state = TimeAndRouteDataTests.AtAppraisal();
        state = WorkflowRuntime.Execute(Route, state, new ActOnTask("appraisal:r1:2", Actor.User("appraiser", "u-app", "appraiser"), "return", "Thiếu hồ sơ"),
            Ctx(At(2027, 3, 5, 10), Before)).State;
        var task = state.OpenTasks.Single();
        task.StepKey.Should().Be("unit-proposal");
        task.OnReentry.Should().BeTrue();
        EffectText.Time(task.DueAt).Should().Be("2027-03-12 17:00");

        // Wednesday 10/03 becomes a day off: Mon 8, Tue 9, Thu 11, Fri 12, Mon 15 → due Monday 15/03 (not the dossier date).
        var result = Recompute(state, At(2027, 3, 8, 9), new WorkingCalendar(holidays: [new DateOnly(2027, 3, 4), new DateOnly(2027, 3, 10)]));
        var moved = result.State.OpenTasks.Single();
        EffectText.Time(moved.DueAt).Should().Be("2027-03-15 17:00");
        moved.ReminderTimes.Select(EffectText.Time).Should().Equal("2027-03-12 08:00", "2027-03-16 08:00", "2027-03-18 08:00");
    }

    [Fact]
    public void A_task_inside_a_sub_route_is_recomputed_in_the_callee_and_the_callers_copy_follows()
    {
        var check = WorkflowDefinitionParser.Parse("""
            { "id": "check", "version": 1, "name": "check", "appliesTo": { "nomineeKinds": ["collective"], "awardForms": ["f"] }, "start": "check-task",
              "steps": [
                { "type": "task", "key": "check-task", "assignee": { "role": "appraiser", "scope": "inspection" },
                  "actions": [ { "name": "pass", "target": "ok" } ], "deadline": { "workingDays": 5 }, "reminders": [ { "workingDaysBefore": 1 } ] },
                { "type": "end", "key": "ok", "result": "Awarded" } ] }
            """).Definition!;
        var caller = WorkflowDefinitionParser.Parse("""
            { "id": "caller", "version": 1, "name": "caller", "appliesTo": { "nomineeKinds": ["collective"], "awardForms": ["f"] }, "start": "call",
              "steps": [
                { "type": "subRoute", "key": "call", "definition": "check", "transitions": { "awarded": "done" } },
                { "type": "end", "key": "done", "result": "Awarded" } ] }
            """).Definition!;
        RuntimeContext Context(DateTimeOffset now, WorkingCalendar calendar) => new()
        {
            Now = now,
            Facts = NominationFacts.Empty.With("kind", "collective"),
            UnitScopes = new Dictionary<string, string> { ["inspection"] = "u-insp" },
            Callees = new CalleeDefinitions([check], []),
            Calendar = calendar,
        };
        // Started Monday 01/03/2027 09:00: due Monday 08/03 17:00, reminder Friday 05/03 08:00.
        var state = InstanceState.FromJson(WorkflowRuntime.Start(caller, Context(At(2027, 3, 1, 9), WorkingCalendar.Vietnam)).State.ToJson());
        state.OpenTasks.Single().TaskId.Should().Be("call/check-task:r1:1");

        var result = WorkflowRuntime.Execute(caller, state, new RecomputeDeadlines(),
            Context(At(2027, 3, 2, 9), new WorkingCalendar(holidays: [new DateOnly(2027, 3, 3)])));
        result.Error.Should().BeNull();
        result.Effects.Select(EffectText.Render).Should().Contain("DeadlineScheduled call/check-task:r1:1 due 2027-03-09 17:00 reminders [2027-03-08 08:00] escalate -")
            .And.Contain("Notify deadline-moved role:appraiser@u-insp task call/check-task:r1:1");
        result.Effects.OfType<DeadlineRecomputed>().Single().StepKey.Should().Be("call/check-task");
        var after = InstanceState.FromJson(result.State.ToJson());
        after.OpenTasks.Single().DueAt.Should().Be(At(2027, 3, 9, 17), "the caller's copy (what the application's jobs read) follows");
        ((SubRouteProgress)after.Progress!).State.OpenTasks.Single().DueAt.Should().Be(At(2027, 3, 9, 17));
        after.History.Last().Should().BeEquivalentTo(new { Event = HistoryEvent.DeadlineMoved, TaskId = "call/check-task:r1:1", StepKey = "call/check-task" });
        WorkflowRuntime.Execute(caller, after, new RecomputeDeadlines(), Context(At(2027, 3, 2, 10), new WorkingCalendar(holidays: [new DateOnly(2027, 3, 3)])))
            .Effects.Should().BeEmpty();
    }

    [Fact]
    public void A_running_wait_ends_at_its_recomputed_instant()
    {
        var definition = WorkflowDefinitionParser.Parse("""
            { "id": "w", "version": 1, "name": "w", "appliesTo": { "nomineeKinds": ["collective"], "awardForms": ["f"] }, "start": "unit",
              "steps": [
                { "type": "task", "key": "unit", "assignee": { "role": "emulationOfficer", "scope": "nominating" },
                  "actions": [ { "name": "submit", "target": "disclosure" } ], "deadline": { "workingDays": 5 } },
                { "type": "wait", "key": "disclosure", "duration": { "workingDays": 7 }, "next": "done" },
                { "type": "end", "key": "done", "result": "Awarded" } ] }
            """);
        definition.Problems.Should().BeEmpty();
        RuntimeContext Context(DateTimeOffset now, WorkingCalendar calendar) => new()
        {
            Now = now,
            Facts = NominationFacts.Empty.With("kind", "collective"),
            UnitScopes = new Dictionary<string, string> { ["nominating"] = "u-nom" },
            Calendar = calendar,
        };
        var state = WorkflowRuntime.Start(definition.Definition!, Context(At(2026, 8, 17, 9), Shipped2026)).State;
        // Submitted Tuesday 18/08/2026 10:00: seven working days under the old data end Thursday 27/08 17:00 …
        state = WorkflowRuntime.Execute(definition.Definition!, state, new ActOnTask("unit:r1:1", Actor.User("o", "u-nom", "emulationOfficer"), "submit"),
            Context(At(2026, 8, 18, 10), Shipped2026)).State;
        state = InstanceState.FromJson(state.ToJson());
        state.WaitUntil.Should().Be(At(2026, 8, 27, 17));

        // … and with the National Day swap (Saturday 22/08 worked for Monday 31/08) on Wednesday 26/08 17:00.
        var official = new WorkingCalendar(holidays: [new DateOnly(2026, 8, 31), new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 2)],
            extraWorkingDays: [new DateOnly(2026, 8, 22)]);
        var result = WorkflowRuntime.Execute(definition.Definition!, state, new RecomputeDeadlines(), Context(At(2026, 8, 20, 9), official));
        result.Effects.Select(EffectText.Render).Should().Equal("WaitScheduled disclosure until 2026-08-26 17:00");
        result.State.WaitUntil.Should().Be(At(2026, 8, 26, 17));
    }
}
