using Commendations.Engine.Tests.Support;

namespace Commendations.Engine.Tests;

public class MigrationTests
{
    private static readonly WorkflowDefinition V1 = Repo.LoadDefinition(Path.Combine(Repo.Workflows, "bang-khen-chuyen-de.v1.json"));
    private static readonly WorkflowDefinition V2 = Repo.LoadDefinition(Path.Combine(Repo.Scenarios, "definitions", "bang-khen-chuyen-de.v2.json"));
    private static readonly DateTimeOffset Monday = new(2027, 3, 1, 9, 0, 0, TimeSpan.FromHours(7));

    private static RuntimeContext Ctx(DateTimeOffset now, params string[] committee) => new()
    {
        Now = now,
        Facts = NominationFacts.Empty.With("kind", "collective").With("awardForm", "bang-khen-tinh").With("dossierClose", new DateOnly(2027, 3, 10)),
        Committees = new Dictionary<string, IReadOnlyList<string>> { ["bcd-qcdc"] = committee.Length > 0 ? committee : ["m1", "m2", "m3"] },
        UnitScopes = new Dictionary<string, string> { ["nominating"] = "u-nom", ["appraisal"] = "u-app", ["province"] = "u-prov", ["committee-secretariat"] = "u-sec" },
    };

    private static readonly Actor Officer = Actor.User("officer", "u-nom", "emulationOfficer");

    private static InstanceState Do(InstanceState state, WorkflowCommand command, DateTimeOffset at, WorkflowDefinition? def = null)
    {
        var result = WorkflowRuntime.Execute(def ?? V1, state, command, Ctx(at));
        result.Error.Should().BeNull();
        return result.State;
    }

    /// <summary>v1, submitted Monday, m1 approved Tuesday: m2's turn.</summary>
    private static InstanceState MidCommittee()
    {
        var state = WorkflowRuntime.Start(V1, Ctx(Monday)).State;
        state = Do(state, new ActOnTask("unit-proposal:r1:1", Officer, "submit"), Monday.AddHours(1));
        return Do(state, new ActOnTask("committee-review:r1:2", Actor.User("m1"), "approve"), Monday.AddDays(1));
    }

    private static readonly DateTimeOffset Wednesday = Monday.AddDays(2);

    [Fact]
    public void Same_keys_map_automatically_and_approvals_already_given_stand()
    {
        var state = MidCommittee();
        var plan = InstanceMigrator.Plan(V1, V2, state, null, Ctx(Wednesday));

        plan.Problems.Should().BeEmpty();
        plan.Should().BeEquivalentTo(new { FromStep = "committee-review", MappedStep = "committee-review", MappedExplicitly = false, LandingStep = "committee-review" });
        plan.ClosingTasks.Select(t => t.TaskId).Should().Equal("committee-review:r1:3");
        var opened = plan.OpeningTasks.Should().ContainSingle().Subject;
        opened.Should().BeEquivalentTo(new { TaskId = "committee-review:r1:4", Assignee = Assignee.User("m2"), Sequence = 2 });
        EffectText.Time(opened.DueAt).Should().Be("2027-03-12 17:00", "v2 gives 7 working days from Wednesday");

        var applied = InstanceMigrator.Apply(V1, V2, state, null, Ctx(Wednesday), "admin", "route v2");
        applied.Succeeded.Should().BeTrue();
        applied.Effects.Select(EffectText.Render).Should().Equal(
            "TaskClosed committee-review:r1:3 migrated by admin",
            "DeadlineCancelled committee-review:r1:3",
            "StepEntered committee-review r1",
            "TaskOpened committee-review:r1:4 user:m2 #2 due 2027-03-12 17:00",
            "DeadlineScheduled committee-review:r1:4 due 2027-03-12 17:00 reminders [2027-03-10 08:00, 2027-03-12 08:00] escalate 2027-03-12 17:00");
        var migrated = applied.State;
        migrated.DefinitionVersion.Should().Be(2);
        migrated.History.Take(state.History.Count).Should().Equal(state.History);
        migrated.History.Should().ContainSingle(h => h.Event == HistoryEvent.Migrated).Which.Should().BeEquivalentTo(
            new { StepKey = "committee-review", FromStep = "committee-review", FromVersion = 1, ToVersion = 2, ActorUserId = "admin", Comment = "route v2" });

        // It continues on v2: m2 and m3 approve, then the step v2 inserted.
        migrated = Do(migrated, new ActOnTask("committee-review:r1:4", Actor.User("m2"), "approve"), Wednesday, V2);
        migrated = Do(migrated, new ActOnTask("committee-review:r1:5", Actor.User("m3"), "approve"), Wednesday, V2);
        migrated.CurrentStep.Should().Be("secretariat-review");
    }

