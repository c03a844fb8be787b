using Commendations.Common.Security;
using Commendations.Domain.Workflows;

namespace Commendations.Features.Tasks;

/// <summary>
/// Where "my open tasks" come from, as separate parts — each a plain condition matching one partial index of
/// workflow_tasks — never one OR across them, which defeats both (measured: issue 9). The inbox and the task list read
/// the same parts; a new source of work (e.g. tasks of the people I substitute for) is one more part here.
/// </summary>
public static class MyTasks
{
    /// <param name="covering">The people the user covers today while they are away (Features/Substitutions): their personal turns are a third part.</param>
    public static IReadOnlyList<IQueryable<WorkflowTask>> Parts(IQueryable<WorkflowTask> tasks, ICurrentUser user, IReadOnlyCollection<Guid>? covering = null)
    {
        var roles = user.Roles.ToList();
        var open = tasks.Where(t => t.Status == WorkflowTaskStatus.Open);
        List<IQueryable<WorkflowTask>> parts =
        [
            // A personal turn (a committee member's review, a ballot).
            open.Where(t => t.AssigneeUserId == user.UserId),
            // A task of my role in my unit, which anyone holding it may claim.
            open.Where(t => t.AssigneeRole != null && roles.Contains(t.AssigneeRole) && t.AssigneeUnitId == user.UnitId),
        ];
        if (covering is { Count: > 0 })
        {
            var principals = covering.ToList();
            // The turns of the people I stand in for (the personal-turn index serves it too).
            parts.Add(open.Where(t => t.AssigneeUserId != null && principals.Contains(t.AssigneeUserId.Value)));
        }
        return parts;
    }

    /// <summary>Whether <paramref name="task"/> is (or, closed, was) for the user: the rule of <see cref="Parts"/> for one loaded row.</summary>
    public static bool IsAssignedTo(WorkflowTask task, ICurrentUser user) =>
        task.AssigneeUserId == user.UserId
        || (task.AssigneeUserId is null && task.AssigneeRole is { } role && user.IsInRole(role) && task.AssigneeUnitId == user.UnitId);

    /// <summary>A role task several people may take (and so claim): assigned to a role within a unit, not to a person.</summary>
    public static bool IsRoleTask(WorkflowTask task) => task.AssigneeUserId is null && task.AssigneeRole is not null;

    /// <summary>The parts joined back into one query (UNION ALL: a task is in exactly one part).</summary>
    public static IQueryable<WorkflowTask> Union(IEnumerable<IQueryable<WorkflowTask>> parts) => parts.Aggregate((a, b) => a.Concat(b));
}
