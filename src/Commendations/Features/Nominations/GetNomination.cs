using Commendations.Common;
using Commendations.Common.Security;
using Commendations.Domain.Catalog;
using Commendations.Domain.Nominations;
using Commendations.Domain.Workflows;
using Commendations.Engine;
using Commendations.Persistence;
using Commendations.Workflow;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Nominations;

/// <summary>A nomination with its dossier, its timeline (every step, actor, time, comment) and what the reader can do next.</summary>
[Allowed(Audience.SignedIn)]
public sealed record GetNomination(Guid NominationId) : IQuery<NominationDetail>, INominationRequest;

public sealed record NominationDetail(
    Guid Id, NomineeKind Kind, string NomineeName, Guid UnitId, string UnitName, Guid CampaignId, string CampaignCode,
    string CampaignName, string AwardFormCode, string AwardFormName, string AchievementSummary, NominationStatus Status,
    string? CurrentStep, int Round, string? WorkflowDefinitionId, int? WorkflowVersion, Guid? DecisionId,
    IReadOnlyList<DocumentSummary> Documents, IReadOnlyList<TaskView> OpenTasks, MyTurn? MyTurn,
    IReadOnlyList<TimelineEntry> Timeline)
{
    /// <summary>The current step as people call it (its title in the reader's language; never the key).</summary>
    public string CurrentStepName { get; init; } = "—";

    /// <summary>True while the nomination waits at its definition's public-disclosure step.</summary>
    public bool InDisclosure { get; init; }

    /// <summary>In a decision not yet in force: what it waits for ("Chờ ký số", "Chờ văn thư đóng dấu").</summary>
    public Decisions.DecisionWait DecisionWaiting { get; init; }

    /// <summary>An individual's particulars reviewers weigh: sex, birth year, position.</summary>
    public PersonInput? Person { get; init; }

    /// <summary>A collective's particulars: its size, women and advanced workers.</summary>
    public CollectiveInput? Collective { get; init; }

    /// <summary>The certificate of the award in force (not revoked, not superseded): its decision, registry line and title.</summary>
    public AwardCertificateLink? Certificate { get; init; }
}

/// <summary>Where the awardee's certificate prints: <c>/chung-nhan/{DecisionId}?line={AwardRecordId}</c>.</summary>
public sealed record AwardCertificateLink(Guid DecisionId, Guid AwardRecordId, string RegisterNumber, string Title);

public sealed record TaskView(Guid TaskId, string StepKey, int Round, int Sequence, string Assignee, DateTimeOffset DueAt)
{
    public string StepName { get; init; } = "—";

    /// <summary>Who took this role task (one holder works on it), when someone did: an administrator may give it back.</summary>
    public string? ClaimedByName { get; init; }
}

/// <summary>The reader's own open task on this nomination and the actions it offers, or their vote.</summary>
/// <param name="Actions">The actions' names, to send back with <c>ActOnTask</c>.</param>
public sealed record MyTurn(Guid TaskId, string StepKey, string StepType, IReadOnlyList<string> Actions, DateTimeOffset DueAt)
{
    public string StepName { get; init; } = "—";

    /// <summary>The turn is the unit's proposal: it is sent with <c>SubmitNomination</c> (dossier window, documents).</summary>
    public bool IsProposal { get; init; }

    /// <summary>The turn is of someone I cover while they are away: their name (I act "thay mặt" them).</summary>
    public string? OnBehalfOf { get; init; }

    /// <summary>At the proposal, the name of its submit action.</summary>
    public string? SubmitAction { get; init; }

    /// <summary>Each action as its button reads, and whether it needs a written reason (a return or a rejection).</summary>
    public IReadOnlyList<TurnAction> Choices { get; init; } = [];

    /// <summary>The outputs an action asks the actor to choose (send them as <c>outputs</c> with the action).</summary>
    public IReadOnlyList<AskedOutput> Asks { get; init; } = [];

    /// <summary>At a vote step: a secret ballot, cast in the council session (the direct vote is refused).</summary>
    public bool SecretVote { get; init; }

    /// <summary>A role task another holder claimed: who works on it (acting is refused until they release it).</summary>
    public string? ClaimedByOther { get; init; }
}

