using Commendations.Engine.Tests.Support;

namespace Commendations.Engine.Tests;

public class SimulationTests
{
    private static readonly WorkflowDefinition Certificate = Repo.LoadDefinition(Path.Combine(Repo.Workflows, "bang-khen-chuyen-de.v1.json"));
    private static readonly WorkflowDefinition Fighter = Repo.LoadDefinition(Path.Combine(Repo.Workflows, "csdt-tinh.v1.json"));

    private static readonly Dictionary<string, IReadOnlyList<string>> Committees = new()
    {
        ["bcd-qcdc"] = ["m1", "m2", "m3"],
        ["hdtdkt"] = ["c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9", "c10"],
    };

    private static readonly Dictionary<string, string> Scopes = new() { ["nominating"] = "u-nom", ["appraisal"] = "u-app", ["province"] = "u-prov" };

    private static SimulationResult Run(WorkflowDefinition definition, string scenarioJson) =>
        WorkflowSimulator.Run(definition, SimulationScenario.FromJson(scenarioJson), new WorkingCalendar(holidays: [new DateOnly(2027, 4, 16)]), Committees, Scopes);

    private static string Task(SimulatedTask t) =>
        $"{t.TaskId} {t.Assignee} opened {EffectText.Time(t.OpenedAt)} due {EffectText.Time(t.DueAt)} reminders [{string.Join(", ", t.Reminders.Select(EffectText.Time))}] {t.Outcome ?? "open"}{(t.Overdue ? " overdue" : "")}";

    [Fact]
    public void Certificate_all_approve_over_a_weekend()
    {
        var result = Run(Certificate, """
        { "name": "all approve", "start": "2027-03-05T16:30:00+07:00",
          "facts": { "kind": "collective", "awardForm": "bang-khen-tinh", "campaignType": "thematic", "dossierClose": "2027-03-10" },
          "actions": [ { "action": "submit" }, { "action": "approve" }, { "action": "approve" }, { "action": "approve" },
                       { "action": "waitElapses" }, { "action": "forward" }, { "action": "award", "delayWorkingHours": 4 } ] }
        """);

        result.Refusal.Should().BeNull();
        result.Result.Should().Be(EndResult.Awarded);
        result.StoppedAt.Should().BeNull();
        result.Path.Select(p => $"{p.StepKey} {EffectText.Time(p.EnteredAt)}").Should().Equal(
            "unit-proposal 2027-03-05 16:30",
            "committee-review 2027-03-08 08:30",   // Friday 16:30 + 1 working hour = Monday 08:30
            "public-disclosure 2027-03-08 11:30",
            "appraisal 2027-03-17 17:00",          // 7 working days after Monday
            "decision 2027-03-18 09:00",           // 17:00 + 1 working hour = next morning 09:00
            "awarded 2027-03-18 13:00");
        result.Path[2].WaitUntil.Should().Be(DateTimeOffset.Parse("2027-03-17T17:00:00+07:00"));
        result.Tasks.Select(Task).Should().Equal(
            // The 3-days-before reminder (Friday 08:00) was already past when the task opened.
            "unit-proposal:r1:1 role:emulationOfficer@u-nom opened 2027-03-05 16:30 due 2027-03-10 17:00 reminders [2027-03-10 08:00] submit",
            "committee-review:r1:2 user:m1 opened 2027-03-08 08:30 due 2027-03-15 17:00 reminders [2027-03-11 08:00, 2027-03-15 08:00] approve",
            "committee-review:r1:3 user:m2 opened 2027-03-08 09:30 due 2027-03-15 17:00 reminders [2027-03-11 08:00, 2027-03-15 08:00] approve",
            "committee-review:r1:4 user:m3 opened 2027-03-08 10:30 due 2027-03-15 17:00 reminders [2027-03-11 08:00, 2027-03-15 08:00] approve",
            "appraisal:r1:5 role:appraiser@u-app opened 2027-03-17 17:00 due 2027-04-14 17:00 reminders [2027-04-07 08:00, 2027-04-14 08:00] forward",
            "decision:r1:6 role:provincialLeader@u-prov opened 2027-03-18 09:00 due 2027-04-01 17:00 reminders [2027-03-30 08:00] award");
        result.Tasks[1].Escalation.Should().Be(new Escalation { NotifyRole = "committeeChair" });
        result.Effects.Should().OnlyContain(e => e.At >= DateTimeOffset.Parse("2027-03-05T16:30:00+07:00"));
        result.Effects[^1].Should().Be(new SimulatedEffect(6, DateTimeOffset.Parse("2027-03-18T13:00:00+07:00"), new InstanceCompleted(EndResult.Awarded)));
    }

