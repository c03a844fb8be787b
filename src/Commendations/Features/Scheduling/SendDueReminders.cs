using Commendations.Common;
using Commendations.Common.Security;
using Commendations.Domain.Notifications;
using Commendations.Domain.Workflows;
using Commendations.Persistence;
using Commendations.Scheduling;
using Commendations.Workflow;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Scheduling;

/// <summary>
/// One batch of the reminder sweep (sent by <see cref="ReminderSlotJob"/> as the system): takes up to
/// <see cref="BatchSize"/> unsent reminder rows due by <see cref="Until"/> — every slot's, not only the one that fired —
/// and delivers them in this command's one transaction. The rows are deleted and locked by the same statement
/// (<c>FOR UPDATE SKIP LOCKED</c>), so a sweep on another node takes other rows and none is sent twice; if the
/// transaction fails, the rows are back for the next sweep.
/// <para>
/// Per row, the rule of a reminder: the task must still be open and still due when the reminder was computed for,
/// otherwise the row is dropped silently. Recipients are the assignee user, or every user holding the role in the unit;
/// the dedupe key <c>reminder:{task}:{remindAt ticks}</c> makes a re-run deliver nothing new. Mail follows after commit
/// (the email sender reads the committed notifications). The job repeats the command while batches come back full.
/// </para>
/// </summary>
[Allowed(Audience.System)]
public sealed record SendDueReminders(DateTimeOffset Until, int BatchSize = SendDueReminders.DefaultBatchSize) : ICommand<DueRemindersSent>
{
    public const int DefaultBatchSize = 200;
}

/// <param name="Taken">Rows taken from the table (sent or dropped): fewer than the batch size means nothing is left.</param>
/// <param name="Created">New notifications.</param>
public sealed record DueRemindersSent(int Taken, int Created);

public sealed class SendDueRemindersHandler(CommendationsDbContext db, Notifier notifier, DefinitionSemantics semantics)
    : IRequestHandler<SendDueReminders, DueRemindersSent>
{
    public async Task<DueRemindersSent> Handle(SendDueReminders request, CancellationToken cancellationToken)
    {
        var until = request.Until.ToUniversalTime();
        var rows = await db.TaskReminders.FromSqlInterpolated($"""
            DELETE FROM task_reminders WHERE ctid IN (
                SELECT ctid FROM task_reminders WHERE remind_at <= {until} ORDER BY remind_at LIMIT {request.BatchSize} FOR UPDATE SKIP LOCKED)
            RETURNING *
            """).AsNoTracking().ToListAsync(cancellationToken);
        if (rows.Count == 0)
            return new DueRemindersSent(0, 0);

        var tasks = await DueTasksAsync(rows, cancellationToken);
        var nominationIds = tasks.Select(t => t.Task.NominationId).Distinct().ToList();
        var nominees = await db.Nominations.Where(n => nominationIds.Contains(n.Id)).Select(n => new { n.Id, n.NomineeName })
            .ToDictionaryAsync(n => n.Id, n => n.NomineeName, cancellationToken);
        var roleHolders = await RoleHoldersAsync(tasks.Select(t => t.Task).Where(t => t.AssigneeUserId is null).ToList(), cancellationToken);
        // Each task's step named by its own instance's definition version (a handful of versions per batch, cached).
        var instanceIds = tasks.Select(t => t.Task.InstanceId).Distinct().ToList();
        var versions = await db.WorkflowInstances.AsNoTracking().Where(i => instanceIds.Contains(i.Id))
            .ToDictionaryAsync(i => i.Id, i => (i.DefinitionId, i.DefinitionVersion), cancellationToken);
        var definitions = await semantics.SetAsync(versions.Values, cancellationToken);

        var drafts = new List<(Guid, NotificationDraft)>();
        foreach (var (task, remindAt) in tasks)
        {
            var (id, version) = versions[task.InstanceId];
            var stepName = definitions.StepText(id, version, task.StepKey);
            var (title, body) = remindAt > task.DueAt
                ? NotificationTexts.OverdueReminder(nominees[task.NominationId], stepName, task.DueAt)
                : NotificationTexts.Reminder(nominees[task.NominationId], stepName, task.DueAt);
            var draft = new NotificationDraft(NotificationKinds.TaskReminder, title, body, task.NominationId, $"reminder:{task.Id:N}:{remindAt.UtcTicks}");
            IEnumerable<Guid> recipients = task.AssigneeUserId is { } userId
                ? [userId]
                : roleHolders.Where(h => h.Role == task.AssigneeRole && (task.AssigneeUnitId == null || h.UnitId == task.AssigneeUnitId)).Select(h => h.UserId).Distinct();
            drafts.AddRange(recipients.Select(r => (r, draft)));
        }
        return new DueRemindersSent(rows.Count, await notifier.NotifyManyAsync(drafts, cancellationToken));
    }

    /// <summary>The rows whose task is still open and still due when the reminder was computed for, with their task.</summary>
    private async Task<List<(WorkflowTask Task, DateTimeOffset RemindAt)>> DueTasksAsync(List<TaskReminder> rows, CancellationToken cancellationToken)
    {
        // By instance (indexed with the task key), then matched here: an instance has a handful of tasks.
        var instanceIds = rows.Select(r => r.InstanceId).Distinct().ToList();
        var open = await db.Tasks.AsNoTracking().Where(t => instanceIds.Contains(t.InstanceId) && t.Status == WorkflowTaskStatus.Open)
            .ToListAsync(cancellationToken);
        var byKey = open.ToDictionary(t => (t.InstanceId, t.TaskKey));
        return rows.Select(r => (Task: byKey.GetValueOrDefault((r.InstanceId, r.TaskKey)), r.RemindAt, r.DueAt))
            .Where(x => x.Task is not null && x.Task.DueAt == x.DueAt)
            .Select(x => (x.Task!, x.RemindAt)).ToList();
    }

    private sealed record RoleHolder(Guid UserId, Guid? UnitId, string Role);

    /// <summary>Every holder of the roles these tasks are assigned to, in one query; filtered by unit per task.</summary>
    private async Task<List<RoleHolder>> RoleHoldersAsync(List<WorkflowTask> roleTasks, CancellationToken cancellationToken)
    {
        var roles = roleTasks.Select(t => t.AssigneeRole!).Distinct().ToList();
        if (roles.Count == 0)
            return [];
        return await (from u in db.Users
                      join ur in db.UserRoles on u.Id equals ur.UserId
                      join r in db.Roles on ur.RoleId equals r.Id
                      where roles.Contains(r.Name!)
                      select new RoleHolder(u.Id, u.UnitId, r.Name!)).ToListAsync(cancellationToken);
    }
}
