using Commendations.Common;
using Commendations.Common.Security;
using Commendations.Domain.Workflows;
using Commendations.Features.Campaigns;
using Commendations.Persistence;
using Commendations.Workflow;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Dashboard;

/// <summary>
/// A campaign's dashboard: counts by status and by current step (as <see cref="GetCampaignProgress"/>, with its scope:
/// reviewers, leaders and administrators see the whole campaign, an officer their own unit), overdue open tasks by step
/// and by nominating unit, and the average time a step's tasks stayed open (closed tasks only).
/// </summary>
[Allowed(Roles.EmulationOfficer, Roles.CommitteeMember, Roles.Appraiser, Roles.ProvincialLeader, Roles.Administrator)]
public sealed record GetCampaignDashboard(Guid CampaignId) : IQuery<CampaignDashboard>;

public sealed record CampaignDashboard(
    Guid CampaignId, string Code, string Name, int Total,
    IReadOnlyList<CountItem> ByStatus, IReadOnlyList<CountItem> ByStep,
    int OpenTasks, int OverdueTasks, IReadOnlyList<CountItem> OverdueByStep, IReadOnlyList<UnitCount> OverdueByUnit,
    IReadOnlyList<StepDuration> AverageByStep, DateTimeOffset AsOf);

public sealed record CountItem(string Key, int Count)
{
    /// <summary>For a step, its name as people read it (from the campaign's workflow definitions).</summary>
    public string? Name { get; init; }
}

public sealed record UnitCount(Guid UnitId, string UnitCode, string UnitName, int Count);

/// <summary>Closed tasks of a step: how many, and on average how long they were open, in hours and in working days.</summary>
public sealed record StepDuration(string StepKey, int ClosedTasks, double AverageHours, double AverageWorkingDays)
{
    public string StepName { get; init; } = "—";
}

