using System.Text.Json.Nodes;
using Commendations.Engine;
using Commendations.Features.Definitions;
using Commendations.Seeding;
using Commendations.Testing;
using Commendations.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Commendations.Tests.Workflow;

/// <summary>
/// "A definition that publishes cannot strand a nomination", as a property: many random definitions are built from the
/// language's constructs and the demo organisation's real roles, scopes, committees and published routes — and from
/// wrong ones (a role nobody has, a scope not configured, an escalation role nobody holds, a committee too small or
/// unknown, a missing submit or award). Each is validated as publication validates it; every one that passes is run
/// many times with the real engine against the real organisation, choosing at random among what real users may do,
/// and every run must reach an end — at each moment either a wait that ends by itself, or open tasks of which at least
/// one a real, active user may act on.
/// </summary>
public class RandomDefinitionsPropertyTests(RandomDefinitionsPropertyTests.Organisation organisation, ITestOutputHelper output)
    : IClassFixture<RandomDefinitionsPropertyTests.Organisation>
{
    private const int Definitions = 400;
    private const int RunsPerDefinition = 5;

    [Fact]
    public async Task Every_definition_that_passes_publication_validation_reaches_an_end_for_real_users()
    {
        var seed = Environment.GetEnvironmentVariable("PROPERTY_SEED") is { } s ? int.Parse(s) : 20261204;
        var random = new Random(seed);
        var generator = new RouteGenerator(organisation, random);
        int valid = 0, runs = 0, awarded = 0, rejected = 0, transitions = 0;
        var refusedFor = new Dictionary<string, int>();
        var failures = new List<string>();

        for (var i = 0; i < Definitions; i++)
        {
            var json = generator.Next(i);
            var parsed = WorkflowDefinitionParser.Parse(json.ToJsonString(), organisation.Validation);
            if (parsed.Definition is not { } definition)
            {
                foreach (var problem in parsed.Problems.Select(p => p.Template).Distinct())
                    refusedFor[problem] = refusedFor.GetValueOrDefault(problem) + 1;
                continue;
            }
            valid++;
            for (var run = 0; run < RunsPerDefinition; run++)
            {
                runs++;
                var walk = new Walk(organisation, definition, random);
                var outcome = walk.Run();
                transitions += walk.Transitions;
                if (outcome is EndResult.Awarded) awarded++;
                else if (outcome is EndResult.Rejected) rejected++;
                if (walk.Failure is { } failure)
                    failures.Add($"definition #{i} (seed {seed}), run {run}: {failure}\n{json.ToJsonString()}");
            }
        }

        output.WriteLine($"Seed {seed}: {Definitions} random definitions, {valid} passed publication validation and ran {runs} times " +
                         $"({transitions} transitions: {awarded} awarded, {rejected} rejected); {Definitions - valid} refused. Most frequent refusals:");
        foreach (var (template, count) in refusedFor.OrderByDescending(r => r.Value).Take(12))
            output.WriteLine($"  {count} × {template}");
        valid.Should().BeGreaterThan(Definitions / 5, "the generator builds mostly publishable routes");
        (Definitions - valid).Should().BeGreaterThan(Definitions / 10, "the generator also builds routes that would strand nominations");
        awarded.Should().BeGreaterThan(0);
        rejected.Should().BeGreaterThan(0);
        failures.Take(3).Should().BeEmpty();
    }

    /// <summary>The demo organisation as the application knows it: validation context, runtime context, who may act.</summary>
    public sealed class Organisation : DatabaseFixture
    {
        public ValidationContext Validation { get; private set; } = null!;
        public RuntimeContext Runtime { get; private set; } = null!;
        public IReadOnlyList<(string Role, string Scope)> HeldPairs { get; private set; } = [];
        public IReadOnlyList<string> Committees { get; private set; } = [];
        public IReadOnlyList<string> ConfiguredScopes { get; private set; } = [];

        /// <summary>Active users: id → (roles, unit).</summary>
        public IReadOnlyDictionary<string, (HashSet<string> Roles, string? Unit)> Users { get; private set; } = null!;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            var clock = new TestClock(TestClock.At(2026, 12, 1));
            await using var services = new ServiceCollection().AddLogging().AddCommendations(ConnectionString, demoScopes: true).AddTestAuditKey()
                .AddSingleton<TimeProvider>(clock).BuildServiceProvider();
            await using var scope = services.CreateAsyncScope();
            var organisationFacts = await scope.ServiceProvider.GetRequiredService<OrganisationFacts>().ReadAsync(default);
            var published = await scope.ServiceProvider.GetRequiredService<DefinitionCache>().PublishedAsync(default);
            Validation = organisationFacts.ToValidationContext() with { PublishedDefinitions = published };
            HeldPairs = organisationFacts.HeldRoles.Where(h => h.Scope != ValidationContext.AnyScope).Select(h => (h.Role, h.Scope)).ToList();
            Committees = organisationFacts.Committees.Select(c => c.Code).ToList();
            ConfiguredScopes = organisationFacts.Scopes.Keys.ToList();

            await using var db = CreateDbContext();
            var tanHoa = await db.Units.Where(u => u.Code == DemoUnits.TanHoa).Select(u => u.Id).SingleAsync();
            var contexts = scope.ServiceProvider.GetRequiredService<RuntimeContextFactory>();
            Runtime = new RuntimeContext
            {
                Now = clock.GetUtcNow(),
                Facts = NominationFacts.Empty.With(FactCatalog.Kind, "collective").With(FactCatalog.MemberCount, 28)
                    .With(FactCatalog.DossierClose, new DateOnly(2026, 12, 10)).With(FactCatalog.AwardForm, DemoCatalog.CertificateOfMerit),
                Calendar = await contexts.CalendarAsync(default),
                Committees = await contexts.CommitteesAsync(default),
                UnitScopes = await contexts.UnitScopesAsync(tanHoa, default),
                Callees = published,
            };
            var users = await (from user in db.Users
                               where user.LockoutEnd == null
                               join userRole in db.UserRoles on user.Id equals userRole.UserId
                               join role in db.Roles on userRole.RoleId equals role.Id
                               select new { user.Id, user.UnitId, Role = role.Name! }).ToListAsync();
            Users = users.GroupBy(u => u.Id).ToDictionary(g => g.Key.ToString(),
                g => (g.Select(u => u.Role).ToHashSet(StringComparer.Ordinal), g.First().UnitId?.ToString()));
        }
    }

    /// <summary>Random routes: a unit proposal, one to five middle steps, a decision; now and then a slip that strands.</summary>
    private sealed class RouteGenerator(Organisation organisation, Random random)
    {
        private static readonly string[] Kinds = ["task", "sequentialApproval", "parallelApproval", "vote", "wait", "branch", "parallel", "subRoute"];

        public JsonObject Next(int index)
        {
            var middle = Enumerable.Range(0, random.Next(1, 6)).Select(i => $"s{i}").ToList();
            var steps = new JsonArray { Proposal(middle[0]) };
            for (var i = 0; i < middle.Count; i++)
                steps.Add(Middle(middle[i], i + 1 < middle.Count ? middle[i + 1] : "decision"));
            steps.Add(Decision());
            steps.Add(new JsonObject { ["type"] = "end", ["key"] = "awarded", ["result"] = "Awarded" });
            steps.Add(new JsonObject { ["type"] = "end", ["key"] = "rejected", ["result"] = "Rejected" });
            steps.Add(new JsonObject { ["type"] = "end", ["key"] = "withdrawn", ["result"] = "Withdrawn" });
            return new JsonObject
            {
                ["id"] = $"random-{index}", ["version"] = 1, ["name"] = $"Tuyến ngẫu nhiên {index}",
                ["appliesTo"] = new JsonObject { ["nomineeKinds"] = new JsonArray("collective", "individual"), ["awardForms"] = new JsonArray(DemoCatalog.CertificateOfMerit) },
                ["start"] = "proposal", ["onWithdraw"] = "withdrawn", ["steps"] = steps,
            };
        }

        private bool Slip(int oneIn = 14) => random.Next(oneIn) == 0;

        private JsonObject Proposal(string next)
        {
            var actions = new JsonArray { Action("submit", next, Slip(30) ? null : "submit") };
            return new JsonObject
            {
                ["type"] = "task", ["key"] = "proposal", ["meaning"] = "proposal", ["title"] = "Đơn vị trình hồ sơ",
                ["assignee"] = new JsonObject { ["role"] = "emulationOfficer", ["scope"] = "nominating" },
                ["actions"] = actions, ["deadline"] = Deadline(campaignDate: true),
            };
        }

        private JsonObject Decision() => new()
        {
            ["type"] = "task", ["key"] = "decision", ["meaning"] = "decision",
            ["assignee"] = new JsonObject { ["role"] = "provincialLeader", ["scope"] = Slip(30) ? "inspectorate" : "province" },
            ["actions"] = new JsonArray { Action("award", "awarded", Slip(30) ? null : "award"), Action("reject", "rejected", "reject") },
            ["deadline"] = Deadline(),
        };

        private JsonObject Middle(string key, string next)
        {
            var kind = Kinds[random.Next(Kinds.Length)];
            var step = new JsonObject { ["type"] = kind, ["key"] = key };
            switch (kind)
            {
                case "task":
                    step["meaning"] = "appraisal";
                    step["assignee"] = Assignee();
                    step["actions"] = new JsonArray { Action("forward", next, "approve"), Action("return", "proposal", "returnForSupplement"), Action("reject", "rejected", "reject") };
                    break;
                case "sequentialApproval" or "parallelApproval":
                    step["committee"] = Committee();
                    step["transitions"] = Transitions(next);
                    if (kind == "parallelApproval")
                        step["required"] = random.Next(1, CommitteeSize(step["committee"]!.GetValue<string>()) + (Slip(5) ? 2 : 1));
                    break;
                case "vote":
                    step["committee"] = Committee();
                    step["quorum"] = Math.Round(0.5m + (decimal)random.NextDouble() / 2, 2);
                    step["passThreshold"] = Math.Round(0.5m + (decimal)random.NextDouble() / 2, 2);
                    step["transitions"] = new JsonObject { ["passed"] = next, ["failed"] = "rejected" };
                    break;
                case "wait":
                    if (random.Next(2) == 0) step["meaning"] = "disclosure";
                    step["duration"] = new JsonObject { ["workingDays"] = random.Next(1, 11) };
                    step["next"] = next;
                    return step;
                case "branch":
                    step["conditions"] = new JsonArray { new JsonObject
                    {
                        ["when"] = new JsonObject { ["fact"] = "memberCount", ["op"] = "gte", ["value"] = random.Next(10, 40) },
                        ["target"] = next,
                    } };
                    step["default"] = random.Next(3) == 0 ? "rejected" : next;
                    return step;
                case "parallel":
                    // Each branch has its own deadline; the step has none.
                    step["branches"] = new JsonArray(Branch("b1"), Branch("b2"));
                    step["transitions"] = Transitions(next);
                    return step;
                case "subRoute":
                    step["definition"] = Slip(10) ? "khong-co-quy-trinh" : "kiem-tra-ky-luat";
                    step["transitions"] = new JsonObject { ["awarded"] = next, ["rejected"] = "rejected" };
                    return step;
            }
            step["deadline"] = Deadline();
            if (random.Next(3) == 0) step["reminders"] = new JsonArray(new JsonObject { ["workingDaysBefore"] = 1 });
            if (random.Next(3) == 0) step["escalation"] = new JsonObject { ["notifyRole"] = NotifiedRole() };
            return step;
        }

        private JsonObject Branch(string key) => random.Next(3) == 0
            ? new JsonObject { ["key"] = key, ["committee"] = Committee(), ["deadline"] = Deadline() }
            : new JsonObject { ["key"] = key, ["assignee"] = Assignee(), ["deadline"] = Deadline() };

        private JsonObject Assignee()
        {
            if (Slip()) return new JsonObject { ["role"] = "inspector", ["scope"] = "appraisal" };
            if (Slip()) return new JsonObject { ["role"] = "appraiser", ["scope"] = "inspectorate" };
            if (Slip()) return new JsonObject { ["role"] = "provincialLeader", ["scope"] = "appraisal" };
            var (role, scope) = organisation.HeldPairs[random.Next(organisation.HeldPairs.Count)];
            return new JsonObject { ["role"] = role, ["scope"] = scope };
        }

        private string Committee() => Slip(20) ? "hd-khong-co" : organisation.Committees[random.Next(organisation.Committees.Count)];

        private string NotifiedRole() => Slip(4) ? "appraisalHead" : random.Next(2) == 0 ? "committeeChair" : "provincialLeader";

        private int CommitteeSize(string code) => organisation.Validation.SizeOf(code) ?? 1;

        private static JsonObject Transitions(string next) =>
            new() { ["approved"] = next, ["returned"] = "proposal", ["rejected"] = "rejected" };

        private static JsonObject Action(string name, string target, string? meaning)
        {
            var action = new JsonObject { ["name"] = name, ["target"] = target };
            if (meaning is not null) action["meaning"] = meaning;
            return action;
        }

        private JsonObject Deadline(bool campaignDate = false) => campaignDate
            ? new JsonObject { ["campaignDate"] = "dossierClose" }
            : new JsonObject { ["workingDays"] = random.Next(1, 21) };
    }

    /// <summary>One run of a definition with the real engine, acting as real users at random, until it ends or strands.</summary>
    private sealed class Walk(Organisation organisation, WorkflowDefinition definition, Random random)
    {
        private RuntimeContext _context = organisation.Runtime;
        private int _returns;

        public int Transitions { get; private set; }

        public string? Failure { get; private set; }

        public EndResult? Run()
        {
            var started = WorkflowRuntime.Start(definition, _context);
            if (!started.Succeeded) return Fail($"start refused: {started.Error}");
            var state = started.State;
            for (var step = 0; step < 400; step++)
            {
                if (state.Status == InstanceStatus.Completed) return state.Result;
                var next = Move(state);
                if (next is null) return null;
                state = next;
            }
            return Fail("no end after 400 moves");
        }

        private InstanceState? Move(InstanceState state)
        {
            if (state.OpenTasks.Count == 0)
            {
                if (state.ActiveWait() is not { } wait) return FailState($"stranded at '{state.CurrentPath()}': no open task and no wait");
                _context = _context with { Now = wait.Until.AddMinutes(1) };
                return Execute(state, new WaitElapsed(wait.StepKey));
            }
            var actionable = state.OpenTasks.Where(t => ActorFor(t.Assignee) is not null).ToList();
            if (actionable.Count == 0)
                return FailState($"stranded at '{state.CurrentPath()}': no active user may act on {string.Join(", ", state.OpenTasks.Select(t => t.Assignee))}");
            var task = actionable[random.Next(actionable.Count)];
            var actor = ActorFor(task.Assignee)!;
            var stepDefinition = StepPaths.Resolve(definition, task.StepKey, state, _context.Callees);
            if (stepDefinition is VoteStep)
            {
                var voted = Execute(state, new CastVote(task.StepKey, actor, random.Next(4) == 0 ? VoteChoice.No : VoteChoice.Yes));
                if (voted is null || voted.OpenTasks.Any(t => t.StepKey == task.StepKey)) return voted;
                return voted;
            }
            var actions = ActionsOf(stepDefinition);
            if (actions.Count == 0) return FailState($"the task at '{task.StepKey}' offers no action");
            return Execute(state, new ActOnTask(task.TaskId, actor, Choose(actions), "Ý kiến"));
        }

        /// <summary>Mostly forward, sometimes back or out; returns are limited so a run ends.</summary>
        private string Choose(IReadOnlyList<(string Name, ActionMeaning? Meaning)> actions)
        {
            var roll = random.Next(100);
            var wanted = roll < 12 && _returns < 3 ? ActionMeaning.ReturnForSupplement : roll < 22 ? ActionMeaning.Reject : (ActionMeaning?)null;
            if (wanted == ActionMeaning.ReturnForSupplement) _returns++;
            var chosen = actions.Where(a => wanted is null ? a.Meaning is not (ActionMeaning.ReturnForSupplement or ActionMeaning.Reject) : a.Meaning == wanted).ToList();
            if (chosen.Count == 0) chosen = actions.Where(a => a.Meaning is not ActionMeaning.ReturnForSupplement).ToList();
            return chosen[random.Next(chosen.Count)].Name;
        }

        private static IReadOnlyList<(string, ActionMeaning?)> ActionsOf(StepDefinition? step) => step switch
        {
            TaskStep task => task.Actions.Select(a => (a.Name, DefinitionMeanings.MeaningOf(step, a.Name))).ToList(),
            SequentialApprovalStep or ParallelApprovalStep => step.Edges().Select(e => e.Path switch
            {
                "transitions.approved" => (ApprovalAction.Approve, (ActionMeaning?)ActionMeaning.Approve),
                "transitions.returned" => (ApprovalAction.Return, ActionMeaning.ReturnForSupplement),
                _ => (ApprovalAction.Reject, ActionMeaning.Reject),
            }).ToList(),
            _ => [],
        };

        /// <summary>A real, active user who may act on the task: the member named, or someone holding the role in the unit.</summary>
        private Actor? ActorFor(Assignee assignee)
        {
            if (assignee.UserId is { } id)
                return organisation.Users.TryGetValue(id, out var user) ? new Actor(id, user.Roles, user.Unit) : null;
            var holder = organisation.Users.FirstOrDefault(u => u.Value.Roles.Contains(assignee.Role!) && u.Value.Unit == assignee.UnitId);
            return holder.Key is null ? null : new Actor(holder.Key, holder.Value.Roles, holder.Value.Unit);
        }

        private InstanceState? Execute(InstanceState state, WorkflowCommand command)
        {
            var result = WorkflowRuntime.Execute(definition, state, command, _context);
            Transitions++;
            return result.Succeeded ? result.State : FailState($"{command.GetType().Name} at '{state.CurrentPath()}' refused: {result.Error}");
        }

        private EndResult? Fail(string reason)
        {
            Failure = reason;
            return null;
        }

        private InstanceState? FailState(string reason)
        {
            Failure = reason;
            return null;
        }
    }
}
