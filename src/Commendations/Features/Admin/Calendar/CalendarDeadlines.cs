using Commendations.Domain.Calendar;
using Commendations.Domain.Workflows;
using Commendations.Engine;
using Commendations.Persistence;
using Commendations.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Admin.Calendar;

/// <summary>A task whose due time a calendar change moves: what the administrator is shown before and after applying it.</summary>
public sealed record MovedDeadline(Guid NominationId, string Nominee, string StepName, DateTimeOffset PreviousDueAt, DateTimeOffset DueAt);

/// <summary>
/// The due times of running dossiers under a calendar about to be saved. A calendar change is never silent for running
/// deadlines: each open task's due time, reminders and escalation levels are computed again from its opening and the
/// policy it opened under (the engine's RecomputeDeadlines); <c>apply</c> stores them, moves the triggers and notifies the
/// assignee of a moved due time, otherwise nothing is changed (the preview).
/// </summary>
public sealed class CalendarDeadlines(CommendationsDbContext db, NominationWorkflow workflow, DefinitionCache definitions)
{
    public static WorkingCalendar CalendarOf(IEnumerable<CalendarDayData> days)
    {
        var list = days.ToList();
        return new WorkingCalendar(
            holidays: list.Where(d => d.Kind == CalendarDayKind.DayOff).Select(d => d.Date),
            extraWorkingDays: list.Where(d => d.Kind == CalendarDayKind.WorkingDay).Select(d => d.Date));
    }

    /// <summary>The tasks whose due time moves under <paramref name="days"/> (the whole calendar after the change).</summary>
    public async Task<IReadOnlyList<MovedDeadline>> RecomputeAsync(IEnumerable<CalendarDayData> days, bool apply, CancellationToken cancellationToken)
    {
        var calendar = CalendarOf(days);
        var instanceIds = await db.Tasks.AsNoTracking().Where(t => t.Status == WorkflowTaskStatus.Open)
            .Select(t => t.InstanceId).Distinct().ToListAsync(cancellationToken);
        var moved = new List<MovedDeadline>();
        foreach (var instanceId in instanceIds.Order())
        {
            var instance = await db.WorkflowInstances.SingleAsync(i => i.Id == instanceId, cancellationToken);
            if (instance.IsCompleted)
                continue;
            var nomination = await db.Nominations.SingleAsync(n => n.Id == instance.NominationId, cancellationToken);
            var result = await workflow.RecomputeDeadlinesAsync(nomination, instance, calendar, apply, cancellationToken);
            var definition = await definitions.GetAsync(instance.DefinitionId, instance.DefinitionVersion, cancellationToken);
            moved.AddRange(result.Effects.OfType<DeadlineRecomputed>().Where(r => r.DueMoved).Select(r => new MovedDeadline(
                nomination.Id, nomination.NomineeName, DefinitionSemantics.StepName(definition, r.StepKey), r.PreviousDueAt, r.DueAt)));
        }
        return moved;
    }
}
