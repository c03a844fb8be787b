namespace Commendations.Domain.Workflows;

/// <summary>
/// A person's private reminder to look at a task again on a date (nhắc theo dõi): one per task and person, seen by nobody
/// else, used to filter and sort their task list. Not a deadline — the task's due time stays the engine's.
/// </summary>
public class TaskFollowUp
{
    public Guid TaskId { get; private set; }
    public Guid UserId { get; private set; }
    public DateOnly RemindOn { get; set; }

    private TaskFollowUp() { }

    public TaskFollowUp(Guid taskId, Guid userId, DateOnly on)
    {
        TaskId = taskId;
        UserId = userId;
        RemindOn = on;
    }
}
