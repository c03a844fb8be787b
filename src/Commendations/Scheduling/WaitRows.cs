using Commendations.Domain.Workflows;
using Commendations.Engine;
using Commendations.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Scheduling;

/// <summary>
/// Waits as data, like deadlines (<see cref="DeadlineRows"/>): the engine's <see cref="WaitScheduled"/> becomes a
/// <see cref="StepWait"/> row in the transaction that entered (or recomputed) the wait, so entering public disclosure
/// never writes Quartz; <see cref="WaitSlotJob"/> ends the waits due at each instant.
/// </summary>
public static class WaitRows
{
    public static async Task WriteAsync(CommendationsDbContext db, Guid instanceId, Guid nominationId, WaitScheduled effect,
        CancellationToken cancellationToken)
    {
        var row = db.FindTracked<StepWait>(w => w.InstanceId == instanceId && w.StepKey == effect.StepKey)
                  ?? await db.StepWaits.SingleOrDefaultAsync(w => w.InstanceId == instanceId && w.StepKey == effect.StepKey, cancellationToken);
        if (row is null)
            db.StepWaits.Add(new StepWait(instanceId, effect.StepKey, nominationId, effect.Until));
        else
            row.MoveTo(effect.Until);
    }
}
