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
/// A repair: an administrator ends a running nomination without an award — e.g. a duplicate entered twice, or a nominee
/// found ineligible outside the route's own checks. Without <see cref="Apply"/> it previews (the step it stands at, the
/// open tasks that close and for whom). Applied, with a written reason: the route ends as withdrawn (the engine's
/// withdrawal, so no decision, register entry or quota is touched), the audit records the cancellation and its reason,
/// and the unit's officers and whoever had a task are told.
/// </summary>
[Allowed(Roles.Administrator)]
public sealed record CancelInstance(Guid NominationId, string? Reason, bool Apply = false) : ICommand<InstanceCancellation>, IRepair
{
    public Guid? ApprovedRequestId { get; init; }
}

public sealed record InstanceCancellation(Guid NominationId, string NomineeName, string CurrentStepName, IReadOnlyList<string> ClosingTasks, bool Applied)
    : IRepairOutcome
{
    public Guid? AwaitingApproval { get; init; }

    public IRepairOutcome Pending(Guid requestId) => this with { AwaitingApproval = requestId, Applied = false };
}

public sealed class CancelInstanceValidator : AbstractValidator<CancelInstance>
{
    public CancelInstanceValidator()
    {
        RuleFor(c => c.NominationId).NotEmpty();
        RuleFor(c => c.Reason).NotEmpty().When(c => c.Apply);
        RuleFor(c => c.Reason).MaximumLength(2000);
    }
}

public sealed class CancelInstanceHandler(CommendationsDbContext db, NominationWorkflow workflow, AuditTrail audit, DefinitionSemantics semantics,
    ICurrentUser user) : IRequestHandler<CancelInstance, InstanceCancellation>
{
    public const string AuditAction = "repair.cancelled";

    public async Task<InstanceCancellation> Handle(CancelInstance request, CancellationToken cancellationToken)
    {
        var nomination = await db.Nominations.SingleOrDefaultAsync(n => n.Id == request.NominationId, cancellationToken)
                         ?? throw new NotFoundException(Things.Nomination);
        if (nomination.IsFinal)
            throw new ConflictException("already-final", new Message("Đề nghị đã kết thúc ({0}).", Names.Status(nomination.Status)));
        var instance = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.NominationId == nomination.Id, cancellationToken);
        var definition = await semantics.OfAsync(instance, cancellationToken);
        var state = InstanceState.FromJson(instance.State);
        var closing = await RepairWords.TasksAsync(db, definition, [.. state.OpenTasks.Select(t => (t.StepKey, t.Assignee))], cancellationToken);
        var view = new InstanceCancellation(nomination.Id, nomination.NomineeName, DefinitionSemantics.StepName(definition, instance.CurrentStep), closing,
            request.Apply);
        if (!request.Apply)
            return view;

        var reason = request.Reason!.Trim();
        var step = nomination.CurrentStep;
        await workflow.ExecuteAsync(nomination, new Withdraw(NominationWorkflow.ActorFor(user), reason), cancellationToken);
        await audit.RecordAsync(AuditTrail.NominationStream(nomination.Id), AuditAction, step, reason,
            new { approvedRequest = request.ApprovedRequestId }, cancellationToken);
        return view;
    }
}
