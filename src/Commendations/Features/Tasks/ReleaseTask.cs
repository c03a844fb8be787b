using Commendations.Audit;
using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Common.Text;
using Commendations.Domain.Workflows;
using Commendations.Persistence;
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

public sealed class ReleaseTaskHandler(CommendationsDbContext db, ICurrentUser user, AuditTrail audit)
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
        return new TaskClaimView(task.Id, false, null, null);
    }
}