/// <summary>An output the action <see cref="Action"/> asks for: its name, type (string, number, boolean) and the options to choose from.</summary>
public sealed record AskedOutput(string Action, string Name, string Type, IReadOnlyList<string>? Options);

public sealed record TurnAction(string Name, string Label, bool NeedsReason)
{
    /// <summary>How its button looks, from what the action means: <c>primary</c> (approve, submit, award), <c>warning</c> (send back), <c>danger</c> (reject, confirmed first) or none.</summary>
    public string Tone { get; init; } = "";
}

/// <param name="Action">The recorded event (e.g. <c>task.approve</c>); <see cref="ActionLabel"/> is how people read a task's action.</param>
public sealed record TimelineEntry(long Sequence, DateTimeOffset At, string Action, string? StepKey, string ActorName, string? Comment)
{
    public string? StepName { get; init; }

    /// <summary>For an action taken on a task, the action's name as the step's definition labels it.</summary>
    public string? ActionLabel { get; init; }

    /// <summary>For a decided council vote: its counts and the rule it was decided by (never who voted what).</summary>
    public VoteCount? Vote { get; init; }

    /// <summary>For a vote decided in a council session: the session's minutes, when the reader may open them.</summary>
    public string? MinutesLink { get; init; }

    /// <summary>For an action a substitute took: whose turn it was ("<see cref="ActorName"/> (thay mặt …)").</summary>
    public string? OnBehalfOf { get; init; }
}

