using Commendations.Audit;
using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Workflow;
using FluentValidation;
using MediatR;
using Commendations.Common.Text;

namespace Commendations.Features.Nominations;

/// <summary>The nominating unit (or an administrator) withdraws a nomination that is not yet decided.</summary>
[Allowed(Roles.EmulationOfficer, Roles.Administrator)]
public sealed record WithdrawNomination(Guid NominationId, string Reason, string? IdempotencyKey = null)
    : ICommand<WorkflowOutcome>, IIdempotentCommand, INominationRequest;

public sealed class WithdrawNominationValidator : AbstractValidator<WithdrawNomination>
{
    public WithdrawNominationValidator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(4000);
}

public sealed class WithdrawNominationHandler(NominationAccess access, NominationWorkflow workflow, ICurrentUser user, AuditTrail audit)
    : IRequestHandler<WithdrawNomination, WorkflowOutcome>
{
    public async Task<WorkflowOutcome> Handle(WithdrawNomination request, CancellationToken cancellationToken)
    {
        var nomination = await access.ReadableAsync(request.NominationId, cancellationToken);
        if (nomination.AwaitsDecisionSignatures)
            throw new ConflictException("decision-awaiting-signatures",
                new Message("Hồ sơ đã có trong quyết định khen thưởng đang chờ ký số, đóng dấu; không thay đổi được cho đến khi quyết định có hiệu lực."));
        var ownUnit = user.IsInRole(Roles.EmulationOfficer) && user.UnitId == nomination.UnitId;
        if (!ownUnit && !user.IsInRole(Roles.Administrator))
            throw new ForbiddenException(new Message("Chỉ cán bộ thi đua của đơn vị đề nghị hoặc quản trị viên mới được rút đề nghị."));
        if (nomination.IsFinal)
            throw new ConflictException("already-final", new Message("Đề nghị đã kết thúc ({0}).", Names.Status(nomination.Status)));

        var step = nomination.CurrentStep;
        await workflow.ExecuteAsync(nomination, new Engine.Withdraw(NominationWorkflow.ActorFor(user), request.Reason), cancellationToken);
        await audit.RecordAsync(AuditTrail.NominationStream(nomination.Id), "nomination.withdrawn", step, request.Reason, null, cancellationToken);
        return WorkflowOutcome.Of(nomination);
    }
}
