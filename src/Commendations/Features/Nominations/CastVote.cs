using Commendations.Common.Text;
using Commendations.Audit;
using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Engine;
using Commendations.Workflow;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Nominations;

/// <summary>A council member's ballot (yes / no / abstain, or recusal for a conflict of interest) on a nomination at a vote step.</summary>
[Allowed(Roles.CommitteeMember)]
public sealed record CastVote(Guid NominationId, VoteChoice Choice, string? Comment, string? IdempotencyKey = null)
    : ICommand<WorkflowOutcome>, IIdempotentCommand, INominationRequest;

public sealed class CastVoteValidator : AbstractValidator<CastVote>
{
    public CastVoteValidator()
    {
        RuleFor(c => c.Choice).IsInEnum();
        RuleFor(c => c.Comment).MaximumLength(4000);
    }
}

public sealed class CastVoteHandler(NominationAccess access, NominationWorkflow workflow, ICurrentUser user, AuditTrail audit, DefinitionCache definitions,
    Persistence.CommendationsDbContext db, Substitutions.Substitutes substitutes)
    : IRequestHandler<CastVote, WorkflowOutcome>
{
    public async Task<WorkflowOutcome> Handle(CastVote request, CancellationToken cancellationToken)
    {
        var nomination = await access.ReadableAsync(request.NominationId, cancellationToken);
        var step = nomination.CurrentStep ?? throw new ConflictException("not-voting", new Message("Hồ sơ không ở bước biểu quyết."));
        // A secret ballot is cast in the council session, where the choice is sealed in the ballot box; a ballot sent here
        // would be stored with the instance one at a time, and successive states would show who chose what.
        var instance = await db.WorkflowInstances.SingleAsync(i => i.NominationId == nomination.Id, cancellationToken);
        if ((await definitions.GetAsync(instance.DefinitionId, instance.DefinitionVersion, cancellationToken)).FindStep(step) is Engine.VoteStep { Secret: true })
            throw new ConflictException("secret-vote-in-session", new Message("Biểu quyết kín được thực hiện trong phiên họp của Hội đồng."));
        // Someone covering an away member, with no ballot of their own here, is sending the member's: the engine refuses it.
        var actor = await substitutes.BallotActorAsync(nomination.Id, user, cancellationToken);
        await workflow.ExecuteAsync(nomination, new Engine.CastVote(step, actor, request.Choice, request.Comment), cancellationToken);
        // Council ballots are secret (bỏ phiếu kín): the timeline shows that a member voted, not how; the count lives in the instance.
        await audit.RecordAsync(AuditTrail.NominationStream(nomination.Id), "vote.cast", step, null, null, cancellationToken);
        return WorkflowOutcome.Of(nomination);
    }
}
