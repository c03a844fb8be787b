using Commendations.Common.Text;
using Commendations.Audit;
using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Domain.Disclosure;
using Commendations.Engine;
using Commendations.Features.Scheduling;
using Commendations.Persistence;
using Commendations.Workflow;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Commendations.Common.Behaviours;

namespace Commendations.Features.Disclosure;

/// <summary>
/// The committee's secretary (or an administrator) classifies a comment (a complaint pauses the nomination) and records
/// how it was handled (<see cref="Resolved"/>). When the last open complaint is resolved and the disclosure time is
/// already over, the wait ends at once, through the scheduler's own <see cref="ElapseWait"/> command.
/// </summary>
[Allowed(Roles.CommitteeMember, Roles.Administrator)]
public sealed record HandleDisclosureComment(Guid CommentId, CommentKind Kind, string? Handling, bool Resolved) : ICommand<DisclosureOutcome>;

/// <param name="CurrentStepName">Where the nomination now is, as people call the step.</param>
public sealed record DisclosureOutcome(Guid NominationId, bool OpenComplaints, bool WaitEnded, string? CurrentStep, string CurrentStepName);

public sealed class HandleDisclosureCommentValidator : AbstractValidator<HandleDisclosureComment>
{
    public HandleDisclosureCommentValidator()
    {
        RuleFor(c => c.Kind).IsInEnum();
        RuleFor(c => c.Handling).MaximumLength(4000);
        RuleFor(c => c.Handling).NotEmpty().When(c => c.Resolved).WithMessage(new Message("Ghi rõ ý kiến đã được xử lý thế nào."));
    }
}

public sealed class HandleDisclosureCommentHandler(
    CommendationsDbContext db, DisclosureSteps disclosure, NominationWorkflow workflow, ICurrentUser user, AuditTrail audit, TimeProvider clock,
    DefinitionSemantics semantics)
    : IRequestHandler<HandleDisclosureComment, DisclosureOutcome>
{
    public async Task<DisclosureOutcome> Handle(HandleDisclosureComment request, CancellationToken cancellationToken)
    {
        var comment = await db.DisclosureComments.SingleOrDefaultAsync(c => c.Id == request.CommentId, cancellationToken)
                      ?? throw new NotFoundException(Things.Comment);
        var committees = await disclosure.CommitteesOfAsync(comment.NominationId, cancellationToken);
        if (!DisclosureSteps.Secretaries(committees).Contains(user.UserId) && !user.IsInRole(Roles.Administrator))
            throw new ForbiddenException(new Message("Chỉ thư ký Hội đồng / Ban hoặc quản trị viên mới xử lý ý kiến công khai."));
        if (comment.IsHandled)
            throw new ConflictException("comment-handled", new Message("Việc xử lý ý kiến này đã được ghi nhận."));

        comment.Classify(request.Kind);
        if (request.Resolved)
            comment.RecordHandling(request.Handling!.Trim(), user.UserId, clock.GetUtcNow());
        await audit.RecordAsync(AuditTrail.NominationStream(comment.NominationId), request.Resolved ? "disclosure.comment-handled" : "disclosure.comment-classified",
            null, request.Handling, new { comment = comment.Id, kind = request.Kind.ToString() }, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        var open = await db.DisclosureComments.AnyAsync(c => c.NominationId == comment.NominationId && c.Kind == CommentKind.Complaint && c.HandledAt == null, cancellationToken);
        var ended = false;
        if (!open)
        {
            var instance = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.NominationId == comment.NominationId, cancellationToken);
            var state = InstanceState.FromJson(instance.State);
            if (state.Status == InstanceStatus.Running && state.CurrentStep is { } step && state.WaitUntil <= clock.GetUtcNow()
                && await disclosure.IsInDisclosureAsync(comment.NominationId, cancellationToken))
            {
                // The same command the scheduler sends when the time is up, acting as the system.
                ended = await new ElapseWaitHandler(db, workflow, audit, clock, semantics)
                    .Handle(new ElapseWait(comment.NominationId, step), cancellationToken);
            }
        }
        var nomination = await db.Nominations.SingleAsync(n => n.Id == comment.NominationId, cancellationToken);
        return new DisclosureOutcome(comment.NominationId, open, ended, nomination.CurrentStep,
            await semantics.StepNameOfAsync(comment.NominationId, nomination.CurrentStep, cancellationToken));
    }
}
