using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using Commendations.Engine;

namespace Commendations.Benchmarks;

/// <summary>
/// Transitions of the pure runtime on the shipped definitions, and on routes using the issue 15 constructs beside them. One benchmark operation = one transition; the
/// "Transitions/s" column (1 s / mean) puts each figure beside the reference SequentialApproval in the same run.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(TransitionsPerSecondConfig))]
public class EngineBenchmarks
{

    private static readonly DateTimeOffset T0 = new(2027, 3, 1, 9, 0, 0, TimeSpan.FromHours(7));

    private WorkflowDefinition _certificate = null!;
    private WorkflowDefinition _fighter = null!;
    private RuntimeContext _context = null!;
    private InstanceState _atCommittee = null!;
    private InstanceState _atVote = null!;
    private ActOnTask _approve = null!;
    private CastVote _vote = null!;
    private Actor _officer = null!, _appraiser = null!, _leader = null!, _inspector = null!;

    // Issue 15: the collective titles' route (parallel branches, then the discipline sub-route).
    private WorkflowDefinition _collective = null!;
    private RuntimeContext _collectiveContext = null!;
    private InstanceState _atJointCheck = null!;
    private InstanceState _inSubRoute = null!;
    private ActOnTask _branchApproval = null!;
    private ActOnTask _subRouteClear = null!;
    private WorkflowDefinition _route = null!;
    private RuntimeContext _routeContext = null!;
    private InstanceState _atAppraisal = null!, _atSecretVote = null!;
    private RuntimeContext _atLevel = null!;
    private Escalate _escalate = null!;
    private ActOnTask _forwardWithFinding = null!, _return = null!;
    private CastVote _secretVote = null!;

    [GlobalSetup]
    public void Setup()
    {
        _certificate = Load("bang-khen-chuyen-de.v1.json");
        _fighter = Load("csdt-tinh.v1.json");
        _context = new RuntimeContext
        {
            Now = T0,
            Facts = NominationFacts.Empty.With(FactCatalog.Kind, "individual").With(FactCatalog.DossierClose, new DateOnly(2027, 3, 10)),
            Calendar = new WorkingCalendar(holidays: [new DateOnly(2027, 4, 30), new DateOnly(2027, 5, 1)]),
            Committees = new Dictionary<string, IReadOnlyList<string>>
            {
                ["bcd-qcdc"] = ["m1", "m2", "m3"],
                ["hdtdkt"] = [.. Enumerable.Range(1, 10).Select(i => $"c{i}")],
            },
            UnitScopes = new Dictionary<string, string> { ["nominating"] = "u-1", ["appraisal"] = "u-2", ["province"] = "u-3" },
        };
        _officer = Actor.User("officer", "u-1", "emulationOfficer");
        _appraiser = Actor.User("appraiser", "u-2", "appraiser");
        _leader = Actor.User("leader", "u-3", "provincialLeader");

        _atCommittee = Must(WorkflowRuntime.Execute(_certificate, Must(WorkflowRuntime.Start(_certificate, _context)),
            new ActOnTask("unit-proposal:r1:1", _officer, "submit"), _context));
        _approve = new ActOnTask("committee-review:r1:2", Actor.User("m1"), ApprovalAction.Approve, "Đồng ý");

        var fighter = Must(WorkflowRuntime.Start(_fighter, _context));
        fighter = Must(WorkflowRuntime.Execute(_fighter, fighter, new ActOnTask("unit-proposal:r1:1", _officer, "submit"), _context));
        _atVote = Must(WorkflowRuntime.Execute(_fighter, fighter, new ActOnTask("appraisal:r1:2", _appraiser, "forward"), _context));
        _vote = new CastVote("council-vote", Actor.User("c1"), VoteChoice.Yes);

        _inspector = Actor.User("inspector", "u-4", "appraiser");
        _collective = Load("khen-thuong-tap-the.v1.json");
        _collectiveContext = _context with
        {
            Facts = NominationFacts.Empty.With(FactCatalog.Kind, "collective").With(FactCatalog.DossierClose, new DateOnly(2027, 3, 10)),
            UnitScopes = new Dictionary<string, string> { ["nominating"] = "u-1", ["appraisal"] = "u-2", ["province"] = "u-3", ["inspection"] = "u-4" },
            Callees = new CalleeDefinitions([Load("kiem-tra-ky-luat.v1.json")]),
        };
        _atJointCheck = Must(WorkflowRuntime.Execute(_collective, Must(WorkflowRuntime.Start(_collective, _collectiveContext)),
            new ActOnTask("unit-proposal:r1:1", _officer, "submit"), _collectiveContext));
        _branchApproval = new ActOnTask("joint-check/commendation-office:r1:2", _appraiser, ApprovalAction.Approve, "Đủ tiêu chuẩn");
        _inSubRoute = Must(WorkflowRuntime.Execute(_collective, Must(WorkflowRuntime.Execute(_collective, _atJointCheck, _branchApproval, _collectiveContext)),
            new ActOnTask("joint-check/inspectorate:r1:3", _inspector, ApprovalAction.Approve), _collectiveContext));
        _subRouteClear = new ActOnTask("discipline-check/complaint-check:r1:4", _inspector, "clear");
        SetupRoute();

        // Sanity: the benchmarked transitions succeed.
        Must(WorkflowRuntime.Execute(_collective, _atJointCheck, _branchApproval, _collectiveContext));
        Must(WorkflowRuntime.Execute(_collective, _inSubRoute, _subRouteClear, _collectiveContext));
        if (FullCollectiveRoute() is not { Status: InstanceStatus.Completed, Result: EndResult.Awarded })
        {
            throw new InvalidOperationException("The collective route did not end Awarded.");
        }
        Must(WorkflowRuntime.Execute(_certificate, _atCommittee, _approve, _context));
        Must(WorkflowRuntime.Execute(_route, _atAppraisal, _escalate, _atLevel));
        Must(WorkflowRuntime.Execute(_route, _atAppraisal, _forwardWithFinding, _routeContext));
        Must(WorkflowRuntime.Execute(_route, _atAppraisal, _return, _routeContext));
        Must(WorkflowRuntime.Execute(_route, _atSecretVote, _secretVote, _routeContext));
        Must(WorkflowRuntime.Execute(_fighter, _atVote, _vote, _context));
        if (FullCertificateRoute() is not { Status: InstanceStatus.Completed, Result: EndResult.Awarded })
        {
            throw new InvalidOperationException("The full route did not end Awarded.");
        }
    }

