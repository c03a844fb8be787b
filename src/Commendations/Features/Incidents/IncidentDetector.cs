using Commendations.Domain.Incidents;
using Commendations.Domain.Workflows;
using Commendations.Engine;
using Commendations.Persistence;
using Commendations.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Incidents;

/// <summary>
/// Finds the running routes that cannot move on by themselves and keeps the incident list in step: a problem found is
/// opened (or seen again), an open incident no longer found is resolved. Run by the incident sweep job, and at once when
/// something that causes one happens (an account locked).
/// </summary>
public sealed class IncidentDetector(CommendationsDbContext db, TimeProvider clock, Workflow.DefinitionCache definitions)
{
    /// <summary>An outbox message failing this many times is an incident (it is still retried).</summary>
    public const int FailingOutboxAttempts = 3;

    /// <summary>A wait younger than this may simply not be scheduled yet (the outbox applies it within seconds).</summary>
    public static readonly TimeSpan SchedulingGrace = TimeSpan.FromMinutes(10);

    public async Task<IncidentSweep> SweepAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var found = new List<Incident>();
        found.AddRange(await AssigneeProblemsAsync(now, cancellationToken));
        found.AddRange(await RolesHeldByNobodyAsync(now, cancellationToken));
        found.AddRange(await FailingOutboxAsync(now, cancellationToken));
        found.AddRange(await UnscheduledWaitsAsync(now, cancellationToken));
        found.AddRange(await FailedJobsAsync(now, cancellationToken));
        found.AddRange(await UnresolvedCommitteesAsync(now, cancellationToken));