public sealed class GetNominationHandler(CommendationsDbContext db, NominationAccess access, DefinitionSemantics semantics, Workflow.DefinitionCache definitions, ICurrentUser user,
    TimelineVotes votes, Substitutions.Substitutes substitutes)
    : IRequestHandler<GetNomination, NominationDetail>
{
    public async Task<NominationDetail> Handle(GetNomination request, CancellationToken cancellationToken)
    {
        var n = await access.ReadableAsync(request.NominationId, cancellationToken);
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == n.UnitId).Select(u => u.Name).SingleAsync(cancellationToken);
        var campaign = await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == n.CampaignId, cancellationToken);
        var awardForm = await db.AwardForms.AsNoTracking().SingleAsync(a => a.Id == n.AwardFormId, cancellationToken);
        var instance = await db.WorkflowInstances.AsNoTracking().SingleOrDefaultAsync(i => i.NominationId == n.Id, cancellationToken);
        var documents = await db.Documents.AsNoTracking().Where(d => d.NominationId == n.Id).OrderBy(d => d.UploadedAt)
            .Select(d => new DocumentSummary(d.Id, d.Kind, d.FileName, d.ContentType, d.SizeBytes, d.Sha256, d.Round, d.UploadedAt) { Signature = d.Signature })
            .ToListAsync(cancellationToken);
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.NominationId == n.Id && t.Status == WorkflowTaskStatus.Open)
            .OrderBy(t => t.Sequence).ToListAsync(cancellationToken);
        var assigneeNames = await AssigneeNamesAsync(tasks, cancellationToken);
        var claimers = tasks.Where(t => t.ClaimedBy is not null).Select(t => t.ClaimedBy!.Value).Distinct().ToList();
        var claimerNames = claimers.Count == 0 ? []
            : await db.Users.AsNoTracking().Where(u => claimers.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var stream = Audit.AuditTrail.NominationStream(n.Id);
        var timeline = await db.AuditEntries.AsNoTracking().Where(e => e.Stream == stream)
            .OrderBy(e => e.Sequence)
            .Select(e => new TimelineEntry(e.Sequence, e.At, e.Action, e.StepKey, e.ActorName, e.Comment))
            .ToListAsync(cancellationToken);
        // Only the votes' entries carry data the timeline shows (the counts, the session); the rest stay unread.
        var voteData = await db.AuditEntries.AsNoTracking()
            .Where(e => e.Stream == stream && (e.Action == NominationWorkflow.VoteCountedEvent || e.Action == "session.decided"))
            .ToDictionaryAsync(e => e.Sequence, e => e.Data, cancellationToken);
        var withVotes = await votes.AddAsync(timeline, voteData, cancellationToken);
        var onBehalf = await Substitutions.OnBehalfNames.OfAsync(db, stream, cancellationToken);

        var definition = instance is null ? null : await semantics.OfAsync(instance, cancellationToken);
        // Steps inside a sub-route are named by the called route (the version the instance is pinned to, while it is there).
        var callees = definition is null ? null
            : await definitions.CalleesAsync(definition, InstanceState.FromJson(instance!.State), cancellationToken);
        string StepName(string? key) => DefinitionSemantics.StepName(definition, key, null, callees);

        MyTurn? myTurn = null;
        // A task of someone I cover today is my turn too, except their council ballot (docs/substitutes.md).
        var covering = await substitutes.PrincipalsCoveredTodayAsync(user.UserId, cancellationToken);
        var mine = tasks.FirstOrDefault(IsMine) ?? tasks.FirstOrDefault(t => t.AssigneeUserId is { } a && covering.Contains(a)
            && definition is not null && StepPaths.Resolve(definition, t.StepKey, InstanceState.FromJson(instance!.State), callees) is not Engine.VoteStep);
        if (mine is not null && definition is not null)
        {
            var step = definition.FindStep(mine.StepKey);
            if (step is null && StepPaths.IsNested(mine.StepKey))
            {
                // A parallel branch, or a step of a called definition (its pinned version): what the assignee can do there.
                var state = InstanceState.FromJson(instance!.State);
                step = StepPaths.Resolve(definition, mine.StepKey, state, await definitions.CalleesAsync(definition, state, cancellationToken));
            }
            var actions = ActionsOf(step);
            myTurn = new MyTurn(mine.Id, mine.StepKey, StepTypeOf(step), actions, mine.DueAt)
            {
                StepName = StepName(mine.StepKey),
                IsProposal = DefinitionSemantics.IsProposal(definition, mine.StepKey),
                OnBehalfOf = IsMine(mine) ? null : assigneeNames[mine.Id],
                SubmitAction = DefinitionSemantics.SubmitActionAt(definition, mine.StepKey),
                Choices = actions.Select(a => new TurnAction(a, DefinitionSemantics.ActionName(definition, mine.StepKey, a),
                    DefinitionSemantics.NeedsReason(definition, mine.StepKey, a))
                {
                    Tone = DefinitionSemantics.MeaningOf(definition, mine.StepKey, a) switch
                    {
                        ActionMeaning.ReturnForSupplement => "warning",
                        ActionMeaning.Reject => "danger",
                        ActionMeaning.Approve or ActionMeaning.Submit or ActionMeaning.Award => "primary",
                        _ => "",
                    },
                }).ToList(),
                Asks = step is Engine.TaskStep taskStep
                    ? [.. taskStep.Actions.SelectMany(a => (a.Asks ?? []).Select(name => taskStep.Outputs!.First(o => o.Name == name))
                        .Select(o => new AskedOutput(a.Name, o.Name, o.Type.ToString().ToLowerInvariant(), o.Options)))]
                    : [],
                SecretVote = step is Engine.VoteStep { Secret: true },
                ClaimedByOther = mine.ClaimedBy is { } claimer && claimer != user.UserId
                    ? await db.Users.AsNoTracking().Where(u => u.Id == claimer).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken) ?? "—"
                    : null,
            };
        }

        return new NominationDetail(n.Id, n.Kind, n.NomineeName, n.UnitId, unit, campaign.Id, campaign.Code, campaign.Name,
            awardForm.Code, awardForm.Name, n.AchievementSummary, n.Status, n.CurrentStep, n.Round, instance?.DefinitionId,
            instance?.DefinitionVersion, n.DecisionId, documents,
            tasks.Select(t => new TaskView(t.Id, t.StepKey, t.Round, t.Sequence, assigneeNames[t.Id], t.DueAt)
            {
                StepName = StepName(t.StepKey),
                ClaimedByName = t.ClaimedBy is { } claimer ? claimerNames.GetValueOrDefault(claimer, "—") : null,
            }).ToList(),
            myTurn, withVotes.Select(e => e with
            {
                StepName = e.StepKey is null ? null : StepName(e.StepKey),
                ActionLabel = TaskAction(e.Action) is { } action ? DefinitionSemantics.ActionName(definition, e.StepKey, action) : null,
                OnBehalfOf = onBehalf.GetValueOrDefault(e.Sequence),
            }).ToList())
        {
            CurrentStepName = StepName(n.CurrentStep),
            InDisclosure = definition is not null && instance is { IsCompleted: false } && DefinitionSemantics.IsDisclosure(definition, n.CurrentStep),
            Person = n.PersonId is { } personId
                ? await db.People.AsNoTracking().Where(p => p.Id == personId)
                    .Select(p => new PersonInput(p.FullName, p.Gender, p.BirthYear, p.Position)).SingleOrDefaultAsync(cancellationToken)
                : null,
            Collective = n.CollectiveId is { } collectiveId
                ? await db.Collectives.AsNoTracking().Where(c => c.Id == collectiveId)
                    .Select(c => new CollectiveInput(c.Name, c.Headcount, c.Women, c.AdvancedWorkers)).SingleOrDefaultAsync(cancellationToken)
                : null,
            DecisionWaiting = n.AwaitsDecisionSignatures ? await Decisions.DecisionWaits.OfAsync(db, n.DecisionId!.Value, cancellationToken) : Decisions.DecisionWait.Nothing,
            // A corrected line lives under the amending decision: the link follows the line in force.
            Certificate = n.DecisionId is null ? null : await db.AwardRecords.AsNoTracking()
                .Where(r => r.NominationId == n.Id && r.SupersededByDecisionId == null && r.RevokedAt == null)
                .OrderByDescending(r => r.RecordedAt)
                .Select(r => new AwardCertificateLink(r.DecisionId, r.Id, r.RegisterNumber,
                    db.AwardForms.Where(a => a.Id == r.AwardFormId).Select(a => a.CertificateTitle).FirstOrDefault() ?? Domain.Catalog.AwardForm.DefaultCertificateTitle))
                .FirstOrDefaultAsync(cancellationToken),
        };
    }

    /// <summary>The action of a task event (<c>task.{action}</c>, written by <see cref="ActOnTaskHandler"/>), else null.</summary>
    private static string? TaskAction(string auditAction) =>
        auditAction.StartsWith(ActOnTaskHandler.AuditPrefix, StringComparison.Ordinal) ? auditAction[ActOnTaskHandler.AuditPrefix.Length..] : null;

    private bool IsMine(WorkflowTask t) =>
        t.AssigneeUserId == user.UserId || (t.AssigneeRole is { } role && user.IsInRole(role) && t.AssigneeUnitId == user.UnitId);

    private async Task<Dictionary<Guid, string>> AssigneeNamesAsync(List<WorkflowTask> tasks, CancellationToken cancellationToken)
    {
        var userIds = tasks.Where(t => t.AssigneeUserId != null).Select(t => t.AssigneeUserId!.Value).ToList();
        var unitIds = tasks.Where(t => t.AssigneeUnitId != null).Select(t => t.AssigneeUnitId!.Value).ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
        return tasks.ToDictionary(t => t.Id, t => t.AssigneeUserId is { } id
            ? users.GetValueOrDefault(id, id.ToString())
            : $"{t.AssigneeRole} – {(t.AssigneeUnitId is { } unit ? units.GetValueOrDefault(unit, "") : "")}");
    }

    private static string StepTypeOf(StepDefinition? step) => step switch
    {
        TaskStep => "task",
        SequentialApprovalStep => "sequentialApproval",
        ParallelApprovalStep => "parallelApproval",
        VoteStep => "vote",
        _ => "other",
    };

    /// <summary>The actions the step offers its assignee: a task's named actions, the approval outcomes it routes, or a ballot.</summary>
    public static IReadOnlyList<string> ActionsOf(StepDefinition? step) => step switch
    {
        TaskStep task => task.Actions.Select(a => a.Name).ToList(),
        SequentialApprovalStep s => ApprovalActions(s.Transitions),
        ParallelApprovalStep p => ApprovalActions(p.Transitions),
        VoteStep => Enum.GetNames<VoteChoice>().Select(c => c.ToLowerInvariant()).ToList(),
        _ => [],
    };

    private static IReadOnlyList<string> ApprovalActions(ApprovalTransitions transitions)
    {
        var actions = new List<string> { ApprovalAction.Approve };
        if (transitions.Returned is not null) actions.Add(ApprovalAction.Return);
        if (transitions.Rejected is not null) actions.Add(ApprovalAction.Reject);
        return actions;
    }
}
