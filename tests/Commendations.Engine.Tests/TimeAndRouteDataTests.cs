using System.Text.Json;
using Commendations.Engine.Tests.Support;

namespace Commendations.Engine.Tests;

/// <summary>
/// Issue 15 part E2 in the pure engine: escalation chains, reminders after the due day, re-entry deadlines, branches on
/// route data (round, last vote, eligibility, outputs) and secret votes — on <c>Scenarios/definitions/e2-route.v1.json</c>.
/// </summary>
public class TimeAndRouteDataTests
{
    internal static readonly WorkflowDefinition Route = Repo.LoadDefinition(Path.Combine(Repo.Scenarios, "definitions", "e2-route.v1.json"));
    private static readonly WorkflowDefinition Certificate = Repo.LoadDefinition(Path.Combine(Repo.Workflows, "bang-khen-chuyen-de.v1.json"));

    /// <summary>Thursday 04/03/2027 is a holiday here, so the appraisal's five working days run over it and a weekend.</summary>
    private static readonly WorkingCalendar Calendar = new(holidays: [new DateOnly(2027, 3, 4)]);

    private static readonly Actor Officer = Actor.User("officer", "u-nom", "emulationOfficer");
    private static readonly Actor Appraiser = Actor.User("appraiser", "u-app", "appraiser");
    private static readonly Actor Leader = Actor.User("leader", "u-prov", "provincialLeader");

    internal static DateTimeOffset Vn(int month, int day, int hour, int minute = 0) => new(2027, month, day, hour, minute, 0, TimeSpan.FromHours(7));

    internal static RuntimeContext Ctx(DateTimeOffset now, string eligibility = "passed") => new()
    {
        Now = now,
        Facts = NominationFacts.Empty.With("kind", "collective").With("awardForm", "bang-khen-tinh").With("dossierClose", new DateOnly(2027, 3, 10))
            .With("eligibility", eligibility),
        Calendar = Calendar,
        Committees = new Dictionary<string, IReadOnlyList<string>> { ["hdtdkt"] = ["c1", "c2", "c3", "c4"], ["bcd-qcdc"] = ["m1", "m2", "m3"] },
        UnitScopes = new Dictionary<string, string> { ["nominating"] = "u-nom", ["appraisal"] = "u-app", ["province"] = "u-prov" },
    };

    private static TransitionResult Run(WorkflowDefinition definition, InstanceState state, WorkflowCommand command, DateTimeOffset at, string eligibility = "passed")
    {
        var result = WorkflowRuntime.Execute(definition, state, command, Ctx(at, eligibility));
        // Every state goes through JSON between commands, as the application stores it.
        return result with { State = InstanceState.FromJson(result.State.ToJson()) };
    }

    private static InstanceState Ok(WorkflowDefinition definition, InstanceState state, WorkflowCommand command, DateTimeOffset at, string eligibility = "passed")
    {
        var result = Run(definition, state, command, at, eligibility);
        result.Error.Should().BeNull();
        return result.State;
    }

    /// <summary>Started Monday 01/03, submitted Tuesday 02/03 10:00: the appraisal is open.</summary>
    internal static InstanceState AtAppraisal(string eligibility = "passed") => AtAppraisalOf(Route, eligibility);

    internal static InstanceState AtAppraisalOf(WorkflowDefinition definition, string eligibility = "passed")
    {
        var state = WorkflowRuntime.Start(definition, Ctx(Vn(3, 1, 9), eligibility)).State;
        return Ok(definition, state, new ActOnTask("unit-proposal:r1:1", Officer, "submit"), Vn(3, 2, 10), eligibility);
    }

    /// <summary>The appraiser confirmed eligibility (a fixed finding): at the decision.</summary>
    internal static InstanceState Confirmed() => Ok(Route, AtAppraisal(), new ActOnTask("appraisal:r1:2", Appraiser, "confirm"), Vn(3, 3, 10));

    private static string Times(IEnumerable<EscalationTime> times) => string.Join(", ", times.Select(t => $"{t.Level}@{EffectText.Time(t.At)}"));

