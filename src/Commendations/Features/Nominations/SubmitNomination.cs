using Commendations.Engine;
using Commendations.Audit;
using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Common.Text;
using Commendations.Domain.Workflows;
using Commendations.Persistence;
using Commendations.Workflow;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Nominations;

/// <summary>
/// The unit submits its dossier (or resubmits it after a return). The first submission must fall inside the
/// campaign's dossier window; a resubmission answers a return and follows that task's own deadline instead.
/// Every document the award form requires must be attached.
/// </summary>
[Allowed(Roles.EmulationOfficer)]
public sealed record SubmitNomination(Guid NominationId, string? Comment, string? IdempotencyKey = null)
    : ICommand<WorkflowOutcome>, IIdempotentCommand, INominationRequest;

public sealed class SubmitNominationValidator : AbstractValidator<SubmitNomination>
{
    public SubmitNominationValidator() => RuleFor(c => c.Comment).MaximumLength(4000);
}

public sealed class SubmitNominationHandler(
    CommendationsDbContext db, NominationAccess access, NominationWorkflow workflow, ICurrentUser user, AuditTrail audit, TimeProvider clock,
    Eligibility.EligibilityEvaluator eligibility, DefinitionSemantics semantics)
    : IRequestHandler<SubmitNomination, WorkflowOutcome>
{
    public async Task<WorkflowOutcome> Handle(SubmitNomination request, CancellationToken cancellationToken)
    {
        var nomination = await access.EditableByUnitAsync(request.NominationId, cancellationToken, withDocuments: true);
        var campaign = await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == nomination.CampaignId, cancellationToken);
        var awardForm = await db.AwardForms.AsNoTracking().SingleAsync(a => a.Id == nomination.AwardFormId, cancellationToken);

        var today = VietnamTime.Today(clock);
        if (nomination.Round == 1 && !campaign.IsDossierWindowOpen(today))
        {
            throw new ConflictException("dossier-window-closed", new Message("Phong trào {0} – {1} nhận hồ sơ từ ngày {2} đến ngày {3}.",
                campaign.Code, campaign.Name, campaign.DossierOpen, campaign.DossierClose));
        }
        var missing = awardForm.RequiredDocuments.Except(nomination.Documents.Select(d => d.Kind)).ToList();
        if (missing.Count > 0)
            throw new InputException("documents", new Message("Hồ sơ còn thiếu tài liệu bắt buộc: {0}.", Message.List(missing.Select(Names.Document))));

        // The unit's proposal and its submit action are whatever the definition declares them to be, whatever their names.
        var instance = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.NominationId == nomination.Id, cancellationToken);
        var definition = await semantics.OfAsync(instance, cancellationToken);
        var submit = DefinitionSemantics.SubmitActionAt(definition, nomination.CurrentStep);
        var task = submit is null ? null : await db.Tasks.SingleOrDefaultAsync(t => t.NominationId == nomination.Id && t.Status == WorkflowTaskStatus.Open
                                                                                && t.StepKey == nomination.CurrentStep, cancellationToken);
        if (task is null)
            throw new ConflictException("nothing-to-submit", new Message("Hồ sơ không ở bước đơn vị trình hồ sơ."));
        var resubmission = nomination.Round > 1;
        // Issue 8: the eligibility rules in force for the campaign's period are checked and the result stored for reviewers —
        // before the transition, so a branch right after the submission reads this result (the fact `eligibility`).
        await eligibility.EvaluateAndStoreAsync(nomination, cancellationToken);
        await workflow.ExecuteAsync(nomination, new Engine.ActOnTask(task.TaskKey, NominationWorkflow.ActorFor(user), submit!, request.Comment), cancellationToken);
        nomination.MarkSubmitted(clock.GetUtcNow());
        await audit.RecordAsync(AuditTrail.NominationStream(nomination.Id), resubmission ? "nomination.resubmitted" : "nomination.submitted",
            task.StepKey, request.Comment, new { round = task.Round }, cancellationToken);
        return WorkflowOutcome.Of(nomination);
    }
}
