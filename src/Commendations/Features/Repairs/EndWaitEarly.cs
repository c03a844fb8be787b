using Commendations.Audit;
using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Common.Text;
using Commendations.Engine;
using Commendations.Persistence;
using Commendations.Workflow;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Repairs;

/// <summary>
/// A repair: an administrator ends a running wait before its time — e.g. a public disclosure shortened by a legal
/// decision — with a written reason. Without <see cref="Apply"/> it only previews (the wait, its end, the step that
/// follows); applied, the route moves on as if the time had come, and the history, the timeline and the audit say who
/// ended it, when and why. A disclosure with an unresolved complaint cannot be ended: the complaint is handled first.
/// </summary>
[Allowed(Roles.Administrator)]
public sealed record EndWaitEarly(Guid NominationId, string Reason, bool Apply = false) : ICommand<WaitEnding>, IRepair
{
    public Guid? ApprovedRequestId { get; init; }
}

/// <param name="Applied">False for a preview (nothing changed) or a request awaiting a second administrator.</param>
public sealed record WaitEnding(Guid NominationId, string WaitName, DateTimeOffset WaitUntil, string NextStepName, bool Applied) : IRepairOutcome
{
    public Guid? AwaitingApproval { get; init; }

    public IRepairOutcome Pending(Guid requestId) => this with { AwaitingApproval = requestId, Applied = false };
}

public sealed class EndWaitEarlyValidator : AbstractValidator<EndWaitEarly>
{
    public EndWaitEarlyValidator()
    {
        RuleFor(c => c.NominationId).NotEmpty();
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(2000);
    }
}

public sealed class EndWaitEarlyHandler(CommendationsDbContext db, NominationWorkflow workflow, AuditTrail audit, DefinitionSemantics semantics,
    DefinitionCache definitions, ICurrentUser user) : IRequestHandler<EndWaitEarly, WaitEnding>
{
    public const string AuditAction = "wait.ended-early";

    public async Task<WaitEnding> Handle(EndWaitEarly request, CancellationToken cancellationToken)
    {
        var nomination = await db.Nominations.SingleOrDefaultAsync(n => n.Id == request.NominationId, cancellationToken)
                         ?? throw new NotFoundException(Things.Nomination);
        var instance = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.NominationId == nomination.Id, cancellationToken);
        var state = InstanceState.FromJson(instance.State);
        if (state.Status != InstanceStatus.Running || state.ActiveWait() is not { } wait)
            throw new ConflictException("not-waiting", new Message("Hồ sơ không ở bước chờ nào: không có thời gian chờ để kết thúc."));
        var definition = await semantics.OfAsync(instance, cancellationToken);
        if (DefinitionSemantics.IsDisclosure(definition, wait.StepKey)
            && await db.DisclosureComments.AnyAsync(c => c.NominationId == nomination.Id && c.Kind == Domain.Disclosure.CommentKind.Complaint
                                                      && c.HandledAt == null, cancellationToken))
            throw new ConflictException("open-complaint",
                new Message("Còn khiếu nại chưa giải quyết trong thời gian công khai: hãy giải quyết khiếu nại trước khi kết thúc sớm."));

        var callees = await definitions.CalleesAsync(definition, state, cancellationToken);
        var next = StepPaths.Resolve(definition, wait.StepKey, state, callees) is WaitStep step ? step.Next : null;
        var (head, _) = StepPaths.Split(wait.StepKey);
        var nextKey = next is null ? null : wait.StepKey == head ? next : wait.StepKey[..(wait.StepKey.LastIndexOf(StepPaths.Separator) + 1)] + next;
        var ending = new WaitEnding(nomination.Id, DefinitionSemantics.StepName(definition, wait.StepKey, null, callees), wait.Until,
            DefinitionSemantics.StepName(definition, nextKey, null, callees), request.Apply);
        if (!request.Apply)
            return ending;

        await workflow.ExecuteAsync(nomination, new WaitElapsed(wait.StepKey) { EndedEarlyBy = user.UserId.ToString(), Reason = request.Reason.Trim() },
            cancellationToken);
        await audit.RecordAsync(AuditTrail.NominationStream(nomination.Id), AuditAction, wait.StepKey, request.Reason.Trim(),
            new { waitUntil = wait.Until, approvedRequest = request.ApprovedRequestId }, cancellationToken);
        return ending;
    }
}