    /// <summary>A committee member approves; the next member's task opens with its deadline and reminders.</summary>
    [Benchmark(Baseline = true)]
    public TransitionResult SequentialApproval() => WorkflowRuntime.Execute(_certificate, _atCommittee, _approve, _context);

    /// <summary>One council member's ballot in a 10-member vote.</summary>
    [Benchmark]
    public TransitionResult CastVoteInCouncil() => WorkflowRuntime.Execute(_fighter, _atVote, _vote, _context);

    /// <summary>Start plus every transition to Awarded on the certificate route (8 transitions per invocation).</summary>
    [Benchmark(OperationsPerInvoke = 8)]
    public InstanceState FullCertificateRoute()
    {
        var ctx = _context;
        var s = WorkflowRuntime.Start(_certificate, ctx).State;
        s = WorkflowRuntime.Execute(_certificate, s, new ActOnTask("unit-proposal:r1:1", _officer, "submit"), ctx).State;
        s = WorkflowRuntime.Execute(_certificate, s, new ActOnTask("committee-review:r1:2", Actor.User("m1"), ApprovalAction.Approve), ctx).State;
        s = WorkflowRuntime.Execute(_certificate, s, new ActOnTask("committee-review:r1:3", Actor.User("m2"), ApprovalAction.Approve), ctx).State;
        s = WorkflowRuntime.Execute(_certificate, s, new ActOnTask("committee-review:r1:4", Actor.User("m3"), ApprovalAction.Approve), ctx).State;
        s = WorkflowRuntime.Execute(_certificate, s, new WaitElapsed("public-disclosure"), ctx with { Now = s.WaitUntil!.Value }).State;
        s = WorkflowRuntime.Execute(_certificate, s, new ActOnTask("appraisal:r1:5", _appraiser, "forward"), ctx).State;
        s = WorkflowRuntime.Execute(_certificate, s, new ActOnTask("decision:r1:6", _leader, "award"), ctx).State;
        return s;
    }

    /// <summary>One branch of a parallel step approves while the other is still open (the step waits).</summary>
    [Benchmark]
    public TransitionResult ParallelBranchApproval() => WorkflowRuntime.Execute(_collective, _atJointCheck, _branchApproval, _collectiveContext);

    /// <summary>The inspector clears the sub-route's task: the callee completes and the caller enters its decision step.</summary>
    [Benchmark]
    public TransitionResult SubRouteTaskCompletesCallee() => WorkflowRuntime.Execute(_collective, _inSubRoute, _subRouteClear, _collectiveContext);

