using Commendations.Common.Text;
using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Domain.Sessions;
using Commendations.Persistence;
using Commendations.Engine;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Sessions;

/// <summary>
/// A member's ballot on one agenda nomination: in the session when present, or in writing before it when absent with a
/// written vote. The secretary may record a paper written ballot for an absent member (<see cref="OnBehalfOf"/>).
/// The minutes show counts, not who voted how. The engine receives the ballots when the session closes.
/// <para>
/// At a secret vote step (<c>secret: true</c>) the ballot is cast once and cannot be changed (nor can the member's
/// attendance be changed so that it would no longer count): the session keeps a receipt that the member voted, without
/// the choice, and drops the choice sealed into the ballot box (<see cref="BallotBox"/>). Changing it would mean knowing
/// which sealed ballot is the member's, which is exactly what the box must not know. Recusal is recorded as attendance.
/// At an open vote step a ballot may be replaced until the close.
/// </para>
/// </summary>
[Allowed(Roles.CommitteeMember, Roles.Administrator)]
public sealed record CastSessionBallot(Guid SessionId, Guid NominationId, VoteChoice Choice, Guid? OnBehalfOf = null) : ICommand<Unit>;

public sealed class CastSessionBallotValidator : AbstractValidator<CastSessionBallot>
{
    public CastSessionBallotValidator() => RuleFor(c => c.Choice).IsInEnum();
}

public sealed class CastSessionBallotHandler(CommendationsDbContext db, ICurrentUser user, TimeProvider clock, BallotBox box) : IRequestHandler<CastSessionBallot, Unit>
{
    public async Task<Unit> Handle(CastSessionBallot request, CancellationToken cancellationToken)
    {
        var session = await db.CouncilSessions.Include(s => s.Attendance).Include(s => s.Ballots).Include(s => s.Agenda).AsSplitQuery()
            .SingleOrDefaultAsync(s => s.Id == request.SessionId, cancellationToken);
        var committee = session is null ? null : await db.Committees.AsNoTracking().SingleAsync(c => c.Id == session.CommitteeId, cancellationToken);
        if (session is null || committee is null || (committee.Members.All(m => m.UserId != user.UserId) && !user.IsInRole(Roles.Administrator)))
            throw new NotFoundException(Things.Session);
        var voter = request.OnBehalfOf ?? user.UserId;
        if (request.OnBehalfOf is not null && !SessionAccess.IsSecretary(committee, user.UserId) && !user.IsInRole(Roles.Administrator))
            throw new ForbiddenException(new Message("Chỉ thư ký ghi phiếu bằng văn bản thay cho thành viên khác."));
        var attendance = session.AttendanceOf(voter) ?? throw new ForbiddenException(new Message("Chỉ thành viên Hội đồng / Ban được bỏ phiếu."));
        if (!session.IsOpen)
            throw new ConflictException("session-closed", new Message("Phiên họp đã kết thúc."));
        if (session.ItemFor(request.NominationId) is not { } item)
            throw new NotFoundException(Things.AgendaItem);
        if (request.OnBehalfOf is not null && attendance.Status != AttendanceStatus.AbsentWithWrittenVote)
            throw new ConflictException("not-written-vote", new Message("Chỉ ghi phiếu thay cho thành viên vắng mặt có phiếu bằng văn bản."));
        if (!attendance.MayVoteOn(request.NominationId))
        {
            throw new ConflictException("may-not-vote", attendance.IsRecusedFrom(request.NominationId)
                ? new Message("Thành viên không tham gia biểu quyết hồ sơ này do xung đột lợi ích.")
                : new Message("Trước hết hãy điểm danh thành viên là có mặt, hoặc vắng mặt có phiếu bằng văn bản."));
        }
        var written = attendance.Status != AttendanceStatus.Present;
        if (item.Secret)
        {
            await CastSecretAsync(session, item, voter, request.Choice, written, cancellationToken);
            return Unit.Value;
        }
        session.RecordBallot(request.NominationId, voter, request.Choice, written, user.UserId, clock.GetUtcNow());
        return Unit.Value;
    }

    private async Task CastSecretAsync(CouncilSession session, SessionAgendaItem item, Guid voter, VoteChoice choice, bool written, CancellationToken cancellationToken)
    {
        if (choice == VoteChoice.Recuse)
            throw new InputException("choice", new Message("Ở biểu quyết kín, việc không tham gia do xung đột lợi ích được ghi ở phần điểm danh, không phải bằng phiếu."));
        if (session.BallotOf(item.NominationId, voter) is not null)
            throw new ConflictException("secret-ballot-cast", new Message("Phiếu kín đã bỏ thì không sửa được."));
        // A member whose ballot the vote already counts (a session before this one lacked quorum) does not vote twice.
        var state = await db.WorkflowInstances.AsNoTracking().Where(i => i.NominationId == item.NominationId).Select(i => i.State).SingleAsync(cancellationToken);
        if (InstanceState.FromJson(state).Progress is VoteProgress progress && progress.HasVoted(voter.ToString()))
            throw new ConflictException(RuntimeErrors.AlreadyVoted, new Message("Thành viên đã bỏ phiếu ở lần biểu quyết này."));
        session.RecordSecretBallot(item.NominationId, voter, written, user.UserId, clock.GetUtcNow());
        db.SealedBallots.Add(new SealedBallot(session.Id, item.NominationId, box.Seal(session.Id, item.NominationId, choice)));
    }
}
