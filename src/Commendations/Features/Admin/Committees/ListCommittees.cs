using Commendations.Common;
using Commendations.Common.Security;
using Commendations.Domain.Committees;
using Commendations.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Admin.Committees;

/// <summary>The committees with their members in rank order (rank 1 acts first in a sequential review).</summary>
[Allowed(Roles.Administrator)]
public sealed record ListCommittees : IQuery<IReadOnlyList<CommitteeView>>;

/// <param name="MinutesRecipients">The "Nơi nhận" lines the committee's minutes end with.</param>
public sealed record CommitteeView(Guid Id, string Code, string Name, CommitteeKind Kind, IReadOnlyList<CommitteeMemberView> Members,
    IReadOnlyList<string> MinutesRecipients);

public sealed record CommitteeMemberView(Guid UserId, string UserName, string DisplayName, string? Title, int Rank, string Position,
    bool IsChair, bool IsSecretary);

public sealed class ListCommitteesHandler(CommendationsDbContext db) : IRequestHandler<ListCommittees, IReadOnlyList<CommitteeView>>
{
    public async Task<IReadOnlyList<CommitteeView>> Handle(ListCommittees request, CancellationToken cancellationToken)
    {
        var committees = await db.Committees.AsNoTracking().OrderBy(c => c.Code).ToListAsync(cancellationToken);
        var people = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => new { u.UserName, u.DisplayName, u.Title }, cancellationToken);
        return committees.Select(c => new CommitteeView(c.Id, c.Code, c.Name, c.Kind, c.Members.OrderBy(m => m.Rank).Select(m =>
        {
            var p = people.GetValueOrDefault(m.UserId);
            return new CommitteeMemberView(m.UserId, p?.UserName ?? "", p?.DisplayName ?? m.UserId.ToString(), p?.Title, m.Rank, m.Position, m.IsChair, m.IsSecretary);
        }).ToList(), c.MinutesRecipients)).ToList();
    }
}
