using Commendations.Audit;
using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Common.Text;
using Commendations.Domain.Notifications;
using Commendations.Domain.Workflows;
using Commendations.Persistence;
using Commendations.Scheduling;
using Commendations.Workflow;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Tasks;

/// <summary>
/// A claimed role task goes back to the pool: released by the person who took it, or by an administrator (someone away,
/// a task stuck) with a written reason that the audit keeps.
/// </summary>
[Allowed(Audience.SignedIn)]
public sealed record ReleaseTask(Guid TaskId, string? Reason = null) : ICommand<TaskClaimView>;

public sealed class ReleaseTaskValidator : AbstractValidator<ReleaseTask>
{
    public ReleaseTaskValidator()
    {
        RuleFor(c => c.TaskId).NotEmpty();
        RuleFor(c => c.Reason).MaximumLength(2000);
    }
}

public sealed class ReleaseTaskHandler(CommendationsDbContext db, ICurrentUser user, AuditTrail audit, DefinitionSemantics semantics,
    Notifier notifier, TimeProvider clock)
    : IRequestHandler<ReleaseTask, TaskClaimView>
{
    public async Task<TaskClaimView> Handle(ReleaseTask request, CancellationToken cancellationToken)
    {
        var task = await db.Tasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == request.TaskId, cancellationToken);
        var administrator = user.IsInRole(Roles.Administrator);
        if (task is null || !(administrator || MyTasks.IsAssignedTo(task, user)))
            throw new NotFoundException(Things.Task);
        if (task.Status != WorkflowTaskStatus.Open)
            throw TaskClaims.Closed();
        if (!MyTasks.IsRoleTask(task))
            throw TaskClaims.NotClaimable();
        if (task.ClaimedBy is not { } claimer)
            return new TaskClaimView(task.Id, false, null, null);
        var forSomeoneElse = claimer != user.UserId;
        if (forSomeoneElse && !administrator)
            throw await TaskClaims.ClaimedByOtherAsync(db, claimer, cancellationToken);
        if (forSomeoneElse && string.IsNullOrWhiteSpace(request.Reason))
            throw new InputException("reason", new Message("Trả lại việc người khác đã nhận cần ghi rõ lý do."));

        var released = await db.Tasks.Where(t => t.Id == task.Id && t.ClaimedBy == claimer)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ClaimedBy, (Guid?)null).SetProperty(t => t.ClaimedAt, (DateTimeOffset?)null), cancellationToken);
        if (released == 0)
            throw new ConflictException("conflict", new Message("Việc vừa được người khác thay đổi; hãy tải lại trang."));
        await audit.RecordAsync(AuditTrail.NominationStream(task.NominationId), TaskClaims.ReleasedEvent, task.StepKey, request.Reason?.Trim(),
            new { task = task.TaskKey, round = task.Round, claimedBy = claimer }, cancellationToken);
        if (forSomeoneElse)
            await TellClaimerAsync(task, claimer, request.Reason!.Trim(), cancellationToken);
        return new TaskClaimView(task.Id, false, null, null);
    }

    /// <summary>Whoever had taken the task learns it is no longer theirs, and why (they may have been working on it).</summary>
    private async Task TellClaimerAsync(WorkflowTask task, Guid claimer, string reason, CancellationToken cancellationToken)
    {
        var nomination = await db.Nominations.AsNoTracking().SingleAsync(n => n.Id == task.NominationId, cancellationToken);
        var instance = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == task.InstanceId, cancellationToken);
        var step = new StepNameText(await semantics.OfAsync(instance, cancellationToken), task.StepKey);
        await notifier.NotifyAsync([claimer], new NotificationDraft(NotificationKinds.TaskClaimReleased,
            new Message("Việc Đồng chí đã nhận được trả lại: {0}", nomination.NomineeName),
            new Message("Quản trị viên đã trả lại việc \"{0}\" của hồ sơ \"{1}\" mà Đồng chí đã nhận, để người khác cùng vai trò có thể xử lý. Lý do: {2}",
                step, nomination.NomineeName, new Verbatim(reason)), nomination.Id, $"claim-released:{task.Id:N}:{clock.GetUtcNow().UtcTicks}"),
            cancellationToken);
    }
}
