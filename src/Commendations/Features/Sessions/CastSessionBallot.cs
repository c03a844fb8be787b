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
/// Ballots are secret: the minutes show counts, not who voted how. The engine receives them when the session closes.
/// </summary>
[Allowed(Roles.CommitteeMember, Roles.Administrator)]
public sealed record CastSessionBallot(Guid SessionId, Guid NominationId, VoteChoice Choice, Guid? OnBehalfOf = null) : ICommand<Unit>;

public sealed class CastSessionBallotValidator : AbstractValidator<CastSessionBallot>
{
    public CastSessionBallotValidator() => RuleFor(c => c.Choice).IsInEnum();
}

public sealed class CastSessionBallotHandler(CommendationsDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<CastSessionBallot, Unit>
{
    public async Task<Unit> Handle(CastSessionBallot request, CancellationToken cancellationToken)
    {
        var session = await db.CouncilSessions.Include(s => s.Attendance).Include(s => s.Ballots).Include(s => s.Agenda).AsSplitQuery()
            .SingleOrDefaultAsync(s => s.Id == request.SessionId, cancellationToken);
        var committee = session is null ? null : await db.Committees.AsNoTracking().SingleAsync(c => c.Id == session.CommitteeId, cancellationToken);
        if (session is null || committee is null || (committee.Members.All(m => m.UserId != user.UserId) && !user.IsInRole(Roles.Administrator)))
            throw new NotFoundException("Session", request.SessionId);
        var voter = request.OnBehalfOf ?? user.UserId;
        if (request.OnBehalfOf is not null && !SessionAccess.IsSecretary(committee, user.UserId) && !user.IsInRole(Roles.Administrator))
            throw new ForbiddenException("Only the secretary records a written ballot for another member.");
        var attendance = session.AttendanceOf(voter) ?? throw new ForbiddenException("Only the committee's members vote.");
        if (!session.IsOpen)
            throw new ConflictException("session-closed", "The session is closed.");
        if (session.ItemFor(request.NominationId) is null)
            throw new NotFoundException("Agenda item", request.NominationId);
        if (request.OnBehalfOf is not null && attendance.Status != AttendanceStatus.AbsentWithWrittenVote)
            throw new ConflictException("not-written-vote", "A ballot is recorded for another member only when they are absent with a written vote.");
        if (!attendance.MayVoteOn(request.NominationId))
        {
            throw new ConflictException("may-not-vote", attendance.IsRecusedFrom(request.NominationId)
                ? "The member is recused from this nomination."
                : "Record the member as present, or absent with a written vote, first.");
        }
        session.RecordBallot(request.NominationId, voter, request.Choice, attendance.Status != AttendanceStatus.Present, user.UserId, clock.GetUtcNow());
        return Unit.Value;
    }
}
