using Commendations.Common;
using Commendations.Common.Security;
using Commendations.Engine;
using Commendations.Persistence;
using Commendations.Scheduling;
using Commendations.Workflow;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Operations;

/// <summary>The administrators' operations page: the figures the gauges report, read now, and today's actions hour by hour.</summary>
[Allowed(Roles.Administrator)]
public sealed record GetOperationsOverview : IQuery<OperationsOverview>;

/// <param name="Hours">Today's hours (Vietnam time) up to the current one, each with the actions taken and how many were approvals.</param>
public sealed record OperationsOverview(OperationsSnapshot Figures, IReadOnlyList<HourOfActions> Hours);

/// <param name="Hour">0–23, Vietnam time.</param>
public sealed record HourOfActions(int Hour, int Actions, int Approvals);

public sealed class GetOperationsOverviewHandler(CommendationsDbContext db, OperationsFigures figures, DefinitionSemantics semantics, TimeProvider clock)
    : IRequestHandler<GetOperationsOverview, OperationsOverview>
{
    public async Task<OperationsOverview> Handle(GetOperationsOverview request, CancellationToken cancellationToken)
    {
        var snapshot = await figures.ReadAsync(cancellationToken);
        var now = VietnamTime.Local(clock.GetUtcNow());
        var startOfDay = new DateTimeOffset(now.Date, now.Offset);
        // Tasks someone closed today by acting on them (closures by the system — withdrawal, deadline — have no actor).
        var closed = await (
                from t in db.Tasks.AsNoTracking()
                where t.ClosedAt >= startOfDay && t.ClosedBy != null && t.Outcome != null
                join i in db.WorkflowInstances.AsNoTracking() on t.InstanceId equals i.Id
                select new { i.DefinitionId, i.DefinitionVersion, t.StepKey, t.Outcome, t.ClosedAt })
            .ToListAsync(cancellationToken);

        var approvals = new Dictionary<(string, int, string, string), bool>();
        foreach (var kind in closed.Select(c => (c.DefinitionId, c.DefinitionVersion, c.StepKey, c.Outcome!)).Distinct())
        {
            var definition = await semantics.OfAsync(kind.DefinitionId, kind.DefinitionVersion, cancellationToken);
            approvals[kind] = DefinitionSemantics.MeaningOf(definition, kind.StepKey, kind.Item4) == ActionMeaning.Approve;
        }
        var byHour = closed.GroupBy(c => VietnamTime.Local(c.ClosedAt!.Value).Hour)
            .ToDictionary(g => g.Key, g => (Actions: g.Count(), Approvals: g.Count(c => approvals[(c.DefinitionId, c.DefinitionVersion, c.StepKey, c.Outcome!)])));
        var hours = Enumerable.Range(0, now.Hour + 1)
            .Select(h => byHour.TryGetValue(h, out var n) ? new HourOfActions(h, n.Actions, n.Approvals) : new HourOfActions(h, 0, 0))
            .ToList();
        return new OperationsOverview(snapshot, hours);
    }
}
