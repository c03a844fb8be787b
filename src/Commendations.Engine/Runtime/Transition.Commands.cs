using System.Globalization;

namespace Commendations.Engine;

internal sealed partial class Transition
{
    public RuntimeError? Act(string taskId, Actor actor, string action, string? comment, bool bySystem,
        IReadOnlyDictionary<string, System.Text.Json.JsonElement>? outputs)
    {
        if (SubRouteOf(taskId) is { } subRoute) return RouteToSubRoute(subRoute, taskId, inner => inner.Act(Inner(taskId), actor, action, comment, bySystem, outputs));
        var index = IndexOfTask(taskId);
        if (index < 0) return MissingTask(taskId);
        var task = _tasks[index];
        var actorId = bySystem ? Actor.SystemUserId : actor.UserId;
        if (BranchOf(task.StepKey) is { } fork) return ActOnBranch(fork.Step, fork.Branch, index, actor, action, comment, bySystem);

        switch (_definition.FindStep(task.StepKey))
        {
            case TaskStep step:
                if (!bySystem && (task.Assignee.Role is null || !actor.Roles.Contains(task.Assignee.Role) || actor.UnitId != task.Assignee.UnitId))
                {
                    return Error(RuntimeErrors.NotAssignee, "Việc này dành cho {0} của {1}.", Named.Role(task.Assignee.Role), Named.Unit(task.Assignee.UnitId));
                }
                if (step.FindAction(action) is not { } chosen)
                {
                    return Error(RuntimeErrors.InvalidAction, "Bước “{0}” không có thao tác này; các thao tác có: {1}.", Named.Step(step.Key),
                        EngineText.List(step.Actions.Select(a => Named.Action(step.Key, a.Name))));
                }
                if (RecordOutputs(step, chosen, outputs, bySystem, out var recorded) is { } badOutput) return badOutput;
                CloseTask(index, action, actorId);
                _history.Add(new HistoryEntry(Now, _round, HistoryEvent.Acted, step.Key, action, actorId, comment, taskId)
                    { Outputs = recorded, SubstituteUserId = bySystem ? null : actor.SubstituteUserId });
                return Leave(action, chosen.Target, chosen.IncreasesRound, actorId);

            case SequentialApprovalStep step:
                if (CheckMember(task, actor, bySystem) is { } notMember) return notMember;
                if (NoOutputsHere(outputs, step.Key) is { } seqOutputs) return seqOutputs;
                if (ApprovalTarget(step.Transitions, action, out var seqTarget) is { } badSeq) return badSeq;
                CloseTask(index, action, actorId);
                RecordActed(step.Key, action, actorId, comment, taskId, bySystem ? null : actor.SubstituteUserId);
                if (action != ApprovalAction.Approve) return Leave(Outcome(action), seqTarget, action == ApprovalAction.Return, actorId);
                var progress = (SequentialProgress)_progress!;
                var next = progress.Index + 1;
                if (next >= progress.Members.Count) return Leave("approved", seqTarget, false, actorId);
                _progress = progress with { Index = next };
                var error = ComputeDeadline(step, out var due, out var reminders);
                if (error is not null) return error;
                OpenTask(step, Assignee.User(progress.Members[next]), next + 1, due, reminders);
                return null;

            case ParallelApprovalStep step:
                if (CheckMember(task, actor, bySystem) is { } notAssignee) return notAssignee;
                if (NoOutputsHere(outputs, step.Key) is { } parOutputs) return parOutputs;
                if (ApprovalTarget(step.Transitions, action, out var parTarget) is { } badPar) return badPar;
                CloseTask(index, action, actorId);
                RecordActed(step.Key, action, actorId, comment, taskId, bySystem ? null : actor.SubstituteUserId);
                var parallel = (ParallelProgress)_progress!;
                var member = task.Assignee.UserId!;
                if (action == ApprovalAction.Approve)
                {
                    _progress = parallel = parallel with { Approvals = [.. parallel.Approvals, member] };
                    return parallel.Approvals.Count >= step.Required ? Leave("approved", parTarget, false, actorId) : null;
                }
                if (action == ApprovalAction.Return) return Leave("returned", parTarget, true, actorId);
                if (step.OnRejection == OnRejection.RejectImmediately) return Leave("rejected", parTarget, false, actorId);
                _progress = parallel = parallel with { Rejections = [.. parallel.Rejections, member] };
                var stillOpen = _tasks.Count(t => t.StepKey == step.Key);
                return parallel.Approvals.Count + stillOpen < step.Required ? Leave("rejected", parTarget, false, actorId) : null;

            case VoteStep step:
                return Error(RuntimeErrors.InvalidAction, "Bước “{0}” là bước bỏ phiếu: hãy bỏ phiếu thay vì chọn thao tác.", Named.Step(step.Key));

            default:
                return Error(RuntimeErrors.UnknownTask, "Việc này không thuộc bước nào do người xử lý.");
        }
    }

