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
/// A holder of the role takes a role task (e.g. one of several appraisers): the others see who has it and cannot act on
/// it until it is released. Two claims at once: the conditional update lets one win, the other gets 409.
/// </summary>
[Allowed(Audience.SignedIn)]
public sealed record ClaimTask(Guid TaskId) : ICommand<TaskClaimView>;

public sealed record TaskClaimView(Guid TaskId, bool Claimed, string? ClaimedByName, DateTimeOffset? ClaimedAt);

public sealed class ClaimTaskValidator : AbstractValidator<ClaimTask>
{
    public ClaimTaskValidator() => RuleFor(c => c.TaskId).NotEmpty();
}

public sealed class ClaimTaskHandler(CommendationsDbContext db, ICurrentUser user, TimeProvider clock, AuditTrail audit)
    : IRequestHandler<ClaimTask, TaskClaimView>
{
    public async Task<TaskClaimView> Handle(ClaimTask request, CancellationToken cancellationToken)
    {
        var task = await db.Tasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == request.TaskId, cancellationToken);
        // Someone who could not work on it learns nothing about it (not even that it exists).
        if (task is null || !MyTasks.IsAssignedTo(task, user))
            throw new NotFoundException(Things.Task);
        if (task.Status != WorkflowTaskStatus.Open)
            throw TaskClaims.Closed();
        if (!MyTasks.IsRoleTask(task))
            throw TaskClaims.NotClaimable();
        if (task.ClaimedBy == user.UserId)
            return new TaskClaimView(task.Id, true, user.DisplayName, task.ClaimedAt);
        await TaskClaims.EnsureFreeForAsync(db, task, user.UserId, cancellationToken);

        var now = clock.GetUtcNow();
        // Conditional on nobody having it: a concurrent claim waits for this row, then finds it taken and updates nothing.
        var taken = await db.Tasks.Where(t => t.Id == task.Id && t.Status == WorkflowTaskStatus.Open && t.ClaimedBy == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ClaimedBy, user.UserId).SetProperty(t => t.ClaimedAt, now), cancellationToken);
        if (taken == 0)
        {
            var claimer = await db.Tasks.AsNoTracking().Where(t => t.Id == task.Id).Select(t => t.ClaimedBy).SingleAsync(cancellationToken);
            throw claimer is { } other ? await TaskClaims.ClaimedByOtherAsync(db, other, cancellationToken) : TaskClaims.Closed();
        }
        await audit.RecordAsync(AuditTrail.NominationStream(task.NominationId), TaskClaims.TakenEvent, task.StepKey, null,
            new { task = task.TaskKey, round = task.Round }, cancellationToken);
        return new TaskClaimView(task.Id, true, user.DisplayName, now);
    }
}
