using Commendations.Engine;
using Commendations.Common.Security;
using Commendations.Common;
using Commendations.Domain.Catalog;
using Commendations.Domain.Sessions;
using Commendations.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Sessions;

/// <summary>A session as its minutes (biên bản) show it: attendance, and for each nominee the count and the engine's result.</summary>
[Allowed(Roles.CommitteeMember, Roles.Appraiser, Roles.ProvincialLeader, Roles.Administrator)]
public sealed record GetSession(Guid SessionId) : IQuery<SessionMinutes>;

public sealed record SessionMinutes(
    Guid Id, string CommitteeCode, string CommitteeName, string Title, string? Location, DateTimeOffset HeldAt, SessionStatus Status,
    DateTimeOffset? ClosedAt, IReadOnlyList<MinutesAttendance> Attendance, IReadOnlyList<MinutesItem> Items)
{
    public int MemberCount => Attendance.Count;
    public int PresentCount => Attendance.Count(a => a.Status == AttendanceStatus.Present);
    public int WrittenVoteCount => Attendance.Count(a => a.Status == AttendanceStatus.AbsentWithWrittenVote);
    public int RecusedCount => Attendance.Count(a => a.Status == AttendanceStatus.Recused);
    public int AbsentCount => Attendance.Count(a => a.Status == AttendanceStatus.Absent);

    /// <summary>The minutes' number ("05/BB-HĐTĐKT"), when the secretary has given one.</summary>
    public string? MinutesNumber { get; init; }

    /// <summary>When the meeting started (the session's time) and ended (the close, unless recorded otherwise).</summary>
    public DateTimeOffset StartedAt => HeldAt;
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>Who chaired the session (chủ trì) and who took the minutes (thư ký): the signers of the minutes.</summary>
    public MinutesSigner? Chair { get; init; }
    public MinutesSigner? Secretary { get; init; }

    /// <summary>"Nơi nhận" from the committee's data.</summary>
    public IReadOnlyList<string> Recipients { get; init; } = [];

    /// <summary>The place of the date line ("Lam Giang"), from the issuing authority in force on the session's day.</summary>
    public string Place { get; init; } = "";

    /// <summary>The reader is the committee's secretary or an administrator: they record the minutes' particulars.</summary>
    public bool CanRecordMinutes { get; init; }

    /// <summary>Some item was voted by secret ballot: the minutes say so and give only counts.</summary>
    public bool AnySecret => Items.Any(i => i.Secret);
}

public sealed record MinutesSigner(Guid UserId, string Name, string Position);

public sealed record MinutesAttendance(Guid MemberUserId, int Rank, string Name, string Position, AttendanceStatus Status, string? Note,
    int RecusedFromCount, bool IsChair, bool IsSecretary)
{
    /// <summary>An absent member's substitute on the session's day: named in the minutes, who could not vote for them (docs/substitutes.md).</summary>
    public string? SubstituteName { get; init; }
}

public sealed record MinutesItem(int Order, Guid NominationId, string NomineeName, NomineeKind Kind, string UnitName, string AwardFormName,
    AgendaOutcome Outcome, int Yes, int No, int Abstain, int Recused, int NotVoting, int BallotsRecorded, string? EngineTally)
{
    /// <summary>A secret ballot: only counts, and none before the close (yes, no and abstain are 0 then).</summary>
    public bool Secret { get; init; }

    /// <summary>A secret item not closed yet: its counts do not exist until the ballot box is opened at the close.</summary>
    public bool CountsHidden => Secret && Outcome == AgendaOutcome.Pending;
}

