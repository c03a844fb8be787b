namespace Commendations.Engine;

/// <summary>Builds the path, the task list and the timed effect list of a simulation from the runtime's effects.</summary>
internal sealed class SimulationRecorder(WorkflowDefinition definition, CalleeDefinitions callees)
{
    private readonly List<SimulatedStep> _path = [];
    private readonly List<SimulatedTask> _tasks = [];
    private readonly Dictionary<string, int> _taskIndex = new(StringComparer.Ordinal);
    private readonly List<SimulatedEffect> _effects = [];

    public DateTimeOffset OpenedAt(string taskId) => _tasks[_taskIndex[taskId]].OpenedAt;

    public void Record(int? actionIndex, DateTimeOffset at, IReadOnlyList<WorkflowEffect> effects)
    {
        foreach (var effect in effects)
        {
            _effects.Add(new SimulatedEffect(actionIndex, at, effect));
            switch (effect)
            {
                case StepEntered e:
                    _path.Add(new SimulatedStep(e.StepKey, e.Round, at));
                    break;
                case WaitScheduled e:
                    _path[^1] = _path[^1] with { WaitUntil = e.Until };
                    break;
                case TaskOpened e:
                    _taskIndex[e.TaskId] = _tasks.Count;
                    var escalation = (StepPaths.Resolve(definition, e.StepKey, null, callees) as HumanStep)?.Escalation;
                    _tasks.Add(new SimulatedTask(e.TaskId, e.StepKey, e.Assignee, e.Sequence, at, e.DueAt, e.ReminderTimes, e.EscalateAt, escalation)
                    {
                        EscalationTimes = e.Escalations,
                        PastAtEntry = e.PastAtEntry,
                    });
                    break;
                case TaskClosed e:
                    Update(e.TaskId, t => t with { ClosedAt = at, Outcome = e.Outcome, ClosedBy = e.ActorUserId });
                    break;
                case NotificationRequested { Template: "task-overdue" } e when e.Data.TryGetValue("taskId", out var overdue):
                    Update(overdue, t => t with { Overdue = true });
                    break;
                case NotificationRequested { Template: "task-escalated" } e when e.Data.TryGetValue("taskId", out var escalated):
                    var level = e.Data.TryGetValue("level", out var l) ? int.Parse(l, System.Globalization.CultureInfo.InvariantCulture) : 0;
                    Update(escalated, t => t with { Escalated = [.. t.Escalated, new EscalationTime(level, at)] });
                    break;
            }
        }
    }

    private void Update(string taskId, Func<SimulatedTask, SimulatedTask> change)
    {
        if (_taskIndex.TryGetValue(taskId, out var i)) _tasks[i] = change(_tasks[i]);
    }

    public SimulationResult Result(InstanceState state, SimulationRefusal? refusal) => new(_path, _tasks, _effects, state, refusal);
}
