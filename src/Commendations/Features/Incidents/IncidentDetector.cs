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
public sealed class IncidentDetector(CommendationsDbContext db, TimeProvider clock)
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
    /// Waits whose end lies ahead but has no trigger in Quartz's job store (a wait whose end already came has fired and
    /// may rightly still be paused by a complaint), past the few minutes the outbox takes to schedule one.
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
        var names = waiting.Select(w => ScheduleKeys.WaitTrigger(w.Id, w.Step).Name).ToList();
        var scheduled = (await db.Database
            .SqlQuery<string>($"SELECT trigger_name AS \"Value\" FROM qrtz_triggers WHERE trigger_group = {ScheduleKeys.WaitGroup} AND trigger_name = ANY({names})")
            .ToListAsync(cancellationToken)).ToHashSet();
        return waiting.Where(w => !scheduled.Contains(ScheduleKeys.WaitTrigger(w.Id, w.Step).Name))
            .Select(w => new Incident(IncidentKind.WaitNotScheduled, $"wait:{w.Id}:{w.Step}", now, w.NominationId));
    }
}

public sealed record IncidentSweep(int Opened, int Resolved, int Open);
