using Commendations.Domain.Committees;
using Commendations.Engine;
using Commendations.Persistence;
using Commendations.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Disclosure;

/// <summary>
/// Which nominations are in public disclosure — waiting at the step their definition declares as the disclosure
/// (meaning <c>disclosure</c>, whatever its key) — and whose comments go to which committee (the committees that
/// reviewed it in its definition).
/// </summary>
public sealed class DisclosureSteps(CommendationsDbContext db, DefinitionSemantics semantics)
{
    /// <summary>Nominations now in disclosure (optionally of one campaign), with when disclosure ends.</summary>
    public async Task<Dictionary<Guid, DateTimeOffset?>> InDisclosureAsync(Guid? campaignId, CancellationToken cancellationToken) =>
        (await WindowsAsync(campaignId, cancellationToken)).ToDictionary(w => w.Key, w => w.Value.Until);

    /// <summary>Nominations now in disclosure (optionally of one campaign), with when their posting began and ends.</summary>
    public async Task<Dictionary<Guid, DisclosureWindow>> WindowsAsync(Guid? campaignId, CancellationToken cancellationToken)
    {
        // Narrowed by the keys any stored version gives its disclosure, then checked against each instance's own version.
        var keys = DefinitionSemantics.KeysMeaning(await semantics.RunnableAsync(cancellationToken), StepMeaning.Disclosure);
        var query = db.WorkflowInstances.AsNoTracking().Where(i => !i.IsCompleted && i.CurrentStep != null && keys.Contains(i.CurrentStep));
        if (campaignId is { } id)
            query = query.Where(i => db.Nominations.Any(n => n.Id == i.NominationId && n.CampaignId == id));
        var running = await query.ToListAsync(cancellationToken);
        var result = new Dictionary<Guid, DisclosureWindow>();
        foreach (var instance in running)
        {
            var definition = await semantics.OfAsync(instance, cancellationToken);
            if (!DefinitionSemantics.IsDisclosure(definition, instance.CurrentStep))
                continue;
            var state = InstanceState.FromJson(instance.State);
            // Posting began when the route last entered the disclosure (a returned dossier is posted again).
            var since = state.History.LastOrDefault(h => h.Event == HistoryEvent.StepEntered && h.StepKey == instance.CurrentStep)?.At;
            result[instance.NominationId] = new DisclosureWindow(since, state.WaitUntil);
        }
        return result;
    }

    public async Task<bool> IsInDisclosureAsync(Guid nominationId, CancellationToken cancellationToken)
    {
        var instance = await db.WorkflowInstances.AsNoTracking().SingleOrDefaultAsync(i => i.NominationId == nominationId, cancellationToken);
        if (instance is null || instance.IsCompleted || instance.CurrentStep is null)
            return false;
        return DefinitionSemantics.IsDisclosure(await semantics.OfAsync(instance, cancellationToken), instance.CurrentStep);
    }

    /// <summary>The committees named by the nomination's workflow (review before disclosure): their secretaries receive comments.</summary>
    public async Task<List<Committee>> CommitteesOfAsync(Guid nominationId, CancellationToken cancellationToken)
    {
        var instance = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.NominationId == nominationId, cancellationToken);
        var definition = await semantics.OfAsync(instance, cancellationToken);
        // Branches of a parallel step count too: their committees handle the comments as the route's other committees do.
        var codes = StepPaths.HumanSteps(definition).Select(WorkflowDefinitionValidator.CommitteeOf).OfType<string>().Distinct().ToList();
        return await db.Committees.AsNoTracking().Where(c => codes.Contains(c.Code)).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The committees that receive comments on these nominations (the committees their routes name), so the public
    /// page can say who posts the list and to whom comments go. One lookup per definition version, not per nominee.
    /// </summary>
    public async Task<List<string>> ReceivingCommitteeNamesAsync(IReadOnlyCollection<Guid> nominationIds, CancellationToken cancellationToken)
    {
        var instances = await db.WorkflowInstances.AsNoTracking().Where(i => nominationIds.Contains(i.NominationId)).ToListAsync(cancellationToken);
        var codes = new HashSet<string>();
        foreach (var instance in instances.DistinctBy(i => (i.DefinitionId, i.DefinitionVersion)))
        {
            var definition = await semantics.OfAsync(instance, cancellationToken);
            codes.UnionWith(StepPaths.HumanSteps(definition).Select(WorkflowDefinitionValidator.CommitteeOf).OfType<string>());
        }
        var names = await db.Committees.AsNoTracking().Where(c => codes.Contains(c.Code)).Select(c => c.Name).ToListAsync(cancellationToken);
        return names.Order(StringComparer.Create(new("vi-VN"), true)).ToList();
    }

    public static IEnumerable<Guid> Secretaries(IEnumerable<Committee> committees) =>
        committees.SelectMany(c => c.Members.Where(m => m.IsSecretary).Select(m => m.UserId)).Distinct();
}

/// <summary>When a nomination's public posting began (null if not recorded) and when comments close.</summary>
public sealed record DisclosureWindow(DateTimeOffset? Since, DateTimeOffset? Until);
