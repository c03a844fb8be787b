using Commendations.Common;
using Commendations.Common.Behaviours;
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
/// A person notes when to look at one of their tasks again (nhắc theo dõi), or clears it (<see cref="On"/> null). Private:
/// nobody else sees it; the task list filters and sorts by it.
/// </summary>
[Allowed(Audience.SignedIn)]
public sealed record SetFollowUp(Guid TaskId, DateOnly? On) : ICommand<FollowUpView>;

public sealed record FollowUpView(Guid TaskId, DateOnly? On);

public sealed class SetFollowUpValidator : AbstractValidator<SetFollowUp>
{
    public SetFollowUpValidator()
    {
        RuleFor(c => c.TaskId).NotEmpty();
        RuleFor(c => c.On).InclusiveBetween(new DateOnly(2000, 1, 1), new DateOnly(2100, 12, 31)).When(c => c.On is not null)
            .WithMessage(new Message("Ngày nhắc theo dõi phải trong khoảng 01/01/2000 – 31/12/2100."));
    }
}

public sealed class SetFollowUpHandler(CommendationsDbContext db, ICurrentUser user) : IRequestHandler<SetFollowUp, FollowUpView>
{
    public async Task<FollowUpView> Handle(SetFollowUp request, CancellationToken cancellationToken)
    {
        var task = await db.Tasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == request.TaskId, cancellationToken);
        if (task is null || !MyTasks.IsAssignedTo(task, user))
            throw new NotFoundException(Things.Task);
        if (task.Status != WorkflowTaskStatus.Open)
            throw TaskClaims.Closed();
        var existing = await db.TaskFollowUps.SingleOrDefaultAsync(f => f.TaskId == task.Id && f.UserId == user.UserId, cancellationToken);
        if (request.On is not { } on)
        {
            if (existing is not null) db.TaskFollowUps.Remove(existing);
        }
        else if (existing is null) db.TaskFollowUps.Add(new TaskFollowUp(task.Id, user.UserId, on));
        else existing.RemindOn = on;
        return new FollowUpView(task.Id, request.On);
    }
}
