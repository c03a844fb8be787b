using Commendations.Audit;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Common.Text;
using Commendations.Domain.Catalog;
using Commendations.Domain.Decisions;
using Commendations.Domain.Documents;
using Commendations.Domain.Nominations;
using Commendations.Domain.Registry;
using Commendations.Domain.Workflows;
using Commendations.Engine;
using Commendations.Persistence;
using Commendations.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Decisions;

/// <summary>A nomination's open task at its definition's decision step, that step's award action and what it requires of signatures.</summary>
public sealed record DecisionTask(WorkflowTask Task, string Award, SigningRequirement? Signing);

/// <summary>
/// A decision taking effect: each nomination's award action sent (the decision number its comment), so it becomes
/// Awarded with its notifications, and the registry lines written with their register numbers. Immediately when the
/// decision is issued — or, when the nominations' definition requires signatures (<see cref="SigningRequirement"/>),
/// once the last required signature is stored (<see cref="TakeEffectIfSignedAsync"/>).
/// </summary>
public sealed class DecisionEffect(CommendationsDbContext db, NominationWorkflow workflow, AuditTrail audit, TimeProvider clock, DefinitionSemantics semantics)
{
    /// <summary>
    /// Each nomination's open task at a decision step of its definition, with that step's award action and signing —
    /// whatever the definition calls the step and the action.
    /// </summary>
    public async Task<Dictionary<Guid, DecisionTask>> DecisionTasksAsync(IReadOnlyList<Guid> nominationIds, CancellationToken cancellationToken)
    {
        var open = await (from t in db.Tasks
                          join i in db.WorkflowInstances on t.InstanceId equals i.Id
                          where nominationIds.Contains(t.NominationId) && t.Status == WorkflowTaskStatus.Open
                          select new { Task = t, i.DefinitionId, i.DefinitionVersion }).ToListAsync(cancellationToken);
        var result = new Dictionary<Guid, DecisionTask>();
        foreach (var row in open)
        {
            var definition = await semantics.OfAsync(row.DefinitionId, row.DefinitionVersion, cancellationToken);
            if (DefinitionSemantics.AwardActionAt(definition, row.Task.StepKey) is { } award)
                result.TryAdd(row.Task.NominationId, new DecisionTask(row.Task, award, (definition.FindStep(row.Task.StepKey) as TaskStep)?.Signing));
        }
        return result;
    }

    /// <summary>Sends each nomination's award action as <paramref name="actor"/> and writes the registry lines; returns the register numbers.</summary>
    public async Task<List<string>> AwardAsync(Decision decision, IReadOnlyList<Nomination> nominations, IReadOnlyDictionary<Guid, DecisionTask> tasks,
        Actor actor, IReadOnlyList<(AwardRecord Line, string Name)> corrected, string auditEvent, CancellationToken cancellationToken)
    {
        foreach (var nomination in nominations)
        {
            var task = tasks[nomination.Id];
            await workflow.ExecuteAsync(nomination, new Engine.ActOnTask(task.Task.TaskKey, actor, task.Award, decision.Number), cancellationToken);
            if (nomination.Status != NominationStatus.Awarded)
                throw new ConflictException("not-awarded", new Message("Quy trình của {0} không kết thúc bằng khen thưởng sau khi ký quyết định.", nomination.NomineeName));
            nomination.RecordDecision(decision.Id);
            await audit.RecordAsync(AuditTrail.NominationStream(nomination.Id), auditEvent, task.Task.StepKey, null,
                new { decision = decision.Number, date = decision.Date.ToString("dd/MM/yyyy") }, cancellationToken);
        }
        return await RegisterAsync(decision, nominations, corrected, cancellationToken);
    }

