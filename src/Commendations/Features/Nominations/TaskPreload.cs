using Commendations.Domain.Audit;
using Commendations.Domain.Nominations;
using Commendations.Domain.Nominees;
using Commendations.Domain.Workflows;
using Commendations.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Nominations;

/// <summary>
/// Acting on a task needs the task, its nomination, the workflow instance, the collective (engine facts) and the audit
/// stream's head. They are read here in one round trip and tracked, so the access check, the workflow bridge and the
/// audit trail find them in the change tracker (Find) instead of each sending its own query.
/// </summary>
public static class TaskPreload
{
    private sealed record Row(WorkflowTask Task, Nomination Nomination, WorkflowInstance Instance, Collective? Collective, AuditStream? AuditHead);

    // Compiled once: the hottest command of the app skips LINQ translation and the query cache lookup on every call.
    private static readonly Func<CommendationsDbContext, Guid, CancellationToken, Task<Row?>> Load = EF.CompileAsyncQuery(
        (CommendationsDbContext db, Guid taskId, CancellationToken _) =>
            (from t in db.Tasks
             where t.Id == taskId
             join n in db.Nominations on t.NominationId equals n.Id
             join i in db.WorkflowInstances on t.InstanceId equals i.Id
             join c in db.Collectives on n.CollectiveId equals (Guid?)c.Id into collectives
             from c in collectives.DefaultIfEmpty()
             // The stream's name as AuditTrail.NominationStream writes it (PostgreSQL's uuid text is .NET's "D" format).
             join a in db.AuditStreams on "nomination:" + n.Id.ToString() equals a.Name into heads
             from a in heads.DefaultIfEmpty()
             select new Row(t, n, i, c, a)).FirstOrDefault());

    /// <summary>The task (tracked, with the rest tracked beside it), or null when it does not exist.</summary>
    public static async Task<WorkflowTask?> TaskWithItsNominationAsync(CommendationsDbContext db, Guid taskId, CancellationToken cancellationToken) =>
        (await Load(db, taskId, cancellationToken))?.Task;
}
