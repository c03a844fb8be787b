namespace Commendations.Engine;

internal sealed partial class Transition
{
    /// <summary>
    /// An administrator's repair: the open task goes to another person, at the same place in the review and with the
    /// same due time. Refused where moving it would change what the step means: a vote (each ballot is the member's own),
    /// a role's task (anyone holding the role takes it already), a parallel branch or a called route's task (their
    /// assignees are the branch's or the callee's), or someone who already has a turn in this review.
    /// </summary>
    public RuntimeError? Reassign(ReassignTask command)
    {
        if (SubRouteOf(command.TaskId) is not null)
            return Error(RuntimeErrors.NotReassignable, "Việc trong nhánh song song hoặc quy trình con không chuyển được cho người khác.");
        var index = IndexOfTask(command.TaskId);
        if (index < 0) return MissingTask(command.TaskId);
        var task = _tasks[index];
        if (BranchOf(task.StepKey) is not null)
            return Error(RuntimeErrors.NotReassignable, "Việc trong nhánh song song hoặc quy trình con không chuyển được cho người khác.");
        if (task.Assignee.UserId is not { } from)
            return Error(RuntimeErrors.NotReassignable, "Việc này giao cho {0}: ai giữ vai trò đó đều nhận được; hãy giao vai trò cho người cần nhận.",
                Named.Role(task.Assignee.Role));
        if (_definition.FindStep(task.StepKey) is VoteStep)
            return Error(RuntimeErrors.NotReassignable, "Phiếu biểu quyết là của riêng từng thành viên: không chuyển cho người khác.");
        if (from == command.NewUserId)
            return Error(RuntimeErrors.NotReassignable, "Việc này đã giao cho {0}.", Named.User(from));

        switch (_progress)
        {
            case SequentialProgress sequential when sequential.Members.Contains(command.NewUserId):
            case ParallelProgress parallel when parallel.Members.Contains(command.NewUserId):
                return Error(RuntimeErrors.NotReassignable, "{0} đã có lượt trong bước này; một người không xem xét hai lần.", Named.User(command.NewUserId));
            case SequentialProgress sequential:
                _progress = sequential with { Members = [.. sequential.Members.Select(m => m == from ? command.NewUserId : m)] };
                break;
            case ParallelProgress parallel:
                _progress = parallel with { Members = [.. parallel.Members.Select(m => m == from ? command.NewUserId : m)] };
                break;
        }
        _tasks[index] = task with { Assignee = Assignee.User(command.NewUserId) };
        _effects.Add(new TaskReassigned(task.TaskId, task.StepKey, from, command.NewUserId));
        _history.Add(new HistoryEntry(Now, _round, HistoryEvent.Reassigned, task.StepKey, command.NewUserId, command.ByUserId, command.Reason, task.TaskId));
        return null;
    }
}
