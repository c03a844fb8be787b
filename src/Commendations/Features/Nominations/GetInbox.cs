using Commendations.Common;
using Commendations.Common.Security;
using Commendations.Domain.Workflows;
using Commendations.Engine;
using Commendations.Persistence;
using Commendations.Workflow;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Nominations;

/// <summary>The tasks where it is my turn: assigned to me, or to my role in my unit; soonest due first.</summary>
[Allowed(Audience.SignedIn)]
public sealed record GetInbox : IQuery<IReadOnlyList<InboxItem>>;

public sealed record InboxItem(
    Guid TaskId, Guid NominationId, string NomineeName, string CampaignCode, string StepKey, int Round,
    DateTimeOffset OpenedAt, DateTimeOffset DueAt, bool Overdue)
{
    /// <summary>The step as people call it (its title in the reader's language).</summary>
    public string StepName { get; init; } = "—";

    /// <summary>What the step is for (e.g. <c>decision</c>: the leader signs it with a decision), when the definition says.</summary>
    public StepMeaning? StepMeaning { get; init; }

    /// <summary>Set when the task is someone's I cover while they are away: their name ("thay mặt …").</summary>
    public string? OnBehalfOf { get; init; }

    /// <summary>A covered member's council ballot: listed so it is known to wait, never cast by the substitute.</summary>
    public bool PersonalBallot { get; init; }
}

public sealed class GetInboxHandler(CommendationsDbContext db, ICurrentUser user, TimeProvider clock, DefinitionSemantics semantics,
    Substitutions.CoveredTasks covered)
    : IRequestHandler<GetInbox, IReadOnlyList<InboxItem>>
{
    private const int Limit = 500;

    public async Task<IReadOnlyList<InboxItem>> Handle(GetInbox request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // Each part ordered and cut on its own (its index gives the order), then merged (Features/Tasks/MyTasks).
        var parts = Tasks.MyTasks.Parts(db.Tasks.AsNoTracking(), user).Select(p => p.OrderBy(t => t.DueAt).ThenBy(t => t.Id).Take(Limit));
        var rows = await Tasks.MyTasks.Union(parts)
            .OrderBy(t => t.DueAt).ThenBy(t => t.Id)
            .Take(Limit)
            .Join(db.Nominations, t => t.NominationId, n => n.Id, (t, n) => new { t, n })
            .Join(db.WorkflowInstances, x => x.t.InstanceId, i => i.Id, (x, i) => new { x.t, x.n, i.DefinitionId, i.DefinitionVersion })
            .Join(db.Campaigns, x => x.n.CampaignId, c => c.Id, (x, c) => new
            {
                Item = new InboxItem(x.t.Id, x.n.Id, x.n.NomineeName, c.Code, x.t.StepKey, x.t.Round, x.t.OpenedAt, x.t.DueAt, x.t.DueAt < now),
                x.DefinitionId, x.DefinitionVersion,
            })
            .ToListAsync(cancellationToken);
        var definitions = await semantics.SetAsync(rows.Select(r => (r.DefinitionId, r.DefinitionVersion)), cancellationToken);
        var items = rows.Select(r => r.Item with
        {
            StepName = definitions.StepName(r.DefinitionId, r.DefinitionVersion, r.Item.StepKey),
            StepMeaning = definitions.Get(r.DefinitionId, r.DefinitionVersion)?.FindStep(r.Item.StepKey)?.Meaning,
        }).ToList();
        // The tasks of people I cover while they are away (Features/Substitutions).
        return await covered.AddAsync(items, user.UserId, cancellationToken);
    }
}
