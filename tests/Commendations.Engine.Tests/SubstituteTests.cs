namespace Commendations.Engine.Tests;

/// <summary>
/// A substitute acts in an away member's place: the review still counts the member's turn, the history says who really
/// acted; a council ballot is personal and is never cast by a substitute.
/// </summary>
public class SubstituteTests
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

    private static InstanceState Run(InstanceState state, WorkflowCommand command)
    {
        var result = WorkflowRuntime.Execute(Route, state, command, Ctx);
        result.Error.Should().BeNull();
        return InstanceState.FromJson(result.State.ToJson());
    }

    private static InstanceState AtReview()
    {
        var state = WorkflowRuntime.Start(Route, Ctx).State;
        return Run(state, new ActOnTask(state.OpenTasks[0].TaskId, Officer, "submit"));
    }

    [Fact]
    public void A_substitute_approves_in_the_members_place_and_the_history_names_both()
    {
        var state = AtReview();
        var task = state.OpenTasks.Single();

        state = Run(state, new ActOnTask(task.TaskId, Actor.User("m1", null) with { SubstituteUserId = "s1" }, "approve", "Đồng ý"));

        var acted = state.History.Last(h => h.Event == HistoryEvent.Acted);
        acted.Should().Match<HistoryEntry>(h => h.ActorUserId == "m1" && h.SubstituteUserId == "s1" && h.TaskId == task.TaskId);
        state.OpenTasks.Single().Assignee.UserId.Should().Be("m2", "the member's turn is taken; the review goes on to the next member");
    }

    [Fact]
    public void An_action_without_a_substitute_records_none()
    {
        var state = AtReview();
        state = Run(state, new ActOnTask(state.OpenTasks.Single().TaskId, Actor.User("m1", null), "approve"));
        state.History.Last(h => h.Event == HistoryEvent.Acted).SubstituteUserId.Should().BeNull();
        state.ToJson().Should().NotContain("substituteUserId", "an ordinary action stores nothing more than before");
    }

    [Fact]
    public void A_substitute_cannot_cast_a_members_ballot_and_the_vote_is_unchanged()
    {
        var state = AtReview();
        foreach (var member in new[] { "m1", "m2", "m3" })
            state = Run(state, new ActOnTask(state.OpenTasks.Single().TaskId, Actor.User(member, null), "approve"));
        state.CurrentStep.Should().Be("vote");

        var refused = WorkflowRuntime.Execute(Route, state, new CastVote("vote", Actor.User("m1", null) with { SubstituteUserId = "s1" }, VoteChoice.Yes), Ctx);

        refused.Error!.Code.Should().Be(RuntimeErrors.PersonalVote);
        refused.Effects.Should().BeEmpty();
        // The member can still vote in person.
        state = Run(state, new CastVote("vote", Actor.User("m1", null), VoteChoice.Yes));
        state.History.Last().Should().Match<HistoryEntry>(h => h.Event == HistoryEvent.Voted && h.ActorUserId == "m1");
    }
}