    [Theory]
    [InlineData(new[] { "m3", "m1", "m2", "m4" }, "m3", 2, new[] { "m1", "m3", "m2", "m4" })]
    [InlineData(new[] { "m2", "m3" }, "m2", 1, new[] { "m2", "m3" })]
    public void A_changed_committee_keeps_approvals_of_members_still_on_it(string[] committee, string next, int sequence, string[] actingOrder)
    {
        var applied = InstanceMigrator.Apply(V1, V2, MidCommittee(), null, Ctx(Wednesday, committee));

        applied.State.OpenTasks.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Assignee = Assignee.User(next), Sequence = sequence });
        applied.State.Progress.Should().BeOfType<SequentialProgress>().Which.Members.Should().Equal(actingOrder);
    }

    [Fact]
    public void When_every_member_has_approved_the_step_is_left_at_once()
    {
        var applied = InstanceMigrator.Apply(V1, V2, MidCommittee(), null, Ctx(Wednesday, "m1"));
        applied.State.CurrentStep.Should().Be("secretariat-review");
        applied.Effects.Select(EffectText.Render).Should().Contain("TaskOpened secretariat-review:r1:4 role:secretary@u-sec #1 due 2027-03-08 17:00");
    }

    private static WorkflowDefinition V3 => V2 with
    {
        Version = 3,
        Steps = [.. V2.Steps.Select(s => s.Key == "committee-review" ? s with { Key = "steering-review" } : s)],
    };

    [Fact]
    public void A_step_missing_from_the_new_version_needs_a_mapping()
    {
        var plan = InstanceMigrator.Plan(V1, V3, MidCommittee(), null, Ctx(Wednesday));
        plan.CanApply.Should().BeFalse();
        plan.Problems.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Code = MigrationProblems.UnmappedStep,
            StepKey = "committee-review",
            Message = "Hồ sơ đang ở bước “committee-review”, mà phiên bản 3 không có; hãy ánh xạ bước này.",
        });
        InstanceMigrator.Apply(V1, V3, MidCommittee(), null, Ctx(Wednesday)).Should().BeEquivalentTo(new { Succeeded = false, Effects = Array.Empty<WorkflowEffect>() });
    }

    [Fact]
    public void An_explicit_mapping_continues_from_the_mapped_step()
    {
        var state = MidCommittee();
        var mapping = new Dictionary<string, string> { ["committee-review"] = "secretariat-review" };
        var plan = InstanceMigrator.Plan(V1, V2, state, mapping, Ctx(Wednesday));
        plan.Should().BeEquivalentTo(new { MappedStep = "secretariat-review", MappedExplicitly = true, LandingStep = "secretariat-review" });
        plan.OpeningTasks.Select(t => $"{t.Assignee} {EffectText.Time(t.DueAt)}").Should().Equal("role:secretary@u-sec 2027-03-08 17:00");

        var applied = InstanceMigrator.Apply(V1, V2, state, mapping, Ctx(Wednesday));
        applied.State.Round.Should().Be(1);
        applied.State.History.Select(h => h.Event).Should().StartWith(state.History.Select(h => h.Event));
    }

    [Fact]
    public void A_mapping_to_a_missing_step_is_refused_with_a_clear_problem()
    {
        var mapping = new Dictionary<string, string> { ["committee-review"] = "nowhere", ["ghost"] = "appraisal" };
        var state = MidCommittee();
        var applied = InstanceMigrator.Apply(V1, V2, state, mapping, Ctx(Wednesday));
        applied.Succeeded.Should().BeFalse();
        applied.State.Should().BeSameAs(state);
        applied.Effects.Should().BeEmpty();
        applied.Problems.Select(p => p.ToString()).Should().Equal(
            "unknown-target-step: Bước “committee-review” được ánh xạ đến “nowhere”, nhưng phiên bản 2 không có bước đó.",
            "unknown-source-step: Phiên bản 1 không có bước “ghost”.");
    }

    [Fact]
    public void An_end_step_is_a_target_only_when_mapped_explicitly()
    {
        var v4 = V2 with { Version = 4, Steps = [.. V2.Steps.Select(s => s.Key == "committee-review" ? new EndStep { Key = "committee-review", Result = EndResult.Rejected } : s)] };
        InstanceMigrator.Plan(V1, v4, MidCommittee(), null, Ctx(Wednesday)).Problems.Select(p => p.Code).Should().Equal(MigrationProblems.EndNeedsExplicitMapping);

        var plan = InstanceMigrator.Plan(V1, V2, MidCommittee(), new Dictionary<string, string> { ["committee-review"] = "awarded" }, Ctx(Wednesday));
        plan.Should().BeEquivalentTo(new { CanApply = true, LandingStep = "awarded", Completes = EndResult.Awarded });
        plan.OpeningTasks.Should().BeEmpty();
    }

    [Fact]
    public void A_wait_keeps_counting_from_when_it_started()
    {
        var state = MidCommittee();
        state = Do(state, new ActOnTask("committee-review:r1:3", Actor.User("m2"), "approve"), Wednesday);
        state = Do(state, new ActOnTask("committee-review:r1:4", Actor.User("m3"), "approve"), Wednesday);
        state.WaitUntil.Should().NotBeNull();
        var longer = V2 with { Steps = [.. V2.Steps.Select(s => s is WaitStep w ? w with { Duration = new WaitDuration { WorkingDays = 10 } } : s)] };

        var applied = InstanceMigrator.Apply(V1, longer, state, null, Ctx(Wednesday.AddDays(2)));
        applied.Effects.Select(EffectText.Render).Should().Equal("StepEntered public-disclosure r1", "WaitScheduled public-disclosure until 2027-03-17 17:00");
    }

    [Fact]
    public void Only_running_instances_of_the_old_version_migrate()
    {
        InstanceMigrator.Plan(V2, V2, MidCommittee(), null, Ctx(Wednesday)).Problems.Select(p => p.Code)
            .Should().Equal(MigrationProblems.SameVersion, MigrationProblems.DefinitionMismatch);
        var withdrawn = Do(MidCommittee(), new Withdraw(Officer), Wednesday);
        InstanceMigrator.Plan(V1, V2, withdrawn, null, Ctx(Wednesday)).Problems.Select(p => p.Code).Should().Contain(MigrationProblems.NotRunning);
    }

    [Fact]
    public void A_mapped_step_that_cannot_be_entered_is_a_problem()
    {
        var ctx = Ctx(Wednesday) with { Committees = new Dictionary<string, IReadOnlyList<string>>() };
        InstanceMigrator.Plan(V1, V2, MidCommittee(), null, ctx).Problems.Should().ContainSingle()
            .Which.Code.Should().Be(MigrationProblems.CannotEnter);
    }
}