public sealed class GetSessionHandler(CommendationsDbContext db, SessionAccess access, Documents.DocumentData documents, ICurrentUser user) : IRequestHandler<GetSession, SessionMinutes>
{
    public async Task<SessionMinutes> Handle(GetSession request, CancellationToken cancellationToken)
    {
        var (session, committee) = await access.ReadableAsync(request.SessionId, cancellationToken);
        var memberIds = committee.Members.Select(m => m.UserId).ToList();
        var names = await db.Users.AsNoTracking().Where(u => memberIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var attendance = session.Attendance
            .Select(a => (a, m: committee.Members.FirstOrDefault(m => m.UserId == a.MemberUserId)))
            .OrderBy(x => x.m?.Rank ?? int.MaxValue)
            .Select(x => new MinutesAttendance(x.a.MemberUserId, x.m?.Rank ?? 0, names.GetValueOrDefault(x.a.MemberUserId, "?"), x.m?.Position ?? "",
                x.a.Status, x.a.Note, x.a.RecusedFrom.Count, x.m?.IsChair ?? false, x.m?.IsSecretary ?? false))
            .ToList();

        var ids = session.Agenda.Select(a => a.NominationId).ToList();
        var nominees = await db.Nominations.AsNoTracking().Where(n => ids.Contains(n.Id))
            .Join(db.Units, n => n.UnitId, u => u.Id, (n, u) => new { n, UnitName = u.Name })
            .Join(db.AwardForms, x => x.n.AwardFormId, a => a.Id, (x, a) => new { x.n, x.UnitName, AwardName = a.Name })
            .ToDictionaryAsync(x => x.n.Id, cancellationToken);
        var items = session.Agenda.OrderBy(a => a.Order).Select(a =>
        {
            var x = nominees[a.NominationId];
            // Before the close, the counts are those of the ballots recorded so far — of an open vote. A secret vote has none
            // until its box is opened: running counts would tell, ballot after ballot, who chose what.
            var ballotsRecorded = session.Ballots.Count(b => b.NominationId == a.NominationId);
            var (yes, no, abstain, recused) = a.Outcome != AgendaOutcome.Pending ? (a.Yes, a.No, a.Abstain, a.Recused)
                : a.Secret ? (0, 0, 0, session.Attendance.Count(m => m.IsRecusedFrom(a.NominationId)))
                : CloseSessionHandler.Count(CloseSessionHandler.EffectiveBallots(session, a.NominationId).Values);
            var notVoting = a.Outcome != AgendaOutcome.Pending ? a.NotVoting
                : a.Secret ? session.Attendance.Count - ballotsRecorded - recused
                : session.Attendance.Count - yes - no - abstain - recused;
            return new MinutesItem(a.Order, a.NominationId, x.n.NomineeName, x.n.Kind, x.UnitName, x.AwardName, a.Outcome, yes, no, abstain, recused,
                notVoting, ballotsRecorded, a.EngineTally) { Secret = a.Secret };
        }).ToList();
        MinutesSigner? Signer(Guid? id) => id is { } userId && committee.Members.FirstOrDefault(m => m.UserId == userId) is { } member
            ? new MinutesSigner(userId, names.GetValueOrDefault(userId, "?"), member.Position)
            : null;
        var day = VietnamTime.DateOf(session.HeldAt);
        var authority = await documents.AuthorityOnAsync(day, cancellationToken);
        attendance = await WithSubstitutesAsync(attendance, day, session.HeldAt, cancellationToken);
        return new SessionMinutes(session.Id, committee.Code, committee.Name, session.Title, session.Location, session.HeldAt, session.Status,
            session.ClosedAt, attendance, items)
        {
            MinutesNumber = session.MinutesNumber,
            EndedAt = session.EndedAt,
            Chair = Signer(session.ChairUserId ?? committee.Chair?.UserId),
            Secretary = Signer(session.SecretaryUserId ?? committee.Secretary?.UserId),
            Recipients = committee.MinutesRecipients,
            Place = authority.Place,
            CanRecordMinutes = SessionAccess.IsSecretary(committee, user.UserId) || user.IsInRole(Roles.Administrator),
        };
    }

    /// <summary>Absent members who had named a substitute for the session's day (a cover not revoked before the session).</summary>
    private async Task<List<MinutesAttendance>> WithSubstitutesAsync(List<MinutesAttendance> attendance, DateOnly day, DateTimeOffset heldAt,
        CancellationToken cancellationToken)
    {
        var absent = attendance.Where(a => a.Status != AttendanceStatus.Present).Select(a => a.MemberUserId).ToList();
        if (absent.Count == 0)
            return attendance;
        var covers = await db.Substitutions.AsNoTracking()
            .Where(s => absent.Contains(s.PrincipalUserId) && s.From <= day && s.To >= day && (s.RevokedAt == null || s.RevokedAt > heldAt))
            .Join(db.Users, s => s.SubstituteUserId, u => u.Id, (s, u) => new { s.PrincipalUserId, u.DisplayName })
            .ToListAsync(cancellationToken);
        return attendance.Select(a => covers.FirstOrDefault(c => c.PrincipalUserId == a.MemberUserId) is { } cover
            ? a with { SubstituteName = cover.DisplayName } : a).ToList();
    }
}
