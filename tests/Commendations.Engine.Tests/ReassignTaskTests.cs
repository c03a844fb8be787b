namespace Commendations.Engine.Tests;

/// <summary>The reassignment repair keeps each step's meaning: a review turn moves to a new person, a vote or a role's task never does.</summary>
public class ReassignTaskTests
{
    private static readonly DateTimeOffset Monday = new(2027, 3, 1, 9, 0, 0, TimeSpan.FromHours(7));
    private static readonly Actor Officer = Actor.User("officer", "u-nom", "emulationOfficer");

    private static readonly WorkflowDefinition Route = WorkflowDefinitionParser.Parse("""
        { "id": "r", "version": 1, "name": "r", "appliesTo": { "nomineeKinds": ["collective"], "awardForms": ["x"] }, "start": "unit",
          "steps": [
            { "type": "task", "key": "unit", "assignee": { "role": "emulationOfficer", "scope": "nominating" },
              "actions": [ { "name": "submit", "target": "review" } ], "deadline": { "workingDays": 5 } },
            { "type": "sequentialApproval", "key": "review", "committee": "c",
              "transitions": { "approved": "vote", "returned": "unit", "rejected": "no" }, "deadline": { "workingDays": 5 } },
            { "type": "vote", "key": "vote", "committee": "c", "quorum": 0.5, "passThreshold": 0.5,
              "transitions": { "passed": "yes", "failed": "no" }, "deadline": { "workingDays": 5 } },
            { "type": "end", "key": "yes", "result": "Awarded" }, { "type": "end", "key": "no", "result": "Rejected" } ] }
        """).Definition ?? throw new InvalidOperationException("The test's route does not parse.");

    private static readonly RuntimeContext Ctx = new()
    {
        Now = Monday,
        Committees = new Dictionary<string, IReadOnlyList<string>> { ["c"] = ["m1", "m2", "m3"] },
        UnitScopes = new Dictionary<string, string> { ["nominating"] = "u-nom" },
    };

    private static InstanceState AtReview()
    {
        var state = WorkflowRuntime.Start(Route, Ctx).State;
        return InstanceState.FromJson(WorkflowRuntime.Execute(Route, state, new ActOnTask(state.OpenTasks[0].TaskId, Officer, "submit"), Ctx).State.ToJson());
    }

    [Fact]
    public void A_review_turn_moves_to_the_new_person_who_then_acts_in_that_place()
    {
        var state = AtReview();
        var task = state.OpenTasks.Single();
        task.Assignee.UserId.Should().Be("m1");

        var moved = WorkflowRuntime.Execute(Route, state, new ReassignTask(task.TaskId, "m4", "admin", "m1 nghỉ công tác"), Ctx);

        moved.Error.Should().BeNull();
        moved.Effects.Should().ContainSingle().Which.Should().Be(new TaskReassigned(task.TaskId, "review", "m1", "m4"));
        state = InstanceState.FromJson(moved.State.ToJson());
        state.OpenTasks.Single().Should().Match<OpenTask>(t => t.Assignee.UserId == "m4" && t.DueAt == task.DueAt && t.TaskId == task.TaskId);
        state.History.Last().Should().Match<HistoryEntry>(h => h.Event == HistoryEvent.Reassigned && h.ActorUserId == "admin" && h.Outcome == "m4");
        // m1 can no longer act; m4 can, and the review goes on to m2.
        WorkflowRuntime.Execute(Route, state, new ActOnTask(task.TaskId, Actor.User("m1", null), "approve"), Ctx).Error.Should().NotBeNull();
        state = InstanceState.FromJson(WorkflowRuntime.Execute(Route, state, new ActOnTask(task.TaskId, Actor.User("m4", null), "approve"), Ctx).State.ToJson());
        state.OpenTasks.Single().Assignee.UserId.Should().Be("m2");
    }

    [Fact]
    public void A_member_with_a_turn_already_a_role_task_and_a_ballot_are_never_moved()
    {
        var state = AtReview();
        var review = state.OpenTasks.Single();
        WorkflowRuntime.Execute(Route, state, new ReassignTask(review.TaskId, "m2", "admin", "x"), Ctx).Error!.Code.Should().Be(RuntimeErrors.NotReassignable);

        var start = WorkflowRuntime.Start(Route, Ctx).State;
        WorkflowRuntime.Execute(Route, start, new ReassignTask(start.OpenTasks[0].TaskId, "m4", "admin", "x"), Ctx).Error!.Code
            .Should().Be(RuntimeErrors.NotReassignable, "the unit's task is for its officers, whoever holds the role");

        foreach (var member in new[] { "m1", "m2", "m3" })
            state = InstanceState.FromJson(WorkflowRuntime.Execute(Route, state, new ActOnTask(state.OpenTasks.Single().TaskId, Actor.User(member, null), "approve"), Ctx).State.ToJson());
        state.CurrentStep.Should().Be("vote");
        WorkflowRuntime.Execute(Route, state, new ReassignTask(state.OpenTasks[0].TaskId, "m4", "admin", "x"), Ctx).Error!.Code
            .Should().Be(RuntimeErrors.NotReassignable, "a ballot is the member's own");
    }
}
