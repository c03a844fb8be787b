using Commendations.Domain.Committees;
using Commendations.Engine;
using Commendations.Persistence;
using Commendations.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Disclosure;

/// <summary>
/// Which nominations are in public disclosure: those waiting at a wait step named for it (the shipped definitions'
/// <c>public-disclosure</c>; any wait whose key mentions "disclosure" or "cong-khai"), and whose comments go to which
/// committee (the committees that reviewed it in its definition).
/// </summary>
public sealed class DisclosureSteps(CommendationsDbContext db, DefinitionCache definitions)
{
    public static bool IsDisclosure(StepDefinition? step) =>
        step is WaitStep wait && (wait.Key.Contains("disclosure", StringComparison.Ordinal) || wait.Key.Contains("cong-khai", StringComparison.Ordinal));

    /// <summary>Nominations now in disclosure (optionally of one campaign), with when disclosure ends.</summary>
    public async Task<Dictionary<Guid, DateTimeOffset?>> InDisclosureAsync(Guid? campaignId, CancellationToken cancellationToken)
    {
        var query = db.WorkflowInstances.AsNoTracking().Where(i => !i.IsCompleted && i.CurrentStep != null
            && (i.CurrentStep.Contains("disclosure") || i.CurrentStep.Contains("cong-khai")));
        if (campaignId is { } id)
            query = query.Where(i => db.Nominations.Any(n => n.Id == i.NominationId && n.CampaignId == id));
        var running = await query.ToListAsync(cancellationToken);
        var result = new Dictionary<Guid, DateTimeOffset?>();
        foreach (var instance in running)
        {
            var definition = await definitions.GetAsync(instance.DefinitionId, instance.DefinitionVersion, cancellationToken);
            if (IsDisclosure(definition.FindStep(instance.CurrentStep!)))
                result[instance.NominationId] = InstanceState.FromJson(instance.State).WaitUntil;
        }
        return result;
    }

    public async Task<bool> IsInDisclosureAsync(Guid nominationId, CancellationToken cancellationToken)
    {
        var instance = await db.WorkflowInstances.AsNoTracking().SingleOrDefaultAsync(i => i.NominationId == nominationId, cancellationToken);
        if (instance is null || instance.IsCompleted || instance.CurrentStep is null)
            return false;
        var definition = await definitions.GetAsync(instance.DefinitionId, instance.DefinitionVersion, cancellationToken);
        return IsDisclosure(definition.FindStep(instance.CurrentStep));
    }

    /// <summary>The committees named by the nomination's workflow (review before disclosure): their secretaries receive comments.</summary>
    public async Task<List<Committee>> CommitteesOfAsync(Guid nominationId, CancellationToken cancellationToken)
    {
        var instance = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.NominationId == nominationId, cancellationToken);
        var definition = await definitions.GetAsync(instance.DefinitionId, instance.DefinitionVersion, cancellationToken);
        var codes = StepPaths.HumanSteps(definition).Select(s => s switch
        {
            SequentialApprovalStep a => a.Committee,
            ParallelApprovalStep p => p.Committee,
            VoteStep v => v.Committee,
            _ => null,
        }).OfType<string>().Distinct().ToList();
        return await db.Committees.AsNoTracking().Where(c => codes.Contains(c.Code)).ToListAsync(cancellationToken);
    }

    public static IEnumerable<Guid> Secretaries(IEnumerable<Committee> committees) =>
        committees.SelectMany(c => c.Members.Where(m => m.IsSecretary).Select(m => m.UserId)).Distinct();
}
