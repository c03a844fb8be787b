using System.Text.Json;
using Commendations.Engine.Tests.Support;

namespace Commendations.Engine.Tests;

/// <summary>Runs every scenario file in Scenarios/*.json. The state is stored as JSON and read back between commands.</summary>
public class ScenarioTests
{
    private static readonly JsonSerializerOptions ReadOptions = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private static readonly Dictionary<string, ScenarioActor> DefaultActors = new()
    {
        ["officer"] = new("u-officer", ["emulationOfficer"], "u-nominating"),
        ["appraiser"] = new("u-appraiser", ["appraiser"], "u-appraisal"),
        ["leader"] = new("u-leader", ["provincialLeader"], "u-province"),
        ["inspector"] = new("u-inspector", ["appraiser"], "u-inspection"),
    };

    private static readonly Dictionary<string, string> DefaultScopes = new()
    {
        ["nominating"] = "u-nominating",
        ["appraisal"] = "u-appraisal",
        ["province"] = "u-province",
        ["inspection"] = "u-inspection",
    };

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Repo.Scenarios, "*.json").Order()) data.Add(Path.GetFileName(file));
        return data;
    }

    [Fact]
    public void There_are_scenarios() => Directory.GetFiles(Repo.Scenarios, "*.json").Should().HaveCountGreaterThan(10);

    [Theory]
    [MemberData(nameof(Files))]
    public void Scenario(string file)
    {
        var scenario = JsonSerializer.Deserialize<Scenario>(File.ReadAllText(Path.Combine(Repo.Scenarios, file)), ReadOptions)!;
        var definition = Repo.LoadDefinition(Path.Combine(Repo.Root, scenario.Definition));
        var actors = new Dictionary<string, ScenarioActor>(DefaultActors);
        foreach (var (name, actor) in scenario.Actors) actors[name] = actor;
        var baseContext = new RuntimeContext
        {
            Now = scenario.Start,
            Facts = BuildFacts(scenario.Facts),
            Calendar = new WorkingCalendar(holidays: scenario.Holidays),
            Committees = scenario.Committees.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value),
            UnitScopes = scenario.UnitScopes ?? DefaultScopes,
            Callees = new CalleeDefinitions(scenario.Callees.Select(c => Repo.LoadDefinition(Path.Combine(Repo.Root, c)))),
        };
        var path = new List<string>();

        var started = WorkflowRuntime.Start(definition, baseContext);
        Check(started, null, scenario.StartExpect ?? new Expectation(), "start", path);
        var state = RoundTrip(started.State);
        var now = scenario.Start;

        for (var i = 0; i < scenario.Script.Count; i++)
        {
            var step = scenario.Script[i];
            var label = $"script[{i}] {step.Note}";
            var (command, defaultAt) = ToCommand(step, state, actors);
            now = step.At ?? defaultAt ?? now;
            var result = WorkflowRuntime.Execute(definition, state, command, baseContext with { Now = now });
            Check(result, state, step.Expect, label, path);
            state = RoundTrip(result.State);
        }

        if (scenario.ExpectedPath is { } expectedPath) path.Should().Equal(expectedPath, "the path of entered steps");
        if (scenario.ExpectedResult is { } expectedResult) state.Result.ToString().Should().Be(expectedResult);
        if (scenario.ExpectedStatus is { } expectedStatus) state.Status.ToString().Should().Be(expectedStatus);
        if (scenario.ExpectedRound is { } expectedRound) state.Round.Should().Be(expectedRound);
        var history = state.History.Select(EffectText.Render).ToList();
        history.Should().ContainInOrder(scenario.ExpectedHistory, "history: " + string.Join(" | ", history));
    }

    private static void Check(TransitionResult result, InstanceState? input, Expectation expect, string label, List<string> path)
    {
        var effects = result.Effects.Select(EffectText.Render).ToList();
        var because = $"{label}: error {result.Error}; effects: {string.Join(" | ", effects)}";
        result.Succeeded.Should().Be(expect.Ok, because);
        if (!expect.Ok)
        {
            result.Error!.Code.Should().Be(expect.Error, because);
            result.Effects.Should().BeEmpty(because);
            if (input is not null) result.State.Should().BeSameAs(input, "a refused command leaves the state unchanged");
        }
        else
        {
            result.Error.Should().BeNull(because);
        }
        path.AddRange(result.Effects.OfType<StepEntered>().Select(e => e.StepKey));
        if (expect.Step is { } step) result.State.CurrentStep.Should().Be(step, because);
        if (expect.Round is { } round) result.State.Round.Should().Be(round, because);
        if (expect.Status is { } status) result.State.Status.ToString().Should().Be(status, because);
        if (expect.OpenTasks is { } tasks) result.State.OpenTasks.Select(EffectText.Render).Should().Equal(tasks, because);
        if (expect.Effects is { } exact) effects.Should().Equal(exact, because);
        if (expect.EffectsInclude is { } include) effects.Should().ContainInOrder(include, because);
    }

    private static InstanceState RoundTrip(InstanceState state)
    {
        var copy = InstanceState.FromJson(state.ToJson());
        copy.ToJson().Should().Be(state.ToJson());
        return copy;
    }

    private static (WorkflowCommand Command, DateTimeOffset? DefaultAt) ToCommand(ScriptStep step, InstanceState state, Dictionary<string, ScenarioActor> actors)
    {
        Actor ActorOf(string name) => actors.TryGetValue(name, out var a) ? new Actor(a.UserId, new HashSet<string>(a.Roles), a.UnitId) : Actor.User(name);

        if (step.Act is { } act) return (new ActOnTask(act.Task, ActorOf(act.By), act.Action, act.Comment), null);
        if (step.Vote is { } vote) return (new CastVote(vote.Step, ActorOf(vote.By), vote.Choice), null);
        if (step.CloseVote is { } close) return (new CloseVote(close.Step, close.By is null ? null : ActorOf(close.By)), null);
        if (step.WaitElapsed is { } wait) return (new WaitElapsed(wait.Step), state.WaitUntil);
        if (step.Withdraw is { } withdraw) return (new Withdraw(ActorOf(withdraw.By), withdraw.Comment), null);
        if (step.Deadline is { } deadline)
        {
            var due = deadline.Due ?? state.FindTask(deadline.Task)?.DueAt ?? DateTimeOffset.MinValue;
            return (new DeadlinePassed(deadline.Task, due), state.FindTask(deadline.Task)?.DueAt);
        }
        throw new InvalidOperationException("A script step needs one command.");
    }

    private static NominationFacts BuildFacts(Dictionary<string, JsonElement> facts)
    {
        var result = NominationFacts.Empty;
        foreach (var (name, value) in facts)
        {
            FactCatalog.TryGet(name, out var descriptor).Should().BeTrue($"fact {name} is known");
            result = descriptor.Type switch
            {
                FactType.Number => result.With(name, value.GetDecimal()),
                FactType.Date => result.With(name, DateOnly.Parse(value.GetString()!, System.Globalization.CultureInfo.InvariantCulture)),
                _ => result.With(name, value.GetString()!),
            };
        }
        return result;
    }
}