    [Fact]
    public void A_return_and_resubmission_runs_a_second_round()
    {
        var result = Run(Certificate, """
        { "start": "2027-03-01T09:00:00+07:00",
          "facts": { "kind": "individual", "awardForm": "bang-khen-tinh", "dossierClose": "2027-03-10" },
          "actions": [ { "action": "submit" }, { "action": "approve" }, { "action": "return", "comment": "Thiếu minh chứng" },
                       { "action": "submit", "at": "2027-03-03T14:00:00+07:00" }, { "action": "approve" } ] }
        """);

        result.Refusal.Should().BeNull();
        result.StoppedAt.Should().Be("committee-review");
        result.FinalState.Round.Should().Be(2);
        result.Path.Select(p => $"{p.StepKey} r{p.Round}").Should().Equal("unit-proposal r1", "committee-review r1", "unit-proposal r2", "committee-review r2");
        result.Tasks.Select(t => $"{t.TaskId} {t.Assignee} {t.Outcome ?? "open"}").Should().Equal(
            "unit-proposal:r1:1 role:emulationOfficer@u-nom submit",
            "committee-review:r1:2 user:m1 approve",
            "committee-review:r1:3 user:m2 return",
            "unit-proposal:r2:4 role:emulationOfficer@u-nom submit",
            "committee-review:r2:5 user:m1 approve",
            "committee-review:r2:6 user:m2 open");
        result.Tasks[3].ClosedAt.Should().Be(DateTimeOffset.Parse("2027-03-03T14:00:00+07:00"));
    }

    [Fact]
    public void A_deadline_passing_notifies_the_chair_and_the_member_still_acts()
    {
        var result = Run(Certificate, """
        { "start": "2027-03-01T09:00:00+07:00",
          "facts": { "kind": "collective", "awardForm": "bang-khen-tinh", "dossierClose": "2027-03-10" },
          "actions": [ { "action": "submit" }, { "action": "letDeadlinePass" }, { "action": "approve" } ] }
        """);

        result.Refusal.Should().BeNull();
        result.Tasks[1].Should().BeEquivalentTo(new { TaskId = "committee-review:r1:2", Overdue = true, Outcome = "approve" });
        result.Tasks[1].ClosedAt.Should().Be(DateTimeOffset.Parse("2027-03-09T09:00:00+07:00"), "due Monday 17:00, acted 1 working hour later");
        result.Effects.Where(e => e.ActionIndex == 1).Select(e => $"{EffectText.Time(e.At)} {EffectText.Render(e.Effect)}").Should().Equal(
            "2027-03-08 17:00 Notify task-overdue user:m1 task committee-review:r1:2",
            "2027-03-08 17:00 Notify task-escalated role:committeeChair@- task committee-review:r1:2");
    }

