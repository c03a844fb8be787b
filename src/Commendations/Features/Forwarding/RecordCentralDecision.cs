using Commendations.Audit;
using Commendations.Common;
using Commendations.Common.Behaviours;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Common.Text;
using Commendations.Domain.Decisions;
using Commendations.Domain.Nominations;
using Commendations.Domain.Registry;
using Commendations.Features.Decisions;
using Commendations.Persistence;
using Commendations.Workflow;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Forwarding;

/// <summary>
/// The provincial office records the decision taken above the province for a forwarded nomination: its number, date,
/// issuing authority and the award form granted (which may differ from the one proposed). The forwarding step's award
/// action is sent (the number its comment), the nomination is Awarded, and the registry gets a line saying the award was
/// decided at central level. One central decision may cover several of the province's nominations: it is one decision
/// row, found again by its number.
/// </summary>
[Allowed(Roles.Appraiser)]
public sealed record RecordCentralDecision(Guid NominationId, string Number, DateOnly Date, string IssuingAuthority, string AwardFormCode)
    : ICommand<CentralDecisionRecorded>;

public sealed record CentralDecisionRecorded(Guid DecisionId, string DecisionNumber, string RegisterNumber, string CentralAuthority);

public sealed class RecordCentralDecisionValidator : AbstractValidator<RecordCentralDecision>
{
    public RecordCentralDecisionValidator()
    {
        RuleFor(c => c.NominationId).NotEmpty();
        RuleFor(c => c.Number).NotEmpty().MaximumLength(60)
            .Must(n => DecisionNumber.Check(n, out _) is null).WithMessage(c => DecisionNumber.Check(c.Number, out _) ?? new Message("Số quyết định không hợp lệ."));
        RuleFor(c => c.Date).NotEmpty();
        RuleFor(c => c.IssuingAuthority).NotEmpty().MaximumLength(200);
        RuleFor(c => c.AwardFormCode).NotEmpty().MaximumLength(Domain.Catalog.AwardForm.CodeMaxLength);
    }
}

public sealed class RecordCentralDecisionHandler(
    CommendationsDbContext db, ForwardingStep step, NominationWorkflow workflow, ICurrentUser user, AuditTrail audit, TimeProvider clock)
    : IRequestHandler<RecordCentralDecision, CentralDecisionRecorded>
{
    public async Task<CentralDecisionRecorded> Handle(RecordCentralDecision request, CancellationToken cancellationToken)
    {
        var forwarding = await step.OpenAsync(request.NominationId, cancellationToken);
        var nomination = forwarding.Nomination;
        var form = await db.AwardForms.AsNoTracking().SingleOrDefaultAsync(f => f.Code == request.AwardFormCode, cancellationToken)
                   ?? throw new InputException("awardFormCode", new Message("Không có hình thức khen thưởng này."));
        var number = DecisionNumber.TryParse(request.Number, out var parsed) ? parsed : throw new InputException("number", new Message("Số quyết định không hợp lệ."));
        var authority = request.IssuingAuthority.Trim();
        var decision = await DecisionAsync(number, request.Date, authority, cancellationToken);

        var actor = new Engine.Actor(user.UserId.ToString(), user.Roles, user.UnitId?.ToString());
        await workflow.ExecuteAsync(nomination, new Engine.ActOnTask(forwarding.Task.TaskKey, actor, forwarding.AwardAction, decision.Number), cancellationToken);
        if (nomination.Status != NominationStatus.Awarded)
            throw new ConflictException("not-awarded", new Message("Quy trình của {0} không kết thúc bằng khen thưởng sau khi ghi nhận quyết định.", nomination.NomineeName));
        nomination.RecordDecision(decision.Id);

        var line = await RegistryLineAsync(nomination, form, decision, authority, cancellationToken);
        await audit.RecordAsync(AuditTrail.NominationStream(nomination.Id), "central-decision.recorded", forwarding.Task.StepKey, null,
            new { decision = decision.Number, date = decision.Date.ToString("dd/MM/yyyy"), authority, awardForm = form.Code, registerNumber = line.RegisterNumber }, cancellationToken);
        return new CentralDecisionRecorded(decision.Id, decision.Number, line.RegisterNumber, authority);
    }

    /// <summary>The central decision of this number and year, recorded earlier for another nomination, or a new one.</summary>
    private async Task<Decision> DecisionAsync(DecisionNumber number, DateOnly date, string authority, CancellationToken cancellationToken)
    {
        var existing = await db.Decisions.SingleOrDefaultAsync(d => d.IssuingBody == number.IssuingBody && d.Year == date.Year && d.Sequence == number.Sequence, cancellationToken);
        if (existing is not null)
            return existing.CentralAuthority == authority && existing.Date == date
                ? existing
                : throw new ConflictException("decision-number-taken", new Message("Số quyết định {0} năm {1} đã được ghi nhận cho một quyết định khác.", number.ToString(), date.Year), "number");
        var decision = new Decision(number, date, authority, authority, "", user.UserId, clock.GetUtcNow()).IssuedAbove(authority);
        db.Decisions.Add(decision);
        return decision;
    }

    private async Task<AwardRecord> RegistryLineAsync(Nomination n, Domain.Catalog.AwardForm form, Decision decision, string authority, CancellationToken cancellationToken)
    {
        var unitName = await db.Units.AsNoTracking().Where(u => u.Id == n.UnitId).Select(u => u.Name).SingleAsync(cancellationToken);
        var campaign = await db.Campaigns.AsNoTracking().Where(c => c.Id == n.CampaignId).Select(c => new { c.Code, c.Name }).SingleAsync(cancellationToken);
        var identity = n.PersonId is { } personId
            ? await db.People.Where(p => p.Id == personId).Select(p => (Guid?)p.IdentityId).SingleAsync(cancellationToken)
            : await db.Collectives.Where(c => c.Id == n.CollectiveId).Select(c => (Guid?)c.IdentityId).SingleAsync(cancellationToken);
        var data = new AwardRecordData(n.Id, n.Kind, n.PersonId, n.CollectiveId, n.NomineeName, n.UnitId, unitName,
            form.Id, form.Code, form.Name, n.CampaignId, campaign.Code, campaign.Name) { NomineeIdentityId = identity };
        var sequence = await RegisterNumbers.ReserveAsync(db, RegisterNumbers.DefaultSeries, decision.Date.Year, 1, cancellationToken);
        var line = new AwardRecord(data, decision.Id, decision.Number, decision.Date, RegisterNumbers.DefaultSeries, sequence, clock.GetUtcNow()).DecidedAbove(authority);
        db.AwardRecords.Add(line);
        return line;
    }
}