public sealed class GetCampaignDashboardHandler(
    CommendationsDbContext db, ICurrentUser user, IMediator mediator, TimeProvider clock, RuntimeContextFactory contexts, DefinitionSemantics semantics)
    : IRequestHandler<GetCampaignDashboard, CampaignDashboard>
{
    public async Task<CampaignDashboard> Handle(GetCampaignDashboard request, CancellationToken cancellationToken)
    {
        // Same scope and refusals as the progress query (404 unknown campaign, 403 for users with no such role).
        var progress = await mediator.Send(new GetCampaignProgress(request.CampaignId), cancellationToken);
        var campaign = await db.Campaigns.AsNoTracking().Where(c => c.Id == request.CampaignId)
            .Select(c => new { c.Code, c.Name, Workflows = c.Awards.Select(a => a.WorkflowDefinitionId).ToList() }).SingleAsync(cancellationToken);
        // Progress counts come by step key without a version: named from the campaign's workflows, newest version first.
        var stepName = await semantics.StepNamesOfAsync(campaign.Workflows.Distinct().ToList(), null, cancellationToken);
        var now = clock.GetUtcNow();

        var nominations = db.Nominations.AsNoTracking().Where(n => n.CampaignId == request.CampaignId);
        if (!user.IsInRole(Roles.Administrator) && !Nominations.NominationAccess.IsReviewer(user))
            nominations = nominations.Where(n => n.UnitId == user.UnitId);
        var tasks = from t in db.Tasks.AsNoTracking()
                    join n in nominations on t.NominationId equals n.Id
                    select new { t.StepKey, t.Status, t.OpenedAt, t.DueAt, t.ClosedAt, n.UnitId };

        var openTasks = await tasks.CountAsync(t => t.Status == WorkflowTaskStatus.Open, cancellationToken);
        var overdue = tasks.Where(t => t.Status == WorkflowTaskStatus.Open && t.DueAt < now);
        var overdueByStep = (await overdue.GroupBy(t => t.StepKey).Select(g => new CountItem(g.Key, g.Count()))
            .ToListAsync(cancellationToken)).Select(c => c with { Name = stepName(c.Key) }).ToList();
        var overdueByUnit = await (from t in overdue
                                   join u in db.Units.AsNoTracking() on t.UnitId equals u.Id
                                   group t by new { u.Id, u.Code, u.Name } into g
                                   select new UnitCount(g.Key.Id, g.Key.Code, g.Key.Name, g.Count()))
            .ToListAsync(cancellationToken);

        var closed = await tasks.Where(t => t.Status == WorkflowTaskStatus.Closed && t.ClosedAt != null)
            .Select(t => new { t.StepKey, t.OpenedAt, ClosedAt = t.ClosedAt!.Value }).ToListAsync(cancellationToken);
        var calendar = await contexts.CalendarAsync(cancellationToken);
        var durations = closed.GroupBy(t => t.StepKey).Select(g => new StepDuration(
                g.Key, g.Count(),
                Math.Round(g.Average(t => (t.ClosedAt - t.OpenedAt).TotalHours), 1),
                Math.Round(g.Average(t => WorkingDaysBetween(calendar, t.OpenedAt, t.ClosedAt)), 1)) { StepName = stepName(g.Key) })
            .OrderBy(d => d.StepKey, StringComparer.Ordinal).ToList();

        return new CampaignDashboard(
            request.CampaignId, campaign.Code, campaign.Name, progress.Total,
            progress.ByStatus.Select(s => new CountItem(s.Key, s.Value)).OrderByDescending(s => s.Count).ThenBy(s => s.Key, StringComparer.Ordinal).ToList(),
            progress.ByStep.Select(s => new CountItem(s.Key, s.Value) { Name = stepName(s.Key) }).OrderByDescending(s => s.Count).ThenBy(s => s.Key, StringComparer.Ordinal).ToList(),
            openTasks, overdueByStep.Sum(s => s.Count),
            overdueByStep.OrderByDescending(s => s.Count).ThenBy(s => s.Key, StringComparer.Ordinal).ToList(),
            overdueByUnit.OrderByDescending(u => u.Count).ThenBy(u => u.UnitName, StringComparer.Ordinal).ToList(),
            durations, now);
    }

    /// <summary>
    /// Working time between two instants in working days: whole working days strictly between the two local dates, plus
    /// the opening and closing days' shares of the working day (08:00–17:00 by default); weekends and holidays count zero.
    /// </summary>
    internal static double WorkingDaysBetween(Engine.WorkingCalendar calendar, DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
            return 0;
        var start = calendar.LocalDate(from);
        var end = calendar.LocalDate(to);
        var dayLength = (calendar.WorkdayEnd - calendar.WorkdayStart).TotalHours;
        double Share(DateOnly date, TimeOnly a, TimeOnly b)
        {
            if (!calendar.IsWorkingDay(date))
                return 0;
            var lo = a < calendar.WorkdayStart ? calendar.WorkdayStart : a > calendar.WorkdayEnd ? calendar.WorkdayEnd : a;
            var hi = b < calendar.WorkdayStart ? calendar.WorkdayStart : b > calendar.WorkdayEnd ? calendar.WorkdayEnd : b;
            return hi > lo ? (hi - lo).TotalHours / dayLength : 0;
        }
        var fromTime = TimeOnly.FromTimeSpan(from.ToOffset(calendar.UtcOffset).TimeOfDay);
        var toTime = TimeOnly.FromTimeSpan(to.ToOffset(calendar.UtcOffset).TimeOfDay);
        if (start == end)
            return Share(start, fromTime, toTime);
        var total = Share(start, fromTime, TimeOnly.MaxValue) + Share(end, TimeOnly.MinValue, toTime);
        for (var d = start.AddDays(1); d < end; d = d.AddDays(1))
        {
            if (calendar.IsWorkingDay(d))
                total += 1;
        }
        return total;
    }
}
