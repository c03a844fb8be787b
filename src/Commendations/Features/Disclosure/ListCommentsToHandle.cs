using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Domain.Catalog;
using Commendations.Persistence;
using Commendations.Workflow;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Disclosure;

/// <summary>
/// The comments a committee secretary handles (an administrator: all), grouped by nomination, nominations with unhandled
/// comments first. A nomination with an open complaint while in disclosure is paused: its wait does not end.
/// </summary>
[Allowed(Roles.CommitteeMember, Roles.Administrator)]
public sealed record ListCommentsToHandle(bool OnlyUnhandled = false) : IQuery<IReadOnlyList<NominationComments>>;

public sealed record NominationComments(Guid NominationId, string NomineeName, NomineeKind Kind, string UnitName, string CampaignCode,
    string? CurrentStep, bool InDisclosure, bool Paused, IReadOnlyList<DisclosureCommentView> Comments)
{
    /// <summary>The current step as people call it.</summary>
    public string CurrentStepName { get; init; } = "—";
}

public sealed class ListCommentsToHandleHandler(CommendationsDbContext db, DisclosureSteps disclosure, ICurrentUser user, DefinitionSemantics semantics)
    : IRequestHandler<ListCommentsToHandle, IReadOnlyList<NominationComments>>
{
    public async Task<IReadOnlyList<NominationComments>> Handle(ListCommentsToHandle request, CancellationToken cancellationToken)
    {
        var admin = user.IsInRole(Roles.Administrator);
        var query = db.DisclosureComments.AsNoTracking();
        if (request.OnlyUnhandled)
            query = query.Where(c => c.HandledAt == null);
        var comments = await query.OrderBy(c => c.ReceivedAt).ToListAsync(cancellationToken);
        var ids = comments.Select(c => c.NominationId).Distinct().ToList();
        var nominations = await db.Nominations.AsNoTracking().Where(n => ids.Contains(n.Id))
            .Join(db.Units, n => n.UnitId, u => u.Id, (n, u) => new { n, UnitName = u.Name })
            .Join(db.Campaigns, x => x.n.CampaignId, c => c.Id, (x, c) => new { x.n, x.UnitName, CampaignCode = c.Code })
            .ToListAsync(cancellationToken);

        var result = new List<NominationComments>();
        foreach (var x in nominations)
        {
            if (!admin && !DisclosureSteps.Secretaries(await disclosure.CommitteesOfAsync(x.n.Id, cancellationToken)).Contains(user.UserId))
                continue;
            var own = comments.Where(c => c.NominationId == x.n.Id).Select(c => new DisclosureCommentView(c.Id, c.NominationId, c.AuthorName, c.Contact,
                c.Text, c.Kind, c.ReceivedAt, c.Handling, c.HandledAt, c.IsOpenComplaint)).ToList();
            var inDisclosure = await disclosure.IsInDisclosureAsync(x.n.Id, cancellationToken);
            result.Add(new NominationComments(x.n.Id, x.n.NomineeName, x.n.Kind, x.UnitName, x.CampaignCode, x.n.CurrentStep, inDisclosure,
                inDisclosure && own.Any(c => c.OpenComplaint), own) { CurrentStepName = await semantics.StepNameOfAsync(x.n.Id, x.n.CurrentStep, cancellationToken) });
        }
        return result.OrderBy(r => r.Comments.All(c => c.HandledAt != null)).ThenBy(r => r.Comments.Min(c => c.ReceivedAt)).ToList();
    }
}
