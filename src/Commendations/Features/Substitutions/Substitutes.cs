using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Common.Text;
using Commendations.Domain.Substitutions;
using Commendations.Domain.Workflows;
using Commendations.Engine;
using Commendations.Persistence;
using Commendations.Scheduling;
using Commendations.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Substitutions;

/// <summary>
/// Who covers whom today, and who may cover whom. "Today" is the Vietnam date (UTC+7): a range's first and last days are
/// whole local days, whatever the server's zone.
/// </summary>
public sealed class Substitutes(CommendationsDbContext db, TimeProvider clock)
{
    /// <summary>Roles that read submitted dossiers and receive personal tasks: a substitute must hold each the principal holds.</summary>
    private static readonly string[] ReviewerRoles = [Roles.CommitteeMember, Roles.Appraiser, Roles.ProvincialLeader];

    public DateOnly Today => TodayAt(clock.GetUtcNow());

    public static DateOnly TodayAt(DateTimeOffset instant) => VietnamTime.DateOf(instant);

    /// <summary>The people <paramref name="substitute"/> covers today (an index lookup: every inbox of a substitute asks it).</summary>
    public async Task<IReadOnlyList<Guid>> PrincipalsCoveredTodayAsync(Guid substitute, CancellationToken cancellationToken)
    {
        var today = Today;
        return await db.Substitutions.AsNoTracking()
            .Where(s => s.SubstituteUserId == substitute && s.RevokedAt == null && s.To >= today && s.From <= today)
            .Select(s => s.PrincipalUserId).Distinct().ToListAsync(cancellationToken);
    }

    /// <summary>Who covers <paramref name="principal"/> today, if anyone.</summary>
    public async Task<Guid?> CoverTodayAsync(Guid principal, CancellationToken cancellationToken)
    {
        var today = Today;
        return await db.Substitutions.AsNoTracking()
            .Where(s => s.PrincipalUserId == principal && s.RevokedAt == null && s.To >= today && s.From <= today)
            .Select(s => (Guid?)s.SubstituteUserId).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// The engine's actor for <paramref name="user"/> acting on <paramref name="task"/>: themselves, or — when the task is
    /// another person's and <paramref name="user"/> covers that person today — that person, with the substitute recorded.
    /// Only a person's own tasks pass to a substitute (a role's task is already open to everyone in the role). Someone
    /// named substitute for another range is refused, saying the range; anyone else meets the engine's own refusal.
    /// </summary>
    public async Task<Actor> ActorAsync(WorkflowTask task, ICurrentUser user, CancellationToken cancellationToken)
    {
        var own = NominationWorkflow.ActorFor(user);
        if (task.AssigneeUserId is not { } principal || principal == user.UserId)
            return own;
        var ranges = await db.Substitutions.AsNoTracking()
            .Where(s => s.PrincipalUserId == principal && s.SubstituteUserId == user.UserId && s.RevokedAt == null)
            .OrderBy(s => s.From).ToListAsync(cancellationToken);
        if (ranges.Count == 0)
            return own;
        var today = Today;
        if (ranges.Any(s => s.Covers(today)))
            return Actor.User(principal.ToString()) with { SubstituteUserId = user.UserId.ToString() };
        var nearest = ranges.FirstOrDefault(s => s.From > today) ?? ranges[^1];
        var name = await db.Users.AsNoTracking().Where(u => u.Id == principal).Select(u => u.DisplayName).SingleAsync(cancellationToken);
        throw new ForbiddenException(new Message("Đồng chí chỉ xử lý thay {0} từ ngày {1} đến ngày {2}; hôm nay ({3}) ngoài khoảng thời gian đó.",
            name, nearest.From, nearest.To, today), OutOfRange);
    }

    public const string OutOfRange = "substitute-out-of-range";

    /// <summary>
    /// The actor of a ballot sent by <paramref name="user"/> on a nomination: themselves when they have a ballot open
    /// there, or not one of anyone they cover; otherwise the member they cover, with the substitute set — which the engine
    /// refuses (a council vote is personal, docs/substitutes.md), so the refusal says why instead of "not a member".
    /// </summary>
    public async Task<Actor> BallotActorAsync(Guid nominationId, ICurrentUser user, CancellationToken cancellationToken)
    {
        var own = NominationWorkflow.ActorFor(user);
        var open = await db.Tasks.AsNoTracking().Where(t => t.NominationId == nominationId && t.Status == WorkflowTaskStatus.Open && t.AssigneeUserId != null)
            .Select(t => t.AssigneeUserId!.Value).ToListAsync(cancellationToken);
        if (open.Contains(user.UserId))
            return own;
        var covered = await PrincipalsCoveredTodayAsync(user.UserId, cancellationToken);
        return covered.FirstOrDefault(open.Contains) is { } principal && principal != Guid.Empty
            ? Actor.User(principal.ToString()) with { SubstituteUserId = user.UserId.ToString() }
            : own;
    }

    /// <summary>
    /// Who may cover <paramref name="principal"/>: an active account other than the principal, of the principal's unit or
    /// sitting with them on a committee, holding every reviewing role the principal holds — so the substitute can open the
    /// dossiers the principal's tasks are about and is already trusted with that kind of work.
    /// </summary>
    public async Task<IReadOnlyList<SubstituteCandidate>> CandidatesAsync(Guid principal, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var principalUnit = await db.Users.AsNoTracking().Where(u => u.Id == principal).Select(u => u.UnitId).SingleAsync(cancellationToken);
        var committees = await db.Committees.AsNoTracking().ToListAsync(cancellationToken);
        var colleagues = committees.Where(c => c.IsMember(principal)).SelectMany(c => c.Members.Select(m => m.UserId)).ToHashSet();
        var rolesOf = (await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name })
                .ToListAsync(cancellationToken))
            .GroupBy(x => x.UserId).ToDictionary(g => g.Key, g => g.Select(x => x.Name!).ToHashSet());
        var needed = rolesOf.GetValueOrDefault(principal, []).Intersect(ReviewerRoles).ToList();
        var users = await db.Users.AsNoTracking()
            .Where(u => u.Id != principal && (u.LockoutEnd == null || u.LockoutEnd <= now))
            .Select(u => new { u.Id, u.DisplayName, u.Title, u.UnitId }).ToListAsync(cancellationToken);
        return users.Where(u => (principalUnit != null && u.UnitId == principalUnit) || colleagues.Contains(u.Id))
            .Where(u => needed.All(r => rolesOf.GetValueOrDefault(u.Id, []).Contains(r)))
            .OrderBy(u => u.DisplayName, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), false))
            .Select(u => new SubstituteCandidate(u.Id, u.DisplayName, u.Title)).ToList();
    }
}

public sealed record SubstituteCandidate(Guid UserId, string DisplayName, string? Title);
