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
    /// <param name="personal">The people whose own turn came (not a role's holders): only their turns are covered.</param>
    public async Task AddAsync(List<(Guid UserId, NotificationDraft Draft)> drafts, IReadOnlySet<Guid> personal, CancellationToken cancellationToken)
    {
        var turns = drafts.Select((d, i) => (d.UserId, d.Draft, Index: i))
            .Where(d => d.Draft.Kind == NotificationKinds.TaskAssigned && personal.Contains(d.UserId)).ToList();
        if (turns.Count == 0)
            return;
        var recipients = turns.Select(t => t.UserId).Distinct().ToList();
        var today = substitutes.Today;
        var covers = await db.Substitutions.AsNoTracking()
            .Where(s => recipients.Contains(s.PrincipalUserId) && s.RevokedAt == null && s.From <= today && s.To >= today)
            .Join(db.Users, s => s.SubstituteUserId, u => u.Id, (s, u) => new { s.PrincipalUserId, s.SubstituteUserId, Substitute = u.DisplayName })
            .Join(db.Users, x => x.PrincipalUserId, u => u.Id, (x, u) => new { x.PrincipalUserId, x.SubstituteUserId, x.Substitute, Principal = u.DisplayName })
            .ToListAsync(cancellationToken);
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
}