    /// <summary>
    /// After a signature of the given decision is stored: when it was the last one the decision waited for
    /// (the leader's without a seal required, or the seal), the decision takes effect on behalf of the leader who
    /// issued it — the nominations still at its decision step are awarded and entered in the registry.
    /// </summary>
    public async Task<bool> TakeEffectIfSignedAsync(Decision decision, SignatureRole stored, CancellationToken cancellationToken)
    {
        var complete = decision.AwaitsSignatures && (stored == SignatureRole.Seal || !decision.RequiresSeal);
        if (!complete)
            return false;
        var nominations = (await db.Nominations.Where(n => n.DecisionId == decision.Id).ToListAsync(cancellationToken)).Where(n => n.AwaitsDecisionSignatures).ToList();
        if (nominations.Count == 0)
            return false;
        var tasks = await DecisionTasksAsync(nominations.Select(n => n.Id).ToList(), cancellationToken);
        var moved = nominations.Where(n => !tasks.ContainsKey(n.Id)).Select(n => n.NomineeName).ToList();
        if (moved.Count > 0)
            throw new ConflictException("not-at-decision", new Message("Các hồ sơ chưa đến bước quyết định khen thưởng: {0}.", Message.List(moved)));
        var issuerUnit = await db.Users.AsNoTracking().Where(u => u.Id == decision.IssuedBy).Select(u => u.UnitId).SingleOrDefaultAsync(cancellationToken);
        // The award is the issuing leader's act, whoever stored the last signature (the clerk's seal completes it).
        var actor = new Actor(decision.IssuedBy.ToString(), new HashSet<string> { Roles.ProvincialLeader }, issuerUnit?.ToString());
        var numbers = await AwardAsync(decision, nominations, tasks, actor, [], "decision.took-effect", cancellationToken);
        await audit.RecordAsync("decisions", "decision.took-effect", null, null,
            new { decision = decision.Number, nominations = nominations.Select(n => n.Id), registerNumbers = numbers }, cancellationToken);
        return true;
    }

    /// <summary>Registry lines in the printed order — collectives, then individuals, alphabetical — then corrections.</summary>
    private async Task<List<string>> RegisterAsync(Decision decision, IReadOnlyList<Nomination> nominations,
        IReadOnlyList<(AwardRecord Line, string Name)> corrected, CancellationToken cancellationToken)
    {
        var unitIds = nominations.Select(n => n.UnitId).Distinct().ToList();
        var formIds = nominations.Select(n => n.AwardFormId).Distinct().ToList();
        var campaignIds = nominations.Select(n => n.CampaignId).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
        var forms = await db.AwardForms.AsNoTracking().Where(a => formIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
        var campaigns = await db.Campaigns.AsNoTracking().Where(c => campaignIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var personIds = nominations.Where(n => n.PersonId != null).Select(n => n.PersonId!.Value).ToList();
        var collectiveIds = nominations.Where(n => n.CollectiveId != null).Select(n => n.CollectiveId!.Value).ToList();
        var identities = (await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).Select(p => new { p.Id, p.IdentityId }).ToListAsync(cancellationToken))
            .Concat(await db.Collectives.AsNoTracking().Where(c => collectiveIds.Contains(c.Id)).Select(c => new { c.Id, c.IdentityId }).ToListAsync(cancellationToken))
            .ToDictionary(x => x.Id, x => x.IdentityId);
        Guid? IdentityOf(Nomination n) => (n.PersonId ?? n.CollectiveId) is { } id && identities.TryGetValue(id, out var identity) ? identity : null;
        var lines = Ordered(nominations)
            .Select(n => new AwardRecordData(n.Id, n.Kind, n.PersonId, n.CollectiveId, n.NomineeName, n.UnitId, units[n.UnitId],
                n.AwardFormId, forms[n.AwardFormId].Code, forms[n.AwardFormId].Name, n.CampaignId, campaigns[n.CampaignId].Code, campaigns[n.CampaignId].Name)
            { NomineeIdentityId = IdentityOf(n) })
            .Concat(corrected.Select(c => c.Line.Data.WithName(c.Name)))
            .ToList();
        foreach (var (line, _) in corrected)
            line.SupersedeBy(decision.Id);

        var series = decision.RegisterSeries ?? RegisterNumbers.DefaultSeries;
        var first = await RegisterNumbers.ReserveAsync(db, series, decision.Date.Year, lines.Count, cancellationToken);
        var records = lines.Select((data, i) => new AwardRecord(data, decision.Id, decision.Number, decision.Date, series, first + i, clock.GetUtcNow())).ToList();
        db.AwardRecords.AddRange(records);
        return records.Select(r => r.RegisterNumber).ToList();
    }

    /// <summary>The printed order of a decision's list: collectives, then individuals, alphabetical in Vietnamese.</summary>
    public static IEnumerable<Nomination> Ordered(IEnumerable<Nomination> nominations)
    {
        var vietnamese = StringComparer.Create(new("vi-VN"), true);
        return nominations.OrderBy(n => n.Kind == NomineeKind.Collective ? 0 : 1).ThenBy(n => n.NomineeName, vietnamese).ThenBy(n => n.Id);
    }
}