    [Fact]
    public void A_council_vote_closed_by_its_escalation_fails_on_the_threshold()
    {
        var result = Run(Fighter, """
        { "start": "2027-04-12T08:00:00+07:00",
          "facts": { "kind": "individual", "awardForm": "csdt-tinh", "dossierClose": "2027-04-20" },
          "actions": [ { "action": "submit" }, { "action": "forward" }, { "action": "vote", "votes": { "yes": 8 } }, { "action": "letDeadlinePass" } ] }
        """);

        result.Refusal.Should().BeNull();
        result.Result.Should().Be(EndResult.Rejected);
        result.Path.Select(p => p.StepKey).Should().Equal("unit-proposal", "appraisal", "council-vote", "rejected");
        var ballots = result.Tasks.Where(t => t.StepKey == "council-vote").ToList();
        ballots.Should().HaveCount(10);
        ballots.Select(t => t.Outcome).Should().Equal("yes", "yes", "yes", "yes", "yes", "yes", "yes", "yes", "cancelled", "cancelled");
        // Opened Monday 10:00 with 10 working days and 16 April a holiday: due Tuesday 27 April.
        ballots[0].DueAt.Should().Be(DateTimeOffset.Parse("2027-04-27T17:00:00+07:00"));
        result.FinalState.History.Should().Contain(h => h.Event == HistoryEvent.VoteCounted && h.Outcome == "failed");
    }

    [Fact]
    public void A_council_vote_with_per_member_ballots_passes_and_the_title_is_awarded()
    {
        var result = Run(Fighter, """
        { "start": "2027-04-12T08:00:00+07:00",
          "facts": { "kind": "individual", "awardForm": "csdt-tinh", "dossierClose": "2027-04-20" },
          "actions": [ { "action": "submit" }, { "action": "forward" },
                       { "action": "vote", "votes": { "yes": 8 } },
                       { "action": "vote", "ballots": { "c9": "yes", "c10": "recuse" } },
                       { "action": "award" } ] }
        """);

        result.Refusal.Should().BeNull();
        result.Result.Should().Be(EndResult.Awarded);
        result.Path.Select(p => p.StepKey).Should().Equal("unit-proposal", "appraisal", "council-vote", "decision", "awarded");
    }

    [Fact]
    public void A_refused_action_stops_with_the_step_and_reason()
    {
        var result = Run(Certificate, """
        { "start": "2027-03-01T09:00:00+07:00",
          "facts": { "kind": "collective", "awardForm": "bang-khen-tinh", "dossierClose": "2027-03-10" },
          "actions": [ { "action": "approve" }, { "action": "submit" } ] }
        """);

        result.Refusal.Should().BeEquivalentTo(new { ActionIndex = 0, StepKey = "unit-proposal", Code = RuntimeErrors.InvalidAction });
        result.Refusal!.Reason.Should().Contain("không có thao tác này; các thao tác có: submit");
        result.StoppedAt.Should().Be("unit-proposal");
    }

    [Theory]
    [InlineData("""{ "action": "closeVote" }""", RuntimeErrors.NotCurrentStep)]
    [InlineData("""{ "action": "waitElapses" }""", SimulationErrors.NotAWait)]
    [InlineData("""{ "action": "vote", "votes": { "yes": 1 } }""", SimulationErrors.NotAVote)]
    [InlineData("""{ "action": "submit", "as": "someone" }""", SimulationErrors.NoOpenTask)]
    [InlineData("""{ "action": "submit", "at": "2027-02-01T09:00:00+07:00" }""", SimulationErrors.TimeGoesBack)]
    public void Actions_that_do_not_fit_the_current_step_are_refused(string action, string code)
    {
        var result = Run(Certificate, $$"""
        { "start": "2027-03-01T09:00:00+07:00", "facts": { "kind": "collective", "awardForm": "bang-khen-tinh", "dossierClose": "2027-03-10" },
          "actions": [ {{action}} ] }
        """);
        result.Refusal.Should().BeEquivalentTo(new { ActionIndex = 0, StepKey = "unit-proposal", Code = code });
    }