        var open = await db.Incidents.Where(i => i.ResolvedAt == null).ToListAsync(cancellationToken);
        var openByKey = open.ToDictionary(i => (i.Kind, i.SubjectKey));
        var foundKeys = new HashSet<(IncidentKind, string)>();
        var opened = 0;
        foreach (var incident in found)
        {
            if (!foundKeys.Add((incident.Kind, incident.SubjectKey)))
                continue;
            if (openByKey.TryGetValue((incident.Kind, incident.SubjectKey), out var existing))
                existing.SeenAgain(now);
            else
            {
                db.Incidents.Add(incident);
                opened++;
            }
        }
        var resolved = 0;
        foreach (var incident in open.Where(i => !foundKeys.Contains((i.Kind, i.SubjectKey))))
        {
            incident.Resolve(now);
            resolved++;
        }
        await db.SaveChangesAsync(cancellationToken);
        return new IncidentSweep(opened, resolved, foundKeys.Count);
    }

    /// <summary>Open tasks assigned to an account that is locked or no longer exists.</summary>
    private async Task<IEnumerable<Incident>> AssigneeProblemsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = await (from t in db.Tasks.AsNoTracking()
                          where t.Status == WorkflowTaskStatus.Open && t.AssigneeUserId != null
                          join u in db.Users.AsNoTracking() on t.AssigneeUserId equals u.Id into users
                          from u in users.DefaultIfEmpty()
                          where u == null || (u.LockoutEnd != null && u.LockoutEnd > now)
                          select new { t.Id, t.NominationId, t.AssigneeUserId, Missing = u == null }).ToListAsync(cancellationToken);
        return rows.Select(r => new Incident(r.Missing ? IncidentKind.AssigneeRemoved : IncidentKind.AssigneeLocked, $"task:{r.Id}", now,
            r.NominationId, r.Id, userId: r.AssigneeUserId));
    }

    /// <summary>Open role tasks whose role no active account holds in the task's unit.</summary>
    private async Task<IEnumerable<Incident>> RolesHeldByNobodyAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var holders = from u in db.Users
                      join ur in db.UserRoles on u.Id equals ur.UserId
                      join r in db.Roles on ur.RoleId equals r.Id
                      where u.LockoutEnd == null || u.LockoutEnd <= now
                      select new { u.UnitId, r.Name };
        var rows = await db.Tasks.AsNoTracking()
            .Where(t => t.Status == WorkflowTaskStatus.Open && t.AssigneeRole != null)
            .Where(t => !holders.Any(h => h.Name == t.AssigneeRole && (t.AssigneeUnitId == null || h.UnitId == t.AssigneeUnitId)))
            .Select(t => new { t.Id, t.NominationId, t.AssigneeRole, t.AssigneeUnitId })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new Incident(IncidentKind.NoEligibleAssignee, $"task:{r.Id}", now, r.NominationId, r.Id,
            role: r.AssigneeRole, unitId: r.AssigneeUnitId));
    }

    /// <summary>Outbox messages still unapplied after several failures.</summary>
    private async Task<IEnumerable<Incident>> FailingOutboxAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ids = await db.Outbox.AsNoTracking().Where(m => m.ProcessedAt == null && m.Attempts >= FailingOutboxAttempts)
            .Select(m => m.Id).ToListAsync(cancellationToken);
        return ids.Select(id => new Incident(IncidentKind.OutboxFailing, $"outbox:{id}", now, outboxMessageId: id));
    }

    /// <summary>
    /// Waits whose end lies ahead but has neither its row nor (upgraded stores) its own Quartz trigger (a wait whose end
    /// already came has been swept and may rightly still be paused by a complaint).
    /// </summary>
    private async Task<IEnumerable<Incident>> UnscheduledWaitsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Only the instances waiting now, found in the stored state itself: reading every running instance's state every
        // few minutes would grow with the number of nominations.
        var running = await db.WorkflowInstances
            .FromSqlInterpolated($"SELECT * FROM workflow_instances WHERE NOT is_completed AND current_step IS NOT NULL AND state->>'waitUntil' IS NOT NULL AND (state->>'waitUntil')::timestamptz > {now}")
            .AsNoTracking().Select(i => new { i.Id, i.NominationId, i.CurrentStep, i.State }).ToListAsync(cancellationToken);
        var waiting = running
            .Select(i => (i.Id, i.NominationId, Step: i.CurrentStep!, State: InstanceState.FromJson(i.State)))
            .Where(i => i.State.WaitUntil is { } until && until > now
                        && i.State.History.LastOrDefault(h => h.Event == HistoryEvent.StepEntered && h.StepKey == i.Step)?.At < now - SchedulingGrace)
            .ToList();
        if (waiting.Count == 0)
            return [];
        // A wait is scheduled by its row (written with the transition), or — in a store upgraded from before waits were
        // rows — by its own Quartz trigger.
        var ids = waiting.Select(w => w.Id).ToList();
        var rows = (await db.StepWaits.AsNoTracking().Where(w => ids.Contains(w.InstanceId)).Select(w => new { w.InstanceId, w.StepKey })
            .ToListAsync(cancellationToken)).Select(w => (w.InstanceId, w.StepKey)).ToHashSet();
        var names = waiting.Select(w => ScheduleKeys.WaitTrigger(w.Id, w.Step).Name).ToList();
        var triggers = (await db.Database
            .SqlQuery<string>($"SELECT trigger_name AS \"Value\" FROM qrtz_triggers WHERE trigger_group = {ScheduleKeys.WaitGroup} AND trigger_name = ANY({names})")
            .ToListAsync(cancellationToken)).ToHashSet();
        return waiting.Where(w => !rows.Contains((w.Id, w.State.ActiveWait()?.StepKey ?? w.Step)) && !triggers.Contains(ScheduleKeys.WaitTrigger(w.Id, w.Step).Name))
            .Select(w => new Incident(IncidentKind.WaitNotScheduled, $"wait:{w.Id}:{w.Step}", now, w.NominationId));
    }

    /// <summary>Jobs that threw and were not run again, on nominations still running (or on none).</summary>
    private async Task<IEnumerable<Incident>> FailedJobsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = await (from f in db.JobFailures.AsNoTracking()
                          where f.RetriedAt == null
                          join i in db.WorkflowInstances.AsNoTracking() on f.NominationId equals i.NominationId into instances
                          from i in instances.DefaultIfEmpty()
                          where f.NominationId == null || (i != null && !i.IsCompleted)
                          select new { f.Id, f.NominationId }).ToListAsync(cancellationToken);
        return rows.Select(r => new Incident(IncidentKind.JobFailed, $"job:{r.Id}", now, r.NominationId, jobFailureId: r.Id));
    }

    /// <summary>
    /// Open tasks at a committee's step (a review in sequence or in parallel, a vote) whose committee is gone or has no
    /// active member: the turn after this one, or the vote's count, cannot be made. The definitions say which committee.
    /// </summary>
    private async Task<IEnumerable<Incident>> UnresolvedCommitteesAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The distinct steps people have open tasks at (a few dozen), not every task: this runs every few minutes.
        var openPersonal = from t in db.Tasks.AsNoTracking()
                           where t.Status == WorkflowTaskStatus.Open && t.AssigneeUserId != null
                           join i in db.WorkflowInstances.AsNoTracking() on t.InstanceId equals i.Id
                           select new { t.Id, t.InstanceId, t.NominationId, t.StepKey, i.DefinitionId, i.DefinitionVersion };
        var steps = await openPersonal.Select(t => new { t.DefinitionId, t.DefinitionVersion, t.StepKey }).Distinct().ToListAsync(cancellationToken);
        var committeeOf = new List<(string DefinitionId, int Version, string StepKey, string Committee)>();
        foreach (var step in steps)
        {
            var definition = await definitions.GetAsync(step.DefinitionId, step.DefinitionVersion, cancellationToken);
            var committee = definition.FindStep(step.StepKey) switch
            {
                SequentialApprovalStep s => s.Committee,
                ParallelApprovalStep p => p.Committee,
                VoteStep v => v.Committee,
                _ => null,
            };
            if (committee is not null)
                committeeOf.Add((step.DefinitionId, step.DefinitionVersion, step.StepKey, committee));
        }
        var codes = committeeOf.Select(c => c.Committee).Distinct().ToList();
        if (codes.Count == 0)
            return [];
        var resolving = (await (from c in db.Committees.AsNoTracking()
                                where codes.Contains(c.Code)
                                from m in c.Members
                                join u in db.Users.AsNoTracking() on m.UserId equals u.Id
                                where u.LockoutEnd == null || u.LockoutEnd <= now
                                select c.Code).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        var found = new List<Incident>();
        foreach (var (definitionId, version, stepKey, committee) in committeeOf.Where(c => !resolving.Contains(c.Committee)))
        {
            var stuck = await openPersonal.Where(t => t.DefinitionId == definitionId && t.DefinitionVersion == version && t.StepKey == stepKey)
                .ToListAsync(cancellationToken);
            found.AddRange(stuck.DistinctBy(t => t.InstanceId).Select(t => new Incident(IncidentKind.CommitteeUnresolved,
                $"committee:{t.InstanceId}:{t.StepKey}", now, t.NominationId, t.Id, committee: committee)));
        }
        return found;
    }
}

public sealed record IncidentSweep(int Opened, int Resolved, int Open);
