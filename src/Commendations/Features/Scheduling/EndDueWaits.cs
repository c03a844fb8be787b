using Commendations.Common;
using Commendations.Common.Security;
using Commendations.Domain.Workflows;
using Commendations.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Scheduling;

/// <summary>
/// One batch of the wait sweep (sent by <see cref="Commendations.Scheduling.WaitSlotJob"/> as the system): takes up to
/// <see cref="BatchSize"/> waits that have ended — deleted and locked by one statement (<c>FOR UPDATE SKIP LOCKED</c>), so a
/// sweep on another node takes other rows — and ends each with <see cref="ElapseWait"/>'s own handler (no second
/// pipeline), in this command's one
/// transaction: re-checked against the instance (still waiting there, the time come, no complaint pending on a
/// disclosure), otherwise nothing happens. Only waits ended by the clock's now are taken, even when Quartz fires a slot a
/// little early: the engine would refuse a wait whose time has not come, and the row would be lost; the catch-up trigger
/// takes them a moment later.
/// </summary>
[Allowed(Audience.System)]
public sealed record EndDueWaits(DateTimeOffset Until, int BatchSize = EndDueWaits.DefaultBatchSize) : ICommand<DueWaitsEnded>
{
    public const int DefaultBatchSize = 100;
}

/// <param name="Taken">Rows taken (ended or dropped): fewer than the batch size means nothing is left.</param>
/// <param name="Ended">Waits the engine ended now.</param>
public sealed record DueWaitsEnded(int Taken, int Ended);

public sealed class EndDueWaitsHandler(CommendationsDbContext db, IRequestHandler<ElapseWait, bool> elapse, TimeProvider clock)
    : IRequestHandler<EndDueWaits, DueWaitsEnded>
{
    public async Task<DueWaitsEnded> Handle(EndDueWaits request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var until = (request.Until < now ? request.Until : now).ToUniversalTime();
        var rows = await db.StepWaits.FromSqlInterpolated($"""
            DELETE FROM step_waits WHERE ctid IN (
                SELECT ctid FROM step_waits WHERE until <= {until} ORDER BY until LIMIT {request.BatchSize} FOR UPDATE SKIP LOCKED)
            RETURNING *
            """).AsNoTracking().ToListAsync(cancellationToken);
        var ended = 0;
        foreach (var row in rows.OrderBy(r => r.Until))
        {
            if (await elapse.Handle(new ElapseWait(row.NominationId, row.StepKey), cancellationToken))
                ended++;
        }
        return new DueWaitsEnded(rows.Count, ended);
    }
}