    [Fact]
    public void Actions_after_the_end_are_refused_and_bad_facts_stop_before_the_start()
    {
        var ended = Run(Certificate, """
        { "start": "2027-03-01T09:00:00+07:00", "facts": { "kind": "collective", "awardForm": "bang-khen-tinh", "dossierClose": "2027-03-10" },
          "actions": [ { "action": "withdraw" }, { "action": "submit" } ] }
        """);
        ended.Result.Should().Be(EndResult.Withdrawn);
        ended.Refusal.Should().BeEquivalentTo(new { ActionIndex = 1, Code = RuntimeErrors.InstanceCompleted });

        var badFact = Run(Certificate, """{ "start": "2027-03-01T09:00:00+07:00", "facts": { "memberCount": "many" } }""");
        badFact.Refusal.Should().BeEquivalentTo(new { ActionIndex = (int?)null, Code = SimulationErrors.InvalidFact });

        var notApplicable = Run(Fighter, """{ "start": "2027-03-01T09:00:00+07:00", "facts": { "kind": "collective" } }""");
        notApplicable.Refusal!.Code.Should().Be(RuntimeErrors.NotApplicable);
    }

    [Fact]
    public void A_draft_with_a_new_step_and_scope_can_be_simulated()
    {
        var v2 = Repo.LoadDefinition(Path.Combine(Repo.Scenarios, "definitions", "bang-khen-chuyen-de.v2.json"));
        var result = Run(v2, """
        { "start": "2027-03-01T09:00:00+07:00", "facts": { "kind": "collective", "awardForm": "bang-khen-tinh", "dossierClose": "2027-03-10" },
          "actions": [ { "action": "submit" }, { "action": "approve" }, { "action": "approve" }, { "action": "approve" }, { "action": "confirm" } ] }
        """);
        result.Refusal.Should().BeNull();
        result.Path.Select(p => p.StepKey).Should().Contain("secretariat-review");
        result.Tasks.Single(t => t.StepKey == "secretariat-review").Assignee.Should().Be(Assignee.RoleInUnit("secretary", "committee-secretariat"));
        result.StoppedAt.Should().Be("public-disclosure");
    }

    [Fact]
    public void Scenarios_round_trip_through_json_and_refuse_unknown_properties()
    {
        var scenario = SimulationScenario.FromJson("""
        { "name": "x", "start": "2027-03-01T09:00:00+07:00", "facts": { "kind": "collective", "memberCount": 25 }, "delayWorkingHours": 2,
          "actions": [ { "action": "approve", "as": "m2", "comment": "ok", "delayWorkingHours": 0.5 },
                       { "action": "vote", "ballots": { "c1": "yes", "c2": "Abstain" } }, { "action": "vote", "votes": { "yes": 2, "recuse": 1 } } ] }
        """);
        SimulationScenario.FromJson(scenario.ToJson()).ToJson().Should().Be(scenario.ToJson());
        scenario.Actions[1].Ballots!["c2"].Should().Be(VoteChoice.Abstain);
        FluentActions.Invoking(() => SimulationScenario.FromJson("""{ "start": "2027-03-01T09:00:00+07:00", "colour": "red" }"""))
            .Should().Throw<System.Text.Json.JsonException>();
    }

    [Theory]
    [InlineData("2027-03-05T16:30:00+07:00", 1, "2027-03-08 08:30")]
    [InlineData("2027-03-06T10:00:00+07:00", 1, "2027-03-08 09:00")]
    [InlineData("2027-03-08T07:00:00+07:00", 9, "2027-03-08 17:00")]
    [InlineData("2027-03-08T12:00:00+07:00", 10, "2027-03-09 13:00")]
    [InlineData("2027-04-15T17:30:00+07:00", 0.5, "2027-04-19 08:30")]
    public void Working_hours_skip_nights_weekends_and_holidays(string from, double hours, string expected)
    {
        var calendar = new WorkingCalendar(holidays: [new DateOnly(2027, 4, 16)]);
        EffectText.Time(calendar.AddWorkingHours(DateTimeOffset.Parse(from), (decimal)hours)).Should().Be(expected);
    }
}