    /// <summary>Start plus every transition to Awarded on the collective route: submit, two branches, the sub-route's check, the decision (6 transitions).</summary>
    [Benchmark(OperationsPerInvoke = 6)]
    public InstanceState FullCollectiveRoute()
    {
        var ctx = _collectiveContext;
        var s = WorkflowRuntime.Start(_collective, ctx).State;
        s = WorkflowRuntime.Execute(_collective, s, new ActOnTask("unit-proposal:r1:1", _officer, "submit"), ctx).State;
        s = WorkflowRuntime.Execute(_collective, s, new ActOnTask("joint-check/commendation-office:r1:2", _appraiser, ApprovalAction.Approve), ctx).State;
        s = WorkflowRuntime.Execute(_collective, s, new ActOnTask("joint-check/inspectorate:r1:3", _inspector, ApprovalAction.Approve), ctx).State;
        s = WorkflowRuntime.Execute(_collective, s, new ActOnTask("discipline-check/complaint-check:r1:4", _inspector, "clear"), ctx).State;
        s = WorkflowRuntime.Execute(_collective, s, new ActOnTask("decision:r1:5", _leader, "award"), ctx).State;
        return s;
    }

    /// <summary>The E2 route: appraisal open (with its escalation chain), and the secret council vote open (10 members).</summary>
    private void SetupRoute()
    {
        _route = Load("e2-route.v1.json");
        _routeContext = _context with { Facts = _context.Facts.With(FactCatalog.Kind, "collective").With(FactCatalog.AwardForm, "bang-khen-tinh").With(FactCatalog.Eligibility, "passed") };
        var state = Must(WorkflowRuntime.Start(_route, _routeContext));
        _atAppraisal = Must(WorkflowRuntime.Execute(_route, state, new ActOnTask("unit-proposal:r1:1", _officer, "submit"), _routeContext));
        var task = _atAppraisal.OpenTasks[0];
        _escalate = new Escalate(task.TaskId, 1, task.DueAt);
        _atLevel = _routeContext with { Now = task.Escalations![1].At };
        _forwardWithFinding = new ActOnTask(task.TaskId, _appraiser, "forward") { Outputs = new Dictionary<string, JsonElement> { ["finding"] = JsonSerializer.SerializeToElement("eligible") } };
        _return = new ActOnTask(task.TaskId, _appraiser, "return", "Thiếu minh chứng");
        _atSecretVote = Must(WorkflowRuntime.Execute(_route, _atAppraisal,
            _forwardWithFinding with { Outputs = new Dictionary<string, JsonElement> { ["finding"] = JsonSerializer.SerializeToElement("needsCouncil") } }, _routeContext));
        _secretVote = new CastVote("council", Actor.User("c1"), VoteChoice.Yes);
    }

    /// <summary>E2: an escalation chain's second level at its instant (the first one, missed, is performed first).</summary>
    [Benchmark]
    public TransitionResult EscalationLevels() => WorkflowRuntime.Execute(_route, _atAppraisal, _escalate, _atLevel);

    /// <summary>E2: the appraiser records a chosen finding; a branch reading it (and the default) leads to the decision's task.</summary>
    [Benchmark]
    public TransitionResult OutputThroughRouteDataBranch() => WorkflowRuntime.Execute(_route, _atAppraisal, _forwardWithFinding, _routeContext);

    /// <summary>E2: a return for supplement re-enters the unit's step under its re-entry deadline, reminders after the due day included.</summary>
    [Benchmark]
    public TransitionResult ReturnUnderReentryDeadline() => WorkflowRuntime.Execute(_route, _atAppraisal, _return, _routeContext);

    /// <summary>E2: one member's ballot in a 10-member secret vote (voters and counts apart).</summary>
    [Benchmark]
    public TransitionResult SecretBallotInCouncil() => WorkflowRuntime.Execute(_route, _atSecretVote, _secretVote, _routeContext);

    private static InstanceState Must(TransitionResult result) =>
        result.Succeeded ? result.State : throw new InvalidOperationException(result.Error?.ToString());

    private static WorkflowDefinition Load(string file)
    {
        using var stream = typeof(EngineBenchmarks).Assembly.GetManifestResourceStream("workflows/" + file)
            ?? throw new InvalidOperationException($"Embedded definition {file} not found.");
        using var reader = new StreamReader(stream);
        var result = WorkflowDefinitionParser.Parse(reader.ReadToEnd());
        return result.Definition ?? throw new InvalidOperationException(string.Join("; ", result.Problems));
    }
}
