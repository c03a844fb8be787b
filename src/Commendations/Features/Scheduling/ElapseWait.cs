using Commendations.Common.Text;
using Commendations.Audit;
using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Engine;
using Commendations.Persistence;
using Commendations.Workflow;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Scheduling;

/// <summary>
/// A wait step's time is up (e.g. public disclosure): sent by the scheduler as the system. It re-checks that the
/// nomination is still waiting at that step and that the time has come; otherwise it does nothing and says so.
/// </summary>
[Allowed(Audience.System)]
public sealed record ElapseWait(Guid NominationId, string StepKey) : ICommand<bool>;

public sealed class ElapseWaitHandler(CommendationsDbContext db, NominationWorkflow workflow, AuditTrail audit, TimeProvider clock, DefinitionSemantics semantics)
    : IRequestHandler<ElapseWait, bool>
{
    public async Task<bool> Handle(ElapseWait request, CancellationToken cancellationToken)
    {
        var nomination = await db.Nominations.SingleOrDefaultAsync(n => n.Id == request.NominationId, cancellationToken)
                         ?? throw new NotFoundException(Things.Nomination);
        var instance = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.NominationId == nomination.Id, cancellationToken);
        var state = InstanceState.FromJson(instance.State);
        // The wait may be inside a sub-route (its step key is then a path such as "discipline-check/cool-off").
        if (state.Status != InstanceStatus.Running || state.ActiveWait() is not { } wait || wait.StepKey != request.StepKey || wait.Until > clock.GetUtcNow())
            return false;
        // Issue 8: an unresolved complaint from public disclosure pauses the nomination. The wait does not end now;
        // resolving the last complaint ends it (HandleDisclosureComment sends this command again once the time is up).
        // Only the wait the definition declares as the disclosure is paused, whatever it is called.
        if (DefinitionSemantics.IsDisclosure(await semantics.OfAsync(instance, cancellationToken), request.StepKey)
            && await db.DisclosureComments.AnyAsync(c => c.NominationId == nomination.Id && c.Kind == Domain.Disclosure.CommentKind.Complaint
                                                      && c.HandledAt == null, cancellationToken))
            return false;

        await workflow.ExecuteAsync(nomination, new WaitElapsed(request.StepKey), cancellationToken);
        await audit.RecordAsync(AuditTrail.NominationStream(nomination.Id), "wait.elapsed", request.StepKey, null, null, cancellationToken);
        return true;
    }
}
