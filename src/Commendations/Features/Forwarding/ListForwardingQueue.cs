using Commendations.Common;
using Commendations.Common.Security;
using Commendations.Domain.Workflows;
using Commendations.Engine;
using Commendations.Persistence;
using Commendations.Workflow;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Forwarding;

/// <summary>
/// The nominations waiting at a forwarding step given to the reader's role and unit (the provincial commendation office):
/// what the page "Chuyển hồ sơ lên cấp trên" lists, oldest first.
/// </summary>
[Allowed(Roles.Appraiser)]
public sealed record ListForwardingQueue : IQuery<IReadOnlyList<ForwardingQueueItem>>;

/// <param name="WaitingSince">When the forwarding step opened (the leader agreed to propose upward).</param>
/// <param name="LastSendSucceeded">The last attempt to send the package: null when never sent.</param>
public sealed record ForwardingQueueItem(Guid NominationId, string NomineeName, string AwardFormName, string CampaignCode, string CampaignName,
    string UnitName, DateTimeOffset WaitingSince, DateTimeOffset DueAt, bool? LastSendSucceeded);

public sealed class ListForwardingQueueHandler(CommendationsDbContext db, DefinitionSemantics semantics, ICurrentUser user)
    : IRequestHandler<ListForwardingQueue, IReadOnlyList<ForwardingQueueItem>>
{
    public async Task<IReadOnlyList<ForwardingQueueItem>> Handle(ListForwardingQueue request, CancellationToken cancellationToken)
    {
        var roles = user.Roles.ToList();
        var open = await (from t in db.Tasks
                          join i in db.WorkflowInstances on t.InstanceId equals i.Id
                          join n in db.Nominations on t.NominationId equals n.Id
                          join f in db.AwardForms on n.AwardFormId equals f.Id
                          join c in db.Campaigns on n.CampaignId equals c.Id
                          join u in db.Units on n.UnitId equals u.Id
                          where t.Status == WorkflowTaskStatus.Open && t.AssigneeUnitId == user.UnitId && roles.Contains(t.AssigneeRole!)
                          select new
                          {
                              t.NominationId, t.StepKey, i.DefinitionId, i.DefinitionVersion, n.NomineeName, AwardFormName = f.Name,
                              CampaignCode = c.Code, CampaignName = c.Name, UnitName = u.Name, t.OpenedAt, t.DueAt,
                          }).ToListAsync(cancellationToken);
        // Which open steps are forwarding steps is the definition's to say (by meaning), once per step of a version.
        var forwardingSteps = new HashSet<(string, int, string)>();
        foreach (var step in open.Select(o => (o.DefinitionId, o.DefinitionVersion, o.StepKey)).Distinct())
        {
            var definition = await semantics.OfAsync(step.DefinitionId, step.DefinitionVersion, cancellationToken);
            if (definition.CentralAwardActionAt(step.StepKey) is not null)
                forwardingSteps.Add(step);
        }
        var atForwarding = open.Where(o => forwardingSteps.Contains((o.DefinitionId, o.DefinitionVersion, o.StepKey))).ToList();
        var ids = atForwarding.Select(r => r.NominationId).ToList();
        var lastSends = (await db.ForwardingSends.AsNoTracking().Where(s => ids.Contains(s.NominationId))
                .Select(s => new { s.NominationId, s.SentAt, s.Succeeded }).ToListAsync(cancellationToken))
            .GroupBy(s => s.NominationId).ToDictionary(g => g.Key, g => g.MaxBy(s => s.SentAt)!.Succeeded);
        return atForwarding
            .Select(row => new ForwardingQueueItem(row.NominationId, row.NomineeName, row.AwardFormName, row.CampaignCode, row.CampaignName,
                row.UnitName, row.OpenedAt, row.DueAt, lastSends.TryGetValue(row.NominationId, out var succeeded) ? succeeded : null))
            .OrderBy(w => w.WaitingSince).ThenBy(w => w.NomineeName, StringComparer.Ordinal).ToList();
    }
}
