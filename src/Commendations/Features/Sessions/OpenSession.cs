using Commendations.Common.Text;
using Commendations.Common.Behaviours;
using Commendations.Audit;
using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Domain.Committees;
using Commendations.Domain.Notifications;
using Commendations.Domain.Sessions;
using Commendations.Engine;
using Commendations.Persistence;
using Commendations.Scheduling;
using Commendations.Workflow;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Sessions;

/// <summary>
/// The committee's secretary (or an administrator) opens a session. Its agenda is the given nominations, or by default
/// every nomination whose workflow waits at a vote step of this committee and is not on another open session's agenda.
/// The committee's members (but the one who opened it) are notified with its time and place.
/// </summary>
[Allowed(Roles.CommitteeMember, Roles.Administrator)]
public sealed record OpenSession(string CommitteeCode, string Title, DateTimeOffset HeldAt, string? Location = null, IReadOnlyList<Guid>? NominationIds = null)
    : ICommand<Guid>;

public sealed class OpenSessionValidator : AbstractValidator<OpenSession>
{
    public OpenSessionValidator()
    {
        RuleFor(c => c.CommitteeCode).NotEmpty().MaximumLength(Committee.CodeMaxLength);
        RuleFor(c => c.Title).NotEmpty().MaximumLength(CouncilSession.TitleMaxLength);
        RuleFor(c => c.Location).MaximumLength(300);
        RuleFor(c => c.HeldAt).NotEqual(default(DateTimeOffset));
        RuleFor(c => c.NominationIds).Must(ids => ids is null || (ids.Count is > 0 and <= 2000 && ids.Distinct().Count() == ids.Count))
            .WithMessage(new Message("Chọn từ 1 đến 2000 hồ sơ khác nhau, hoặc không chọn hồ sơ nào để đưa mọi hồ sơ đang chờ Hội đồng / Ban biểu quyết vào chương trình."));
    }
}

public sealed class OpenSessionHandler(CommendationsDbContext db, DefinitionCache definitions, ICurrentUser user, AuditTrail audit, TimeProvider clock,
    Notifier notifier)
    : IRequestHandler<OpenSession, Guid>
{
    public async Task<Guid> Handle(OpenSession request, CancellationToken cancellationToken)
    {
        var committee = await db.Committees.AsNoTracking().SingleOrDefaultAsync(c => c.Code == request.CommitteeCode, cancellationToken)
                        ?? throw new InputException("committeeCode", new Message("Không có Hội đồng / Ban này."));
        if (!SessionAccess.IsSecretary(committee, user.UserId) && !user.IsInRole(Roles.Administrator))
            throw new ForbiddenException(new Message("Chỉ thư ký Hội đồng / Ban hoặc quản trị viên mở phiên họp."));

        var waiting = (await AtVoteAsync(db, definitions, cancellationToken)).Where(p => p.Value.Committee == committee.Code).ToList();
        var atVote = waiting.ToDictionary(p => p.Key, p => p.Value.StepKey);
        var secret = waiting.Where(p => p.Value.Secret).Select(p => p.Key).ToHashSet();
        var busy = await db.CouncilSessions.Where(s => s.Status == SessionStatus.Open).SelectMany(s => s.Agenda.Select(a => a.NominationId))
            .ToListAsync(cancellationToken);
        List<(Guid, string)> agenda;
        if (request.NominationIds is { } ids)
        {
            var wrong = ids.Where(id => !atVote.ContainsKey(id)).ToList();
            if (wrong.Count > 0)
                throw new InputException("nominationIds", new Message("Các hồ sơ không chờ {0} biểu quyết: {1}.", committee.Name, await NomineesAsync(wrong, cancellationToken)));
            var taken = ids.Intersect(busy).ToList();
            if (taken.Count > 0)
                throw new ConflictException("on-another-agenda", new Message("Các hồ sơ đã có trong chương trình của một phiên họp đang mở: {0}.", await NomineesAsync(taken, cancellationToken)));
            agenda = ids.Select(id => (id, atVote[id])).ToList();
        }
        else
        {
            agenda = atVote.Where(p => !busy.Contains(p.Key)).Select(p => (p.Key, p.Value)).ToList();
        }
        if (agenda.Count == 0)
            throw new ConflictException("empty-agenda", new Message("Không có hồ sơ nào đang chờ {0} biểu quyết.", committee.Name));

        // Agenda order: by unit, then nominee, as the minutes list them.
        var names = await db.Nominations.AsNoTracking().Where(n => agenda.Select(a => a.Item1).Contains(n.Id))
            .ToDictionaryAsync(n => n.Id, n => n.NomineeName, cancellationToken);
        var ordered = agenda.OrderBy(a => names[a.Item1], StringComparer.Create(new("vi-VN"), true)).ToList();
        var session = new CouncilSession(committee.Id, committee.Code, request.Title.Trim(), request.Location?.Trim(), request.HeldAt,
            ordered, committee.MembersInOrder(), user.UserId, clock.GetUtcNow(), secret, committee.Chair?.UserId, committee.Secretary?.UserId);
        db.CouncilSessions.Add(session);
        await audit.RecordAsync($"session:{session.Id}", "session.opened", null, request.Title,
            new { committee = committee.Code, agenda = ordered.Select(a => a.Item1) }, cancellationToken);
        // The members are called to it (not whoever opened it), with its time and place; mailed after commit.
        var (title, body) = NotificationTexts.SessionOpened(committee.Name, session.Title, session.HeldAt, session.Location, ordered.Count);
        await notifier.NotifyAsync(committee.MembersInOrder().Where(m => m != user.UserId),
            new NotificationDraft(NotificationKinds.SessionOpened, title, body, null, $"session-opened:{session.Id:N}", PageLinks.Session(session.Id)), cancellationToken);
        return session.Id;
    }

    /// <summary>The nominees of the nominations a refusal names (never their ids); ids nobody knows are counted.</summary>
    private async Task<ILocalised> NomineesAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        var names = await db.Nominations.AsNoTracking().Where(n => ids.Contains(n.Id)).Select(n => n.NomineeName).ToListAsync(cancellationToken);
        return names.Count == ids.Count ? Message.List(names)
            : Message.List([.. names, new Message("{0} hồ sơ không tìm thấy", ids.Count - names.Count)]);
    }

    /// <summary>Nominations whose workflow currently sits at a vote step, with that step's committee and key, and whether it is secret.</summary>
    internal static async Task<Dictionary<Guid, (string Committee, string StepKey, bool Secret)>> AtVoteAsync(
        CommendationsDbContext db, DefinitionCache definitions, CancellationToken cancellationToken)
    {
        var running = await db.WorkflowInstances.AsNoTracking().Where(i => !i.IsCompleted && i.CurrentStep != null)
            .Select(i => new { i.NominationId, i.DefinitionId, i.DefinitionVersion, i.CurrentStep }).ToListAsync(cancellationToken);
        var result = new Dictionary<Guid, (string, string, bool)>();
        foreach (var group in running.GroupBy(i => (i.DefinitionId, i.DefinitionVersion)))
        {
            var definition = await definitions.GetAsync(group.Key.DefinitionId, group.Key.DefinitionVersion, cancellationToken);
            foreach (var instance in group)
            {
                if (definition.FindStep(instance.CurrentStep!) is VoteStep vote)
                    result[instance.NominationId] = (vote.Committee, vote.Key, vote.Secret);
            }
        }
        return result;
    }
}
