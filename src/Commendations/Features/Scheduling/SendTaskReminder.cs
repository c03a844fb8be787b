using Commendations.Common;
using Commendations.Common.Security;
using Commendations.Domain.Notifications;
using Commendations.Domain.Workflows;
using Commendations.Persistence;
using Commendations.Scheduling;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Scheduling;

/// <summary>
/// A reminder trigger fired (sent by the scheduler as the system). Inside its transaction it re-checks that the task is
/// still open and still due when the reminder was computed for; if not, it does nothing. Otherwise it notifies the
/// assignee — the user, or every user holding the role in the unit — once per reminder (dedupe key).
/// Returns the number of new notifications.
/// </summary>
public sealed record SendTaskReminder(Guid InstanceId, string TaskKey, DateTimeOffset ExpectedDueAt, DateTimeOffset RemindAt) : ICommand<int>;

public sealed class SendTaskReminderHandler(CommendationsDbContext db, Notifier notifier, ICurrentUser user)
    : IRequestHandler<SendTaskReminder, int>
{
    public async Task<int> Handle(SendTaskReminder request, CancellationToken cancellationToken)
    {
        SystemOnly.Demand(user);
        var task = await db.Tasks.AsNoTracking()
            .SingleOrDefaultAsync(t => t.InstanceId == request.InstanceId && t.TaskKey == request.TaskKey, cancellationToken);
        if (task is null || task.Status != WorkflowTaskStatus.Open || task.DueAt != request.ExpectedDueAt)
            return 0;

        var nominee = await db.Nominations.Where(n => n.Id == task.NominationId).Select(n => n.NomineeName).SingleAsync(cancellationToken);
        IReadOnlyList<Guid> recipients = task.AssigneeUserId is { } userId
            ? [userId]
            : await notifier.UsersInRoleAsync(task.AssigneeRole!, task.AssigneeUnitId, cancellationToken);
        var (title, body) = NotificationTexts.Reminder(nominee, task.StepKey, task.DueAt);
        return await notifier.NotifyAsync(recipients, new NotificationDraft(NotificationKinds.TaskReminder, title, body, task.NominationId,
            $"reminder:{task.Id:N}:{request.RemindAt.UtcTicks}"), cancellationToken);
    }
}
