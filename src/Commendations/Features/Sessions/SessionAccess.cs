using Commendations.Common.Text;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Domain.Committees;
using Commendations.Domain.Sessions;
using Commendations.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Sessions;

/// <summary>
/// Who may do what with a council session: its committee's secretary (or an administrator) runs it; its members vote;
/// members, appraisers, the leader and administrators read it. Anyone else is told it does not exist.
/// </summary>
public sealed class SessionAccess(CommendationsDbContext db, ICurrentUser user)
{
    public static bool IsSecretary(Committee committee, Guid userId) => committee.Members.Any(m => m.UserId == userId && m.IsSecretary);

    public async Task<(CouncilSession Session, Committee Committee)> ReadableAsync(Guid sessionId, CancellationToken cancellationToken, bool track = false)
    {
        var query = db.CouncilSessions.Include(s => s.Agenda).Include(s => s.Attendance).Include(s => s.Ballots).AsSplitQuery();
        var session = await (track ? query : query.AsNoTracking()).SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null)
            throw new NotFoundException(Things.Session);
        var committee = await db.Committees.AsNoTracking().SingleAsync(c => c.Id == session.CommitteeId, cancellationToken);
        var member = committee.Members.Any(m => m.UserId == user.UserId);
        if (!(member || user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.Appraiser) || user.IsInRole(Roles.ProvincialLeader)))
            throw new NotFoundException(Things.Session);
        return (session, committee);
    }

    /// <summary>The session, tracked, for its secretary or an administrator while it is open.</summary>
    public async Task<(CouncilSession Session, Committee Committee)> RunnableAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        var (session, committee) = await ReadableAsync(sessionId, cancellationToken, track: true);
        if (!IsSecretary(committee, user.UserId) && !user.IsInRole(Roles.Administrator))
            throw new ForbiddenException(new Message("Chỉ thư ký Hội đồng / Ban hoặc quản trị viên điều hành phiên họp."));
        if (!session.IsOpen)
            throw new ConflictException("session-closed", new Message("Phiên họp đã kết thúc; biên bản không thay đổi được nữa."));
        return (session, committee);
    }
}