    /// <summary>Outputs are recorded by task actions only.</summary>
    private RuntimeError? NoOutputsHere(IReadOnlyDictionary<string, System.Text.Json.JsonElement>? outputs, string stepKey) =>
        outputs is { Count: > 0 } ? Error(RuntimeErrors.InvalidOutput, "Bước “{0}” không ghi nhận kết quả nào.", Named.Step(stepKey)) : null;

    private static string Outcome(string action) => action switch
    {
        ApprovalAction.Approve => "approved",
        ApprovalAction.Return => "returned",
        _ => "rejected",
    };

    private RuntimeError? CheckMember(OpenTask task, Actor actor, bool bySystem)
    {
        if (bySystem || actor.UserId == task.Assignee.UserId) return null;
        return _progress is { } progress && progress.Members.Contains(actor.UserId)
            ? Error(RuntimeErrors.NotYourTurn, "Chưa đến lượt bạn: việc này đang chờ {0} xử lý.", Named.User(task.Assignee.UserId))
            : Error(RuntimeErrors.NotAssignee, "Bạn không phải người xử lý bước “{0}”.", Named.Step(task.StepKey));
    }

    private static RuntimeError? ApprovalTarget(ApprovalTransitions transitions, string action, out string target)
    {
        target = action switch
        {
            ApprovalAction.Approve => transitions.Approved,
            ApprovalAction.Return => transitions.Returned ?? "",
            ApprovalAction.Reject => transitions.Rejected ?? "",
            _ => "",
        };
        return target.Length > 0
            ? null
            : Error(RuntimeErrors.InvalidAction, "Thao tác này không có ở đây; các thao tác có: {0}.",
                EngineText.List(SequentialApprovalStep.ApprovalActions(transitions).Select(a => Named.Action(null, a))));
    }

    /// <summary>An action on a task, with the substitute who took it in the assignee's place, if any.</summary>
    private void RecordActed(string stepKey, string action, string actorId, string? comment, string taskId, string? substitute) =>
        _history.Add(new HistoryEntry(Now, _round, HistoryEvent.Acted, stepKey, action, actorId, comment, taskId) { SubstituteUserId = substitute });

    public RuntimeError? CastVote(CastVote command)
    {
        // Council decisions are the members' own (collective decision by majority of members; an absent member gives
        // their opinion in writing — never through someone else): docs/substitutes.md.
        if (command.Actor.SubstituteUserId is not null)
            return Error(RuntimeErrors.PersonalVote, "Biểu quyết là quyền của cá nhân thành viên: {0} không bỏ phiếu thay {1} được.",
                Named.User(command.Actor.SubstituteUserId), Named.User(command.Actor.UserId));
        if (SubRouteOf(command.StepKey) is { } subRoute) return RouteToSubRoute(subRoute, null, inner => inner.CastVote(command with { StepKey = Inner(command.StepKey) }));
        if (CurrentVote(command.StepKey, out var step, out var progress) is { } error) return error;
        var voter = command.Actor.UserId;
        if (!progress.Members.Contains(voter)) return Error(RuntimeErrors.NotAMember, "{0} không phải thành viên của {1}.", Named.User(voter), Named.Committee(step.Committee));
        if (progress.HasVoted(voter)) return Error(RuntimeErrors.AlreadyVoted, "{0} đã bỏ phiếu.", Named.User(voter));
        if (step.Secret) return CastSecret(step, progress, [voter], new VoteTally().Add(command.Choice), command.Comment);
        _progress = progress = progress with { Ballots = [.. progress.Ballots, new Ballot(voter, command.Choice)] };
        var choice = command.Choice.ToString().ToLowerInvariant();
        for (var i = 0; i < _tasks.Count; i++)
        {
            if (_tasks[i].StepKey == step.Key && _tasks[i].Assignee.UserId == voter)
            {
                CloseTask(i, choice, voter);
                break;
            }
        }
        Record(HistoryEvent.Voted, step.Key, choice, voter, command.Comment);
        return progress.VotedCount == progress.Members.Count ? Decide(step, progress, voter, explicitClose: false) : null;
    }

    public RuntimeError? CloseVote(string stepKey, string? actorUserId, bool explicitClose)
    {
        if (SubRouteOf(stepKey) is { } subRoute) return RouteToSubRoute(subRoute, null, inner => inner.CloseVote(Inner(stepKey), actorUserId, explicitClose));
        if (CurrentVote(stepKey, out var step, out var progress) is { } error) return error;
        return Decide(step, progress, actorUserId, explicitClose);
    }

    private RuntimeError? CurrentVote(string stepKey, out VoteStep step, out VoteProgress progress)
    {
        if (_current == stepKey && _definition.FindStep(stepKey) is VoteStep vote && _progress is VoteProgress p)
        {
            step = vote;
            progress = p;
            return null;
        }
        step = null!;
        progress = null!;
        return Error(RuntimeErrors.NotCurrentStep, "Hồ sơ không ở bước bỏ phiếu “{0}”.", Named.Step(stepKey));
    }

