using Commendations.Common.Text;
using Commendations.Domain.Notifications;
using Commendations.Persistence;
using Commendations.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Substitutions;

/// <summary>
/// When a person's turn comes while they are away, whoever covers them is told too (the same task, "thay mặt"), and the
/// person's own notice says who covers it — so neither wonders whether the other will act.
/// </summary>
public sealed class CoverNotices(CommendationsDbContext db, Substitutes substitutes)
{
    /// <summary>Who covers whom today among <paramref name="principals"/>, with both names: read once for a batch of hand-overs.</summary>
    public async Task<IReadOnlyList<Cover>> CoversOfAsync(IEnumerable<Guid> principals, CancellationToken cancellationToken)
    {
        var recipients = principals.Distinct().ToList();
        if (recipients.Count == 0)
            return [];
        var today = substitutes.Today;
        return await db.Substitutions.AsNoTracking()
            .Where(s => recipients.Contains(s.PrincipalUserId) && s.RevokedAt == null && s.From <= today && s.To >= today)
            .Join(db.Users, s => s.SubstituteUserId, u => u.Id, (s, u) => new { s.PrincipalUserId, s.SubstituteUserId, Substitute = u.DisplayName })
            .Join(db.Users, x => x.PrincipalUserId, u => u.Id, (x, u) => new Cover(x.PrincipalUserId, x.SubstituteUserId, x.Substitute, u.DisplayName))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The turns among <paramref name="drafts"/> that <see cref="Apply"/> would look at: whose covers to read.</summary>
    public static IEnumerable<Guid> TurnsOf(IEnumerable<(Guid UserId, NotificationDraft Draft)> drafts, IReadOnlySet<Guid> personal) =>
        drafts.Where(d => d.Draft.Kind == NotificationKinds.TaskAssigned && personal.Contains(d.UserId)).Select(d => d.UserId);

    /// <param name="personal">The people whose own turn came (not a role's holders): only their turns are covered.</param>
    /// <param name="covers">At least the covers of those people (<see cref="CoversOfAsync"/>).</param>
    public static void Apply(List<(Guid UserId, NotificationDraft Draft)> drafts, IReadOnlySet<Guid> personal, IReadOnlyList<Cover> covers)
    {
        var turns = drafts.Select((d, i) => (d.UserId, d.Draft, Index: i))
            .Where(d => d.Draft.Kind == NotificationKinds.TaskAssigned && personal.Contains(d.UserId)).ToList();
        foreach (var turn in turns)
        {
            if (covers.FirstOrDefault(c => c.PrincipalUserId == turn.UserId) is not { } cover)
                continue;
            drafts[turn.Index] = (turn.UserId, turn.Draft with
            {
                Body = new Message("{0} Trong thời gian Đồng chí vắng mặt, {1} xử lý thay (trừ phiếu biểu quyết).", turn.Draft.Body, cover.Substitute),
            });
            drafts.Add((cover.SubstituteUserId, turn.Draft with
            {
                Kind = NotificationKinds.TaskCovered,
                Title = new Message("Thay mặt {0}: {1}", cover.Principal, turn.Draft.Title),
                Body = new Message("Việc của {0}, người Đồng chí thay thế khi vắng mặt: Đồng chí xử lý thay mặt; riêng phiếu biểu quyết do thành viên tự bỏ. {1}",
                    cover.Principal, turn.Draft.Body),
                DedupeKey = $"{turn.Draft.DedupeKey}:covered",
            }));
        }
    }

    /// <summary>A substitution in force today: who is away, who covers them, and both names.</summary>
    public sealed record Cover(Guid PrincipalUserId, Guid SubstituteUserId, string Substitute, string Principal);
}
