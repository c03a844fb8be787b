using Commendations.Audit;
using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Domain.Decisions;
using Commendations.Domain.Nominations;
using Commendations.Domain.Workflows;
using Commendations.Features.Nominations;
using Commendations.Persistence;
using Commendations.Workflow;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Decisions;

/// <summary>
/// The provincial leader signs one decision (e.g. <c>215/QĐ-UBND</c>) covering a batch of nominations waiting at the
/// decision step; each becomes Awarded. All or nothing: one nomination not ready refuses the whole batch.
/// </summary>
public sealed record IssueDecision(
    string Number,
    DateOnly Date,
    string SignerName,
    string SignerTitle,
    string Citation,
    IReadOnlyList<Guid> NominationIds,
    string? IdempotencyKey = null) : ICommand<DecisionIssued>, IIdempotentCommand;

public sealed record DecisionIssued(Guid DecisionId, string Number, int Awarded);

public sealed class IssueDecisionValidator : AbstractValidator<IssueDecision>
{
    public IssueDecisionValidator()
    {
        RuleFor(c => c.Number).NotEmpty().Must(n => DecisionNumber.TryParse(n, out _))
            .WithMessage("Write the number as on the decision, e.g. 215/QĐ-UBND.");
        RuleFor(c => c.Date).NotEqual(default(DateOnly));
        RuleFor(c => c.SignerName).NotEmpty().MaximumLength(200);
        RuleFor(c => c.SignerTitle).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Citation).NotEmpty().MaximumLength(2000);
        RuleFor(c => c.NominationIds).NotEmpty().Must(ids => ids.Distinct().Count() == ids.Count)
            .WithMessage("Each nomination may appear once.").Must(ids => ids.Count <= 1000)
            .WithMessage("At most 1000 nominations per decision.");
    }
}

public sealed class IssueDecisionHandler(
    CommendationsDbContext db, NominationWorkflow workflow, ICurrentUser user, AuditTrail audit, TimeProvider clock)
    : IRequestHandler<IssueDecision, DecisionIssued>
{
    public const string AwardAction = "award";

    public async Task<DecisionIssued> Handle(IssueDecision request, CancellationToken cancellationToken)
    {
        if (!user.IsInRole(Roles.ProvincialLeader))
            throw new ForbiddenException("Only the provincial leader issues award decisions.");
        DecisionNumber.TryParse(request.Number, out var number);
        if (await db.Decisions.AnyAsync(d => d.IssuingBody == number.IssuingBody && d.Year == request.Date.Year && d.Sequence == number.Sequence, cancellationToken))
            throw new InputException("number", $"Decision {number} of {request.Date.Year} already exists.");

        var nominations = await db.Nominations.Where(n => request.NominationIds.Contains(n.Id)).ToListAsync(cancellationToken);
        var unknown = request.NominationIds.Except(nominations.Select(n => n.Id)).ToList();
        if (unknown.Count > 0)
            throw new InputException("nominationIds", $"Unknown nominations: {string.Join(", ", unknown)}.");
        var tasks = await db.Tasks.Where(t => request.NominationIds.Contains(t.NominationId) && t.Status == WorkflowTaskStatus.Open
                                              && t.AssigneeRole == Roles.ProvincialLeader).ToListAsync(cancellationToken);
        var notReady = nominations.Where(n => tasks.All(t => t.NominationId != n.Id)).Select(n => n.NomineeName).ToList();
        if (notReady.Count > 0)
            throw new ConflictException("not-at-decision", $"Not waiting for a decision: {string.Join(", ", notReady)}.");

        var decision = new Decision(number, request.Date, request.SignerName.Trim(), request.SignerTitle.Trim(), request.Citation.Trim(), user.UserId, clock.GetUtcNow());
        db.Decisions.Add(decision);
        foreach (var nomination in nominations)
        {
            var task = tasks.First(t => t.NominationId == nomination.Id);
            await workflow.ExecuteAsync(nomination, new Engine.ActOnTask(task.TaskKey, NominationWorkflow.ActorFor(user), AwardAction, decision.Number), cancellationToken);
            if (nomination.Status != NominationStatus.Awarded)
                throw new ConflictException("not-awarded", $"The workflow of {nomination.NomineeName} did not end in an award after '{AwardAction}'.");
            nomination.RecordDecision(decision.Id);
            await audit.RecordAsync(AuditTrail.NominationStream(nomination.Id), "decision.issued", task.StepKey, null,
                new { decision = decision.Number, date = request.Date.ToString("dd/MM/yyyy") }, cancellationToken);
        }
        await audit.RecordAsync("decisions", "decision.issued", null, request.Citation,
            new { decision = decision.Number, nominations = request.NominationIds }, cancellationToken);
        return new DecisionIssued(decision.Id, decision.Number, nominations.Count);
    }
}