    [Fact]
    public void Each_escalation_level_has_its_instant_in_working_days_from_the_due_time_across_a_holiday_and_a_weekend()
    {
        var state = AtAppraisal();
        var task = state.OpenTasks.Single();
        // Opened Tuesday 02/03: Wed 3, (Thu 4 holiday), Fri 5, Mon 8, Tue 9, Wed 10 → due Wednesday 10/03 17:00.
        EffectText.Time(task.DueAt).Should().Be("2027-03-10 17:00");
        Times(task.Escalations!).Should().Be("0@2027-03-09 17:00, 1@2027-03-12 17:00, 2@2027-03-17 17:00, 3@2027-03-19 17:00");
        task.EscalateAt.Should().Be(Vn(3, 9, 17), "the first level's instant");
    }

    [Fact]
    public void Levels_happen_at_their_instants_each_once_and_the_last_one_acts_for_the_system()
    {
        var state = AtAppraisal();
        var task = state.OpenTasks.Single();
        var due = task.DueAt;

        Run(Route, state, new Escalate(task.TaskId, 1, due), Vn(3, 9, 17)).Error!.Code.Should().Be(RuntimeErrors.EscalationNotDue);
        Run(Route, state, new Escalate(task.TaskId, 0, due.AddDays(1)), Vn(3, 9, 17)).Error!.Code.Should().Be(RuntimeErrors.StaleDeadline);
        var first = Run(Route, state, new Escalate(task.TaskId, 0, due), Vn(3, 9, 17));
        first.Effects.Select(EffectText.Render).Should().Equal("Notify task-escalated role:appraiser@u-app task appraisal:r1:2");
        ((NotificationRequested)first.Effects[0]).Data.Should().Contain("level", "0").And.ContainKey("escalateAt");
        state = first.State;
        Run(Route, state, new Escalate(task.TaskId, 0, due), Vn(3, 9, 18)).Error!.Code.Should().Be(RuntimeErrors.AlreadyEscalated);

        // At the due time the assignee hears it is overdue; no level is due then (the next is two working days later).
        var atDue = Run(Route, state, new DeadlinePassed(task.TaskId, due), Vn(3, 10, 17));
        atDue.Effects.Select(EffectText.Render).Should().Equal("Notify task-overdue role:appraiser@u-app task appraisal:r1:2");
        state = atDue.State;

        state = Ok(Route, state, new Escalate(task.TaskId, 1, due), Vn(3, 12, 17));
        var third = Run(Route, state, new Escalate(task.TaskId, 2, due), Vn(3, 17, 17));
        third.Effects.Select(EffectText.Render).Should().Equal("Notify task-escalated role:provincialLeader@u-prov task appraisal:r1:2");
        ((NotificationRequested)third.Effects[0]).Data["escalateAt"].Should().Be(Vn(3, 17, 17).ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        state = third.State;

        var last = Run(Route, state, new Escalate(task.TaskId, 3, due), Vn(3, 19, 17));
        last.Effects.Select(EffectText.Render).Should().ContainInOrder(
            "TaskClosed appraisal:r1:2 return by system", "DeadlineCancelled appraisal:r1:2", "StepEntered unit-proposal r2");
        state = last.State;
        state.CurrentStep.Should().Be("unit-proposal");
        state.History.Where(h => h.Event == HistoryEvent.Escalated).Select(h => $"{h.Level} {h.Outcome}").Should().Equal(
            "0 appraiser", "1 committeeChair", "2 provincialLeader", "3 return");
        Run(Route, state, new Escalate(task.TaskId, 3, due), Vn(3, 19, 18)).Error!.Code.Should().Be(RuntimeErrors.TaskClosed, "the levels ended with the task");
    }

    [Fact]
    public void A_late_level_performs_the_missed_ones_first_in_order_and_the_overdue_notice_with_them()
    {
        var state = AtAppraisal();
        var task = state.OpenTasks.Single();
        // The scheduler was down until the third level's instant: nothing fired before.
        var result = Run(Route, state, new Escalate(task.TaskId, 2, task.DueAt), Vn(3, 17, 17));
        result.Effects.Select(EffectText.Render).Should().Equal(
            "Notify task-overdue role:appraiser@u-app task appraisal:r1:2",
            "Notify task-escalated role:appraiser@u-app task appraisal:r1:2",
            // A role without a scope is looked for in the task's own unit scope, as for the single escalation.
            "Notify task-escalated role:committeeChair@u-app task appraisal:r1:2",
            "Notify task-escalated role:provincialLeader@u-prov task appraisal:r1:2");
        Run(Route, result.State, new DeadlinePassed(task.TaskId, task.DueAt), Vn(3, 17, 18)).Error!.Code.Should().Be(RuntimeErrors.AlreadyOverdue);
        Run(Route, result.State, new Escalate(task.TaskId, 1, task.DueAt), Vn(3, 17, 18)).Error!.Code.Should().Be(RuntimeErrors.AlreadyEscalated);
    }

    [Fact]
    public void A_level_before_the_due_time_already_past_when_the_task_opens_is_skipped_like_a_reminder()
    {
        // Opened on Tuesday 09/03 16:00 under a 1-working-day deadline: due Wednesday 10/03 17:00; the level "1 working day
        // before" (Tuesday 09/03 17:00) is still ahead. Opened at 17:30 instead, it is past: skipped and counted as done.
        var definition = Route with
        {
            Steps = [.. Route.Steps.Select(s => s is TaskStep { Key: "appraisal" } t ? t with { Deadline = new Deadline { WorkingDays = 1 } } : s)],
        };
        var start = WorkflowRuntime.Start(definition, Ctx(Vn(3, 1, 9))).State;
        var state = Ok(definition, start, new ActOnTask("unit-proposal:r1:1", Officer, "submit"), Vn(3, 9, 17, 30));
        var task = state.OpenTasks.Single();
        task.EscalationsDone.Should().Be(1);
        Times(task.Escalations!).Should().StartWith("1@");
        Run(definition, state, new Escalate(task.TaskId, 0, task.DueAt), Vn(3, 10, 9)).Error!.Code.Should().Be(RuntimeErrors.AlreadyEscalated);
    }

    [Fact]
    public void The_single_escalation_of_old_documents_behaves_as_before_at_the_due_time()
    {
        var state = WorkflowRuntime.Start(Certificate, Ctx(Vn(3, 1, 9))).State;
        state = Ok(Certificate, state, new ActOnTask("unit-proposal:r1:1", Officer, "submit"), Vn(3, 2, 10));
        var task = state.OpenTasks.Single();
        task.Escalations.Should().BeNull("a single escalation at the due time keeps its old form");
        task.EscalateAt.Should().Be(task.DueAt);
        var result = Run(Certificate, state, new DeadlinePassed(task.TaskId, task.DueAt), task.DueAt);
        result.Effects.Select(EffectText.Render).Should().Equal(
            "Notify task-overdue user:m1 task committee-review:r1:2",
            "Notify task-escalated role:committeeChair@- task committee-review:r1:2");
        ((NotificationRequested)result.Effects[1]).Data.Should().NotContainKey("level");
        result.State.History[^1].Should().Match<HistoryEntry>(h => h.Event == HistoryEvent.Overdue && h.Outcome == "committeeChair");
    }

    [Fact]
    public void Reminders_after_the_due_day_come_at_8_on_working_days_after_it()
    {
        var state = WorkflowRuntime.Start(Route, Ctx(Vn(3, 1, 9))).State;
        var task = state.OpenTasks.Single();
        EffectText.Time(task.DueAt).Should().Be("2027-03-10 17:00");
        // 1 working day before (Tue 09/03), 1 after (Thu 11/03) and 3 after (Thu 11, Fri 12, Mon 15 → Mon 15/03), at 08:00.
        task.ReminderTimes.Select(EffectText.Time).Should().Equal("2027-03-09 08:00", "2027-03-11 08:00", "2027-03-15 08:00");
    }

    [Fact]
    public void A_returned_dossier_back_at_the_unit_gets_the_reentry_deadline_instead_of_the_passed_campaign_date()
    {
        var state = AtAppraisal();
        var returned = Run(Route, state, new ActOnTask("appraisal:r1:2", Appraiser, "return", "Thiếu minh chứng"), Vn(3, 12, 10));
        var task = returned.State.OpenTasks.Single();
        task.StepKey.Should().Be("unit-proposal");
        returned.State.Round.Should().Be(2);
        // Returned Friday 12/03; five working days: Mon 15 … Fri 19 → due Friday 19/03 17:00, not the dossier close of 10/03.
        EffectText.Time(task.DueAt).Should().Be("2027-03-19 17:00");
        returned.Effects.OfType<TaskOpened>().Single().PastAtEntry.Should().BeFalse();
        task.ReminderTimes.Select(EffectText.Time).Should().Equal("2027-03-18 08:00", "2027-03-22 08:00", "2027-03-24 08:00");
    }

    [Fact]
    public void Without_a_reentry_deadline_the_old_route_reopens_already_overdue_and_says_so()
    {
        // The shipped certificate route (v1): its unit step is due on the dossier close date, whatever the round.
        var state = WorkflowRuntime.Start(Certificate, Ctx(Vn(3, 1, 9))).State;
        state = Ok(Certificate, state, new ActOnTask("unit-proposal:r1:1", Officer, "submit"), Vn(3, 2, 10));
        var result = Run(Certificate, state, new ActOnTask("committee-review:r1:2", Actor.User("m1"), "return", "Thiếu"), Vn(3, 12, 10));
        var task = result.State.OpenTasks.Single();
        EffectText.Time(task.DueAt).Should().Be("2027-03-10 17:00", "opened 12/03, due 10/03: the bug this policy fixes");
        result.Effects.OfType<TaskOpened>().Single().PastAtEntry.Should().BeTrue();
        result.State.History.Should().Contain(h => h.Event == HistoryEvent.DeadlinePastAtEntry && h.TaskId == task.TaskId);
    }

    [Fact]
    public void WhenPast_refuse_refuses_the_return_that_would_open_a_task_already_overdue()
    {
        var definition = Certificate with
        {
            Steps = [.. Certificate.Steps.Select(s => s is TaskStep { Key: "unit-proposal" } t
                ? t with { Deadline = t.Deadline! with { WhenPast = PastDeadlineRule.Refuse } } : s)],
        };
        var state = WorkflowRuntime.Start(definition, Ctx(Vn(3, 1, 9))).State;
        state = Ok(definition, state, new ActOnTask("unit-proposal:r1:1", Officer, "submit"), Vn(3, 2, 10));
        var result = Run(definition, state, new ActOnTask("committee-review:r1:2", Actor.User("m1"), "return", "Thiếu"), Vn(3, 12, 10));
        result.Succeeded.Should().BeFalse();
        result.Error!.Code.Should().Be(RuntimeErrors.DeadlinePast);
        result.Error.Message.Should().Contain("17:00 10/03/2027");
        // Before the campaign date passes, the same return is fine.
        Run(definition, state, new ActOnTask("committee-review:r1:2", Actor.User("m1"), "return", "Thiếu"), Vn(3, 9, 10)).Succeeded.Should().BeTrue();
    }

    [Fact]
    public void A_branch_reads_the_eligibility_stored_at_submission_and_the_round()
    {
        var failed = AtAppraisal("failed");
        failed.Status.Should().Be(InstanceStatus.Completed);
        failed.Result.Should().Be(EndResult.Rejected);
        failed.History.Single(h => h.Event == HistoryEvent.StepLeft && h.StepKey == "by-eligibility").Outcome.Should().Be("condition 0");

        // Two returns: the third submission (round 3) is rejected by the round condition.
        var state = AtAppraisal();
        state = Ok(Route, state, new ActOnTask("appraisal:r1:2", Appraiser, "return", "1"), Vn(3, 3, 10));
        state = Ok(Route, state, new ActOnTask("unit-proposal:r2:3", Officer, "submit"), Vn(3, 3, 11));
        state = Ok(Route, state, new ActOnTask("appraisal:r2:4", Appraiser, "return", "2"), Vn(3, 3, 12));
        state.Round.Should().Be(3);
        state = Ok(Route, state, new ActOnTask("unit-proposal:r3:5", Officer, "submit"), Vn(3, 3, 13));
        state.Result.Should().Be(EndResult.Rejected);
        state.History.Last(h => h.Event == HistoryEvent.StepLeft && h.StepKey == "by-eligibility").Outcome.Should().Be("condition 1");
    }

    private static Dictionary<string, JsonElement> Finding(string value) => new() { ["finding"] = JsonSerializer.SerializeToElement(value) };

    [Fact]
    public void The_appraiser_chooses_a_finding_from_the_declared_options_and_the_branch_follows_it()
    {
        var state = AtAppraisal();
        var forward = new ActOnTask("appraisal:r1:2", Appraiser, "forward");
        Run(Route, state, forward, Vn(3, 3, 10)).Error!.Code.Should().Be(RuntimeErrors.InvalidOutput, "forward asks for the finding");
        Run(Route, state, forward with { Outputs = Finding("maybe") }, Vn(3, 3, 10)).Error!.Code.Should().Be(RuntimeErrors.InvalidOutput);
        Run(Route, state, new ActOnTask("appraisal:r1:2", Appraiser, "confirm") { Outputs = Finding("eligible") }, Vn(3, 3, 10))
            .Error!.Code.Should().Be(RuntimeErrors.InvalidOutput, "confirm records a fixed finding and asks nothing");

        var council = Ok(Route, state, forward with { Outputs = Finding("needsCouncil") }, Vn(3, 3, 10));
        council.CurrentStep.Should().Be("council");
        council.Outputs!["appraisal.finding"].GetString().Should().Be("needsCouncil");
        council.History.Single(h => h.Event == HistoryEvent.Acted && h.StepKey == "appraisal").Outputs!["finding"].GetString().Should().Be("needsCouncil");

        Ok(Route, state, forward with { Outputs = Finding("ineligible") }, Vn(3, 3, 10)).Result.Should().Be(EndResult.Rejected);
        var confirmed = Ok(Route, state, new ActOnTask("appraisal:r1:2", Appraiser, "confirm"), Vn(3, 3, 10));
        confirmed.CurrentStep.Should().Be("decision");
        confirmed.Outputs!["appraisal.finding"].GetString().Should().Be("eligible");
    }

    internal static InstanceState AtCouncil() =>
        Ok(Route, AtAppraisal(), new ActOnTask("appraisal:r1:2", Appraiser, "forward") { Outputs = Finding("needsCouncil") }, Vn(3, 3, 10));

    [Fact]
    public void A_secret_vote_keeps_who_voted_apart_from_the_counts_and_the_branch_reads_the_tally()
    {
        var state = AtCouncil();
        state = Ok(Route, state, new CastVote("council", Actor.User("c2"), VoteChoice.Yes), Vn(3, 4, 9));
        Run(Route, state, new CastVote("council", Actor.User("c2"), VoteChoice.No), Vn(3, 4, 9)).Error!.Code.Should().Be(RuntimeErrors.AlreadyVoted);
        state = Ok(Route, state, new CastVote("council", Actor.User("c1"), VoteChoice.Yes), Vn(3, 4, 9));
        var progress = (VoteProgress)state.Progress!;
        progress.Ballots.Should().BeEmpty();
        progress.Voters.Should().BeEquivalentTo("c1", "c2");
        progress.Tally.Should().Be(new VoteTally { Yes = 2 });

        var last = Run(Route, state, new CastVote("council", Actor.User("c4"), VoteChoice.Yes), Vn(3, 4, 10));
        last.Effects.OfType<TaskClosed>().Select(t => t.Outcome).Should().Equal("voted");
        state = Ok(Route, last.State, new CastVote("council", Actor.User("c3"), VoteChoice.Abstain), Vn(3, 4, 11));

        state.CurrentStep.Should().Be("decision", "3 yes of 4 passes with no 'no' vote");
        state.LastVote.Should().BeEquivalentTo(new { StepKey = "council", Yes = 3, No = 0, Abstain = 1, Recused = 0, Members = 4, Outcome = "passed" });
        state.History.Where(h => h.Event == HistoryEvent.Voted).Should().OnlyContain(h => h.Outcome == "voted");
        SecretBallotChecks.ChoicesLinkedToMembers(state.ToJson(), ["c1", "c2", "c3", "c4"]).Should().BeEmpty();
    }

    [Fact]
    public void Ballots_handed_over_as_a_box_are_counted_without_names_and_a_wrong_count_is_refused()
    {
        var state = AtCouncil();
        var box = new CastSecretBallots("council", ["c1", "c2", "c3"], new VoteTally { Yes = 2, No = 1 });
        Run(Route, state, box with { Tally = new VoteTally { Yes = 2 } }, Vn(3, 5, 9)).Error!.Code.Should().Be(RuntimeErrors.InvalidTally);
        Run(Route, state, box with { Voters = ["c1", "c1", "c3"] }, Vn(3, 5, 9)).Error!.Code.Should().Be(RuntimeErrors.AlreadyVoted);
        Run(Route, state, box with { Voters = ["c1", "x", "c3"] }, Vn(3, 5, 9)).Error!.Code.Should().Be(RuntimeErrors.NotAMember);

        state = Ok(Route, state, box, Vn(3, 5, 9));
        state.CurrentStep.Should().Be("council", "one member has not voted yet");
        state = Ok(Route, state, new CloseVote("council", Actor.User("secretary")), Vn(3, 5, 10));
        state.LastVote.Should().BeEquivalentTo(new { Yes = 2, No = 1, Abstain = 0, Outcome = "passed" });
        state.Result.Should().Be(EndResult.Rejected, "passed, but with a 'no' vote: the branch's first condition needs none");
    }

    [Fact]
    public void Without_quorum_the_branch_sends_the_nomination_back_to_the_vote_and_an_open_vote_refuses_a_box()
    {
        var state = AtCouncil();
        state = Ok(Route, state, new CastSecretBallots("council", ["c1", "c2"], new VoteTally { Yes = 2 }), Vn(3, 5, 9));
        state = Ok(Route, state, new CloseVote("council"), Vn(3, 5, 10));
        state.CurrentStep.Should().Be("council");
        state.LastVote!.Outcome.Should().Be("noQuorum");
        ((VoteProgress)state.Progress!).VotedCount.Should().Be(0, "a new vote begins");

        var fighter = Repo.LoadDefinition(Path.Combine(Repo.Workflows, "csdt-tinh.v1.json"));
        var ctx = Ctx(Vn(3, 2, 10)) with
        {
            Facts = Ctx(Vn(3, 2, 10)).Facts.With("kind", "individual").With("awardForm", "csdt-tinh"),
            Committees = new Dictionary<string, IReadOnlyList<string>> { ["hdtdkt"] = ["c1", "c2"] },
        };
        var open = WorkflowRuntime.Start(fighter, ctx).State;
        open = WorkflowRuntime.Execute(fighter, open, new ActOnTask("unit-proposal:r1:1", Officer, "submit"), ctx).State;
        open = WorkflowRuntime.Execute(fighter, open, new ActOnTask("appraisal:r1:2", Appraiser, "forward"), ctx).State;
        open.CurrentStep.Should().Be("council-vote");
        WorkflowRuntime.Execute(fighter, open, new CastSecretBallots("council-vote", ["c1"], new VoteTally { Yes = 1 }), ctx)
            .Error!.Code.Should().Be(RuntimeErrors.InvalidAction);
    }
}

/// <summary>Finds, in any JSON document, an object that names a member (a string value equal to their id) and a ballot choice.</summary>
public static class SecretBallotChecks
{
    private static readonly string[] ChoiceWords = ["yes", "no", "abstain"];

    public static List<string> ChoicesLinkedToMembers(string json, IReadOnlyCollection<string> memberIds)
    {
        var found = new List<string>();
        using var document = JsonDocument.Parse(json);
        Walk(document.RootElement, "$", memberIds, found);
        return found;
    }

    private static void Walk(JsonElement element, string path, IReadOnlyCollection<string> members, List<string> found)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in element.EnumerateArray()) Walk(item, $"{path}[{i++}]", members, found);
            return;
        }
        if (element.ValueKind != JsonValueKind.Object) return;
        var strings = new List<string>();
        foreach (var property in element.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.String) strings.Add(property.Value.GetString()!);
            else Walk(property.Value, $"{path}.{property.Name}", members, found);
        }
        var member = strings.FirstOrDefault(members.Contains);
        var choice = strings.FirstOrDefault(s => ChoiceWords.Contains(s, StringComparer.OrdinalIgnoreCase));
        if (member is not null && choice is not null) found.Add($"{path}: {member} → {choice}");
    }
}
