using Commendations.Common;
using Commendations.Common.Security;
using Commendations.Domain.Sessions;
using Commendations.Engine;
using MediatR;

namespace Commendations.Features.Sessions;

/// <summary>
/// What the reader of a session may act on: their own ballots (a member sees only their own — ballots are secret); and for
/// the secretary or an administrator while it is open, each member's recusals and the written ballots they recorded for
/// members absent with a written vote.
/// </summary>
[Allowed(Roles.CommitteeMember, Roles.Appraiser, Roles.ProvincialLeader, Roles.Administrator)]
public sealed record GetBallotSheet(Guid SessionId) : IQuery<BallotSheet>;

public sealed record BallotSheet(
    bool CanRun, MemberBallots? Mine, IReadOnlyList<MemberBallots> Written, IReadOnlyDictionary<Guid, IReadOnlyList<Guid>> RecusedFrom);

/// <summary>
/// A member's recorded choices by nomination (open votes), the nominations where they cast a secret ballot (its choice is
/// sealed: nobody, the member included, can read it back), and the agenda nominations they may vote on now.
/// </summary>
public sealed record MemberBallots(Guid MemberUserId, AttendanceStatus Status, IReadOnlyDictionary<Guid, VoteChoice> Choices, IReadOnlySet<Guid> MayVoteOn)
{
    public IReadOnlySet<Guid> SecretCast { get; init; } = new HashSet<Guid>();
}

public sealed class GetBallotSheetHandler(SessionAccess access, ICurrentUser user) : IRequestHandler<GetBallotSheet, BallotSheet>
{
    public async Task<BallotSheet> Handle(GetBallotSheet request, CancellationToken cancellationToken)
    {
        var (session, committee) = await access.ReadableAsync(request.SessionId, cancellationToken);
        var canRun = session.IsOpen && (SessionAccess.IsSecretary(committee, user.UserId) || user.IsInRole(Roles.Administrator));
        var mine = session.AttendanceOf(user.UserId) is { } me ? Ballots(session, me) : null;
        var written = canRun
            ? session.Attendance.Where(a => a.Status == AttendanceStatus.AbsentWithWrittenVote).Select(a => Ballots(session, a)).ToList()
            : [];
        var recused = canRun
            ? session.Attendance.Where(a => a.Status == AttendanceStatus.Recused)
                .ToDictionary(a => a.MemberUserId, a => (IReadOnlyList<Guid>)a.RecusedFrom.ToList())
            : new Dictionary<Guid, IReadOnlyList<Guid>>();
        return new BallotSheet(canRun, mine, written, recused);
    }

    private static MemberBallots Ballots(CouncilSession session, SessionAttendance attendance)
    {
        var mine = session.Ballots.Where(b => b.MemberUserId == attendance.MemberUserId).ToList();
        return new(attendance.MemberUserId, attendance.Status,
            mine.Where(b => b.Choice is not null).ToDictionary(b => b.NominationId, b => b.Choice!.Value),
            // A secret ballot cast is final: the member may no longer vote on that nomination.
            session.Agenda.Where(a => attendance.MayVoteOn(a.NominationId) && !(a.Secret && mine.Any(b => b.NominationId == a.NominationId)))
                .Select(a => a.NominationId).ToHashSet())
        {
            SecretCast = mine.Where(b => b.Choice is null).Select(b => b.NominationId).ToHashSet(),
        };
    }
}
