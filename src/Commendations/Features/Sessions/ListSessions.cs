using Commendations.Common.Text;
using Commendations.Common.Behaviours;
using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Domain.Committees;
using Commendations.Domain.Sessions;
using Commendations.Persistence;
using Commendations.Workflow;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Sessions;

/// <summary>
/// The council sessions the user may read (as <see cref="SessionAccess"/>: their committees', or all for appraisers, the
/// leader and administrators), open ones first; and for each committee the user runs (secretary, or every committee for an
/// administrator) the nominations waiting for its vote and on no open session's agenda, so they know whether to open one.
/// </summary>
[Allowed(Roles.CommitteeMember, Roles.Appraiser, Roles.ProvincialLeader, Roles.Administrator)]
public sealed record ListSessions(string? Committee = null, string? Status = null) : IQuery<SessionList>;

public sealed record SessionList(IReadOnlyList<SessionSummary> Sessions, IReadOnlyList<RunnableCommittee> Runnable);

public sealed record SessionSummary(
    Guid Id, string CommitteeCode, string CommitteeName, string Title, string? Location, DateTimeOffset HeldAt, SessionStatus Status,
    int AgendaCount, DateTimeOffset? ClosedAt);

public sealed record RunnableCommittee(string Code, string Name, IReadOnlyList<WaitingNomination> Waiting)
{
    public int WaitingCount => Waiting.Count;
}

public sealed record WaitingNomination(Guid NominationId, string NomineeName, string UnitName, string AwardFormName);

public sealed class ListSessionsValidator : AbstractValidator<ListSessions>
{
    public ListSessionsValidator()
    {
        RuleFor(q => q.Committee).MaximumLength(Committee.CodeMaxLength);
        RuleFor(q => q.Status).Must(s => string.IsNullOrEmpty(s) || Enum.TryParse<SessionStatus>(s, true, out _))
            .WithMessage(new Message("Trạng thái là Open (đang họp) hoặc Closed (đã kết thúc)."));
    }
}

public sealed class ListSessionsHandler(CommendationsDbContext db, DefinitionCache definitions, ICurrentUser user)
    : IRequestHandler<ListSessions, SessionList>
{
    public async Task<SessionList> Handle(ListSessions request, CancellationToken cancellationToken)
    {
        var committees = await db.Committees.AsNoTracking().OrderBy(c => c.Code).ToListAsync(cancellationToken);
        if (!string.IsNullOrEmpty(request.Committee) && committees.All(c => c.Code != request.Committee))
            throw new InputException("committee", new Message("Không có Hội đồng / Ban này."));
        var readsAll = user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.Appraiser) || user.IsInRole(Roles.ProvincialLeader);
        var readable = committees.Where(c => readsAll || c.IsMember(user.UserId))
            .Where(c => string.IsNullOrEmpty(request.Committee) || c.Code == request.Committee).ToDictionary(c => c.Id);

        var ids = readable.Keys.ToList();
        var query = db.CouncilSessions.AsNoTracking().Where(s => ids.Contains(s.CommitteeId));
        if (!string.IsNullOrEmpty(request.Status))
        {
            var status = Enum.Parse<SessionStatus>(request.Status, true);
            query = query.Where(s => s.Status == status);
        }
        var rows = await query
            .Select(s => new { s.Id, s.CommitteeId, s.Title, s.Location, s.HeldAt, s.Status, Agenda = s.Agenda.Count, s.ClosedAt })
            .ToListAsync(cancellationToken);
        var sessions = rows
            .OrderBy(s => s.Status == SessionStatus.Open ? 0 : 1).ThenByDescending(s => s.HeldAt)
            .Select(s => new SessionSummary(s.Id, readable[s.CommitteeId].Code, readable[s.CommitteeId].Name, s.Title, s.Location, s.HeldAt,
                s.Status, s.Agenda, s.ClosedAt))
            .ToList();

        var runnable = readable.Values.Where(c => SessionAccess.IsSecretary(c, user.UserId) || user.IsInRole(Roles.Administrator)).ToList();
        return new SessionList(sessions, runnable.Count == 0 ? [] : await WaitingAsync(runnable, cancellationToken));
    }

    private async Task<IReadOnlyList<RunnableCommittee>> WaitingAsync(List<Committee> runnable, CancellationToken cancellationToken)
    {
        var atVote = await OpenSessionHandler.AtVoteAsync(db, definitions, cancellationToken);
        var busy = await db.CouncilSessions.Where(s => s.Status == SessionStatus.Open).SelectMany(s => s.Agenda.Select(a => a.NominationId))
            .ToListAsync(cancellationToken);
        var waitingIds = atVote.Keys.Except(busy).ToList();
        var nominations = await db.Nominations.AsNoTracking().Where(n => waitingIds.Contains(n.Id))
            .Join(db.Units, n => n.UnitId, u => u.Id, (n, u) => new { n.Id, n.NomineeName, n.AwardFormId, UnitName = u.Name })
            .Join(db.AwardForms, x => x.AwardFormId, a => a.Id, (x, a) => new WaitingNomination(x.Id, x.NomineeName, x.UnitName, a.Name))
            .ToListAsync(cancellationToken);
        var order = StringComparer.Create(new("vi-VN"), true);
        return runnable.Select(c => new RunnableCommittee(c.Code, c.Name,
                nominations.Where(n => atVote[n.NominationId].Committee == c.Code).OrderBy(n => n.NomineeName, order).ToList()))
            .ToList();
    }
}