    /// <summary>
    /// The vote rule. N = members (minus recused members under <see cref="RecusalRule.ReducesMembership"/>).
    /// Participants = yes + no + abstain. Quorum when participants / N ≥ quorum; passed when yes / N ≥ pass threshold.
    /// Without quorum: the <c>noQuorum</c> transition, or (without one) the vote stays open and an explicit close is refused.
    /// </summary>
    private RuntimeError? Decide(VoteStep step, VoteProgress progress, string? actorUserId, bool explicitClose)
    {
        int yes = 0, no = 0, abstain = 0, recused = 0;
        if (progress.Tally is { } counts) (yes, no, abstain, recused) = (counts.Yes, counts.No, counts.Abstain, counts.Recuse);
        foreach (var ballot in progress.Ballots)
        {
            switch (ballot.Choice)
            {
                case VoteChoice.Yes: yes++; break;
                case VoteChoice.No: no++; break;
                case VoteChoice.Abstain: abstain++; break;
                default: recused++; break;
            }
        }
        var denominator = progress.Members.Count - (step.Recusal == RecusalRule.ReducesMembership ? recused : 0);
        var participants = yes + no + abstain;
        var tally = string.Create(CultureInfo.InvariantCulture, $"yes {yes}, no {no}, abstain {abstain}, recused {recused}, members {progress.Members.Count}, denominator {denominator}");
        var quorum = denominator > 0 && (decimal)participants / denominator >= step.Quorum;
        VoteResult Result(string outcome) => new()
        {
            StepKey = step.Key, Round = _round, Yes = yes, No = no, Abstain = abstain, Recused = recused, Members = progress.Members.Count, Outcome = outcome,
        };
        if (!quorum)
        {
            if (step.Transitions.NoQuorum is { } noQuorumTarget)
            {
                _lastVote = Result("noQuorum");
                _history.Add(new HistoryEntry(Now, _round, HistoryEvent.VoteCounted, step.Key, "noQuorum", actorUserId, tally) { Vote = _lastVote });
                return Leave("noQuorum", noQuorumTarget, false, actorUserId);
            }
            return explicitClose ? Error(RuntimeErrors.NoQuorum, "Chưa đủ tỷ lệ tham dự: {0} tán thành, {1} không tán thành, {2} không biểu quyết, {3} không tham gia trên {4} thành viên; cần ít nhất {5:P0} tham dự.",
                yes, no, abstain, recused, progress.Members.Count, step.Quorum) : null;
        }
        var passed = (decimal)yes / denominator >= step.PassThreshold;
        var outcome = passed ? Outcomes.Passed : Outcomes.Failed;
        _lastVote = Result(outcome);
        _history.Add(new HistoryEntry(Now, _round, HistoryEvent.VoteCounted, step.Key, outcome, actorUserId, tally) { Vote = _lastVote });
        return Leave(outcome, passed ? step.Transitions.Passed : step.Transitions.Failed, false, actorUserId);
    }

    private static readonly Actor SystemActor = new(Actor.SystemUserId, new HashSet<string>(), null);

    public RuntimeError? WaitElapsed(WaitElapsed command)
    {
        if (SubRouteOf(command.StepKey) is { } subRoute) return RouteToSubRoute(subRoute, null, inner => inner.WaitElapsed(command with { StepKey = Inner(command.StepKey) }));
        if (_current != command.StepKey || _definition.FindStep(command.StepKey) is not WaitStep wait)
        {
            return Error(RuntimeErrors.NotCurrentStep, "Hồ sơ không ở thời gian chờ “{0}”.", Named.Step(command.StepKey));
        }
        if (_waitUntil is { } until && Now < until)
        {
            if (command.EndedEarlyBy is null)
                return Error(RuntimeErrors.WaitNotElapsed, "Thời gian chờ kết thúc lúc {0}.", EngineText.Time(until, _context.Calendar.UtcOffset));
            Record(HistoryEvent.WaitEndedEarly, _current, "endedEarly", command.EndedEarlyBy, command.Reason);
        }
        return Leave("elapsed", wait.Next, false, null);
    }

    public RuntimeError? Withdraw(Withdraw command)
    {
        while (_tasks.Count > 0) CloseTask(0, Outcomes.Withdrawn, command.Actor.UserId);
        Record(HistoryEvent.Withdrawn, _current, Outcomes.Withdrawn, command.Actor.UserId, command.Comment);
        if (_definition.OnWithdraw is { } target) return Leave(Outcomes.Withdrawn, target, false, command.Actor.UserId);
        _status = InstanceStatus.Completed;
        _result = EndResult.Withdrawn;
        _progress = null;
        _waitUntil = null;
        _effects.Add(new InstanceCompleted(EndResult.Withdrawn));
        Record(HistoryEvent.Completed, _current, nameof(EndResult.Withdrawn), command.Actor.UserId);
        return null;
    }
}
