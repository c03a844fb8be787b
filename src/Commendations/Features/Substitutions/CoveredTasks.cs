using Commendations.Domain.Workflows;
using Commendations.Features.Nominations;
using Commendations.Persistence;
using Commendations.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Substitutions;

/// <summary>
/// The inbox's part for a substitute: the open personal tasks of the people they cover today, each marked with whose it
/// is. A council ballot is listed so the substitute knows it waits (and can remind the member), marked as not theirs to
/// cast. Kept apart from <see cref="GetInboxHandler"/> so the inbox's own query stays as it is measured.
/// </summary>
public sealed class CoveredTasks(CommendationsDbContext db, Substitutes substitutes, DefinitionSemantics semantics, TimeProvider clock)
{
    private const int Limit = 200;

    /// <summary>How many covered tasks the inbox would add (the menu's count).</summary>
    public async Task<int> CountAsync(Guid userId, CancellationToken cancellationToken)
    {
        var principals = await substitutes.PrincipalsCoveredTodayAsync(userId, cancellationToken);
        return principals.Count == 0 ? 0
            : await db.Tasks.AsNoTracking().CountAsync(t => t.Status == WorkflowTaskStatus.Open && t.AssigneeUserId != null
                && principals.Contains(t.AssigneeUserId.Value), cancellationToken);
    }

    /// <summary><paramref name="items"/> with the covered tasks added, soonest due first.</summary>
    public async Task<IReadOnlyList<InboxItem>> AddAsync(IReadOnlyList<InboxItem> items, Guid userId, CancellationToken cancellationToken)
    {
        var principals = await substitutes.PrincipalsCoveredTodayAsync(userId, cancellationToken);
        if (principals.Count == 0)
            return items;
        var now = clock.GetUtcNow();
        var rows = await db.Tasks.AsNoTracking()
            .Where(t => t.Status == WorkflowTaskStatus.Open && t.AssigneeUserId != null && principals.Contains(t.AssigneeUserId.Value))
            .OrderBy(t => t.DueAt).ThenBy(t => t.Id).Take(Limit)
            .Join(db.Nominations, t => t.NominationId, n => n.Id, (t, n) => new { t, n })
            .Join(db.WorkflowInstances, x => x.t.InstanceId, i => i.Id, (x, i) => new { x.t, x.n, i.DefinitionId, i.DefinitionVersion })
            .Join(db.Campaigns, x => x.n.CampaignId, c => c.Id, (x, c) => new { x.t, x.n, c.Code, x.DefinitionId, x.DefinitionVersion })
            .Join(db.Users, x => x.t.AssigneeUserId, u => u.Id, (x, u) => new
            {
                Item = new InboxItem(x.t.Id, x.n.Id, x.n.NomineeName, x.Code, x.t.StepKey, x.t.Round, x.t.OpenedAt, x.t.DueAt, x.t.DueAt < now),
                x.DefinitionId, x.DefinitionVersion, u.DisplayName,
            })
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
            return items;
        var definitions = await semantics.SetAsync(rows.Select(r => (r.DefinitionId, r.DefinitionVersion)), cancellationToken);
        var covered = rows.Select(r => r.Item with
        {
            StepName = definitions.StepName(r.DefinitionId, r.DefinitionVersion, r.Item.StepKey),
            StepMeaning = definitions.Get(r.DefinitionId, r.DefinitionVersion)?.FindStep(r.Item.StepKey)?.Meaning,
            OnBehalfOf = r.DisplayName,
            PersonalBallot = definitions.Get(r.DefinitionId, r.DefinitionVersion)?.FindStep(r.Item.StepKey) is Engine.VoteStep,
        });
        return [.. items.Concat(covered).OrderBy(i => i.DueAt).ThenBy(i => i.TaskId)];
    }
}
