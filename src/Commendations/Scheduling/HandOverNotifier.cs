using Commendations.Common;
using Commendations.Common.Security;
using Commendations.Common.Text;
using Commendations.Domain.Notifications;
using Commendations.Engine;
using Commendations.Persistence;
using Commendations.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Scheduling;

/// <summary>
/// Tells whoever a hand-over concerns (<see cref="HandOver"/>, applied from the outbox after the transition committed),
/// in their language, in-app and — unless they turned it off — by e-mail:
/// <list type="bullet">
/// <item>a task opened: its assignee (a member whose turn came in a sequence, each voter, the holders of a role in its unit
/// for a branch or a step of a sub-route) — "your turn", with the due time;</item>
/// <item>returned for supplement: whoever holds the dossier now (the unit's officers at the proposal), with the reason;</item>
/// <item>rejected (with the reason, or the council's counts), awarded (with the decision's number and date, linking the
/// decision), public disclosure started: the nominating unit's officers (the holders of the proposal's role there);</item>
/// <item>withdrawn: whoever had a task on it and the unit's officers;</item>
/// <item>a repair moved the route (a wait ended early, a move to another step): the unit's officers and whoever lost a task, with the reason.</item>
/// </list>
/// Never the actor. Each notification's dedupe key names the event (a task, a return, the end), so a message applied twice
/// or a command retried tells nobody twice.
/// </summary>
public sealed class HandOverNotifier(CommendationsDbContext db, Notifier notifier, DefinitionCache definitions,
    Features.Substitutions.CoverNotices covers)
{
    public Task NotifyAsync(HandOver handOver, CancellationToken cancellationToken) => NotifyAllAsync([handOver], cancellationToken);

    /// <summary>
    /// Tells whoever each hand-over concerns, for a whole batch at once: the instances, the nominations, the role holders,
    /// the covers and the readers are each read in one query for the batch, and every notification is written in one
    /// INSERT — a handful of statements per batch rather than per message, so the dispatcher keeps up with the approvals.
    /// </summary>
    public async Task NotifyAllAsync(IReadOnlyList<HandOver> handOvers, CancellationToken cancellationToken)
    {
        if (handOvers.Count == 0)
            return;
        var instanceIds = handOvers.Select(h => h.InstanceId).Distinct().ToList();
        var instances = await db.WorkflowInstances.AsNoTracking().Where(i => instanceIds.Contains(i.Id))
            .Select(i => new { i.Id, i.DefinitionId, i.DefinitionVersion }).ToDictionaryAsync(i => i.Id, cancellationToken);
        var states = await StatesAsync(instances.Values.Select(i => (i.Id, i.DefinitionId, i.DefinitionVersion)), cancellationToken);
        var nominationIds = handOvers.Select(h => h.NominationId).Distinct().ToList();
        var nominations = await (from n in db.Nominations.AsNoTracking()
                                 join u in db.Units on n.UnitId equals u.Id
                                 where nominationIds.Contains(n.Id)
                                 select new NominationFacts(n.Id, n.NomineeName, n.UnitId, u.Name, n.DecisionId)).ToDictionaryAsync(n => n.Id, cancellationToken);

        var read = new List<(HandOver HandOver, WorkflowDefinition Definition, InstanceState? State, CalleeDefinitions? Callees, NominationFacts Nomination)>();
        foreach (var handOver in handOvers)
        {
            var instance = instances.GetValueOrDefault(handOver.InstanceId)
                           ?? throw new InvalidOperationException($"The hand-over's instance {handOver.InstanceId} does not exist.");
            var definition = await definitions.GetAsync(instance.DefinitionId, instance.DefinitionVersion, cancellationToken);
            var state = states.GetValueOrDefault(instance.Id);
            var callees = await definitions.CalleesAsync(definition, state, cancellationToken);
            read.Add((handOver, definition, state, callees, nominations.GetValueOrDefault(handOver.NominationId)
                                                           ?? throw new InvalidOperationException($"The hand-over's nomination {handOver.NominationId} does not exist.")));
        }

        // The role holders every hand-over of the batch may tell (the units' officers, the role tasks' holders), read at once.
        var holders = new RoleHolders(db, notifier);
        await holders.LoadAsync(read.SelectMany(r => RolesToTell(r.HandOver, r.Definition, r.Nomination.UnitId)), cancellationToken);

        var all = new List<(Guid, NotificationDraft)>();
        var turns = new List<(List<(Guid UserId, NotificationDraft Draft)> Drafts, HashSet<Guid> Personal)>();
        foreach (var (handOver, definition, state, callees, nomination) in read)
        {
            var drafts = await DraftsAsync(handOver, definition, state, callees, nomination, holders, cancellationToken);
            // A turn of someone away reaches whoever covers them too.
            // Only a turn assigned to them by name: a role's task is already every role holder's.
            var personal = handOver.Opened.Select(t => Guid.TryParse(t.UserId, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).ToHashSet();
            turns.Add((drafts, personal));
        }
        var coverList = await covers.CoversOfAsync(turns.SelectMany(t => Features.Substitutions.CoverNotices.TurnsOf(t.Drafts, t.Personal)), cancellationToken);
        foreach (var (drafts, personal) in turns)
        {
            Features.Substitutions.CoverNotices.Apply(drafts, personal, coverList);
            all.AddRange(drafts);
        }
        await notifier.NotifyManyAsync(all, cancellationToken);
    }

    /// <summary>
    /// The instances' states, read and parsed only for routes with a sub-route: a state says which callee version runs
    /// and where inside it, which naming and resolving a step inside a sub-route needs. Other routes' steps (a parallel
    /// step's branches too) resolve from the definition alone, and the state — the largest column of the row, parsed
    /// from JSON — was the costliest part of telling a hand-over.
    /// </summary>
    private async Task<Dictionary<Guid, InstanceState>> StatesAsync(IEnumerable<(Guid Id, string DefinitionId, int Version)> instances,
        CancellationToken cancellationToken)
    {
        var nested = new List<Guid>();
        foreach (var (id, definitionId, version) in instances)
        {
            if ((await definitions.GetAsync(definitionId, version, cancellationToken)).Steps.Any(s => s is SubRouteStep))
                nested.Add(id);
        }
        if (nested.Count == 0)
            return [];
        var rows = await db.WorkflowInstances.AsNoTracking().Where(i => nested.Contains(i.Id)).Select(i => new { i.Id, i.State }).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => InstanceState.FromJson(r.State));
    }

    private sealed record NominationFacts(Guid Id, string NomineeName, Guid UnitId, string Unit, Guid? DecisionId);

    /// <summary>The proposal's role in the nominating unit (its officers), and the role tasks the hand-over opened or cancelled.</summary>
    private static IEnumerable<(string Role, Guid UnitId)> RolesToTell(HandOver handOver, WorkflowDefinition definition, Guid unitId)
    {
        yield return (ProposalRole(definition), unitId);
        foreach (var task in handOver.Opened.Concat(handOver.Cancelled))
        {
            if (task is { UserId: null, Role: { } role } && Guid.TryParse(task.UnitId, out var taskUnit))
                yield return (role, taskUnit);
        }
    }

    /// <summary>The unit's officers: whoever holds the proposal's role in the nominating unit.</summary>
    private static string ProposalRole(WorkflowDefinition definition) => definition.ProposalStep()?.Assignee.Role ?? Roles.EmulationOfficer;

    private async Task<List<(Guid UserId, NotificationDraft Draft)>> DraftsAsync(HandOver handOver, WorkflowDefinition definition, InstanceState? state,
        CalleeDefinitions? callees, NominationFacts nomination, RoleHolders roleHolders, CancellationToken cancellationToken)
    {
        Guid? actor = Guid.TryParse(handOver.ActorUserId, out var a) ? a : null;
        var nominee = nomination.NomineeName;
        StepNameText StepName(string? key) => new(definition, key, callees);
        var drafts = new List<(Guid, NotificationDraft)>();

        async Task<IReadOnlyList<Guid>> HoldersAsync(IEnumerable<HandOverTask> tasks)
        {
            var result = new HashSet<Guid>();
            foreach (var task in tasks)
            {
                // A committee position (chair, secretary) is that of the step's own committee, not of every committee.
                var committee = Notifier.CommitteeOf(definition, task.StepKey, state, callees);
                result.UnionWith(await notifier.ResolveAsync(new Recipient(task.UserId, task.Role, task.UnitId),
                    committee is null ? null : [committee], roleHolders, cancellationToken));
            }
            return [.. result];
        }

        var officers = await roleHolders.InRoleAsync(ProposalRole(definition), nomination.UnitId, cancellationToken);

        void Tell(IEnumerable<Guid> recipients, NotificationDraft draft) =>
            drafts.AddRange(recipients.Distinct().Where(r => r != actor).Select(r => (r, draft)));

        var key = handOver.InstanceId.ToString("N");
        switch (handOver.Kind)
        {
            case HandOverKind.Returned:
            {
                var (title, body) = NotificationTexts.Returned(nominee, StepName(handOver.Step), handOver.Reason,
                    handOver.Opened.Count > 0 ? handOver.Opened.Min(t => t.DueAt) : null);
                Tell(await HoldersAsync(handOver.Opened), new NotificationDraft(NotificationKinds.NominationReturned, title, body, handOver.NominationId,
                    $"returned:{key}:{handOver.TaskId ?? $"r{handOver.Round}"}"));
                break;
            }
            case HandOverKind.Rejected:
            {
                ILocalised? reason = !string.IsNullOrWhiteSpace(handOver.Reason) ? new Verbatim(handOver.Reason.Trim())
                    : handOver.Vote is { } vote ? VoteReason(vote) : null;
                var (title, body) = NotificationTexts.Rejected(nominee, StepName(handOver.Step), reason);
                Tell(officers, new NotificationDraft(NotificationKinds.NominationRejected, title, body, handOver.NominationId, $"rejected:{key}"));
                break;
            }
            case HandOverKind.Withdrawn:
            {
                var (title, body) = NotificationTexts.Withdrawn(nominee, handOver.Reason);
                Tell([.. officers, .. await HoldersAsync(handOver.Cancelled)],
                    new NotificationDraft(NotificationKinds.NominationWithdrawn, title, body, handOver.NominationId, $"withdrawn:{key}"));
                break;
            }
            case HandOverKind.Awarded:
            {
                var decision = nomination.DecisionId is { } decisionId
                    ? await db.Decisions.AsNoTracking().Where(d => d.Id == decisionId).Select(d => new { d.Id, d.Number, d.Date }).SingleOrDefaultAsync(cancellationToken)
                    : null;
                var (title, body) = NotificationTexts.Awarded(nominee, decision?.Number ?? handOver.Reason, decision?.Date);
                Tell(officers, new NotificationDraft(NotificationKinds.NominationAwarded, title, body, handOver.NominationId, $"awarded:{key}",
                    decision is null ? null : PageLinks.Decision(decision.Id)));
                break;
            }
        }

        // Someone's turn: each task opened, unless the return above already told its holders with the reason.
        if (handOver.Kind != HandOverKind.Returned)
        {
            foreach (var task in handOver.Opened)
            {
                var step = StepPaths.Resolve(definition, task.StepKey, state, callees);
                var (title, body) = step is VoteStep vote
                    ? NotificationTexts.YourVote(nominee, nomination.Unit, StepName(task.StepKey), task.DueAt, vote.Secret)
                    : NotificationTexts.YourTurn(nominee, nomination.Unit, StepName(task.StepKey), task.DueAt);
                Tell(await HoldersAsync([task]), new NotificationDraft(NotificationKinds.TaskAssigned, title, body, handOver.NominationId, $"turn:{key}:{task.TaskId}"));
            }
        }

        if (handOver.Repair is { } repair)
        {
            // The unit follows its dossier; whoever lost a task to a move learns why it left their list.
            var (title, body) = repair.Kind == RepairKind.WaitEndedEarly
                ? NotificationTexts.WaitEndedEarly(nominee, StepName(repair.FromStep), StepName(repair.ToStep), repair.Reason)
                : NotificationTexts.Moved(nominee, StepName(repair.FromStep), StepName(repair.ToStep), repair.Reason);
            Tell([.. officers, .. await HoldersAsync(handOver.Cancelled)], new NotificationDraft(NotificationKinds.RouteRepaired, title, body,
                handOver.NominationId, $"repair:{key}:{repair.Kind}:{handOver.Opened.FirstOrDefault()?.TaskId ?? repair.ToStep}"));
        }

        if (handOver is { DisclosureStep: { } disclosure, DisclosureUntil: { } until })
        {
            var (title, body) = NotificationTexts.DisclosureStarted(nominee, StepName(disclosure), until);
            Tell(officers, new NotificationDraft(NotificationKinds.DisclosureStarted, title, body, handOver.NominationId,
                $"disclosure:{key}:{disclosure}:r{handOver.Round}"));
        }
        return drafts;
    }

    /// <summary>Why a vote did not pass, in counts: without quorum, or below the pass threshold of the whole membership.</summary>
    public static Message VoteReason(VoteCount vote) => vote.QuorumMet
        ? NotificationTexts.VoteNotPassed(vote.Yes, vote.Denominator, vote.PassThreshold)
        : NotificationTexts.VoteWithoutQuorum(vote.Participants, vote.Denominator, vote.Quorum);
}
