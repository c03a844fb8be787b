using Commendations.Common.Text;
using Commendations.Audit;
using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Domain.Sessions;
using FluentValidation;
using MediatR;

namespace Commendations.Features.Sessions;

/// <summary>The secretary records a member's attendance: present, absent with a written vote, absent, or recused (all or some nominations).</summary>
[Allowed(Roles.CommitteeMember, Roles.Administrator)]
public sealed record RecordAttendance(Guid SessionId, Guid MemberUserId, AttendanceStatus Status, string? Note = null, IReadOnlyList<Guid>? RecusedFrom = null)
    : ICommand<Unit>;

public sealed class RecordAttendanceValidator : AbstractValidator<RecordAttendance>
{
    public RecordAttendanceValidator()
    {
        RuleFor(c => c.Status).IsInEnum();
        RuleFor(c => c.Note).MaximumLength(1000);
        RuleFor(c => c.Note).NotEmpty().When(c => c.Status == AttendanceStatus.Recused)
            .WithMessage("Write the conflict of interest the member declared.");
        RuleFor(c => c.RecusedFrom).Must(r => r is null || r.Count == 0).When(c => c.Status != AttendanceStatus.Recused)
            .WithMessage("Only a recused member lists the nominations concerned.");
    }
}

public sealed class RecordAttendanceHandler(SessionAccess access, AuditTrail audit) : IRequestHandler<RecordAttendance, Unit>
{
    public async Task<Unit> Handle(RecordAttendance request, CancellationToken cancellationToken)
    {
        var (session, _) = await access.RunnableAsync(request.SessionId, cancellationToken);
        var attendance = session.AttendanceOf(request.MemberUserId)
                         ?? throw new InputException("memberUserId", "Not a member of this session's committee.");
        var outside = (request.RecusedFrom ?? []).Where(id => session.ItemFor(id) is null).ToList();
        if (outside.Count > 0)
            throw new InputException("recusedFrom", $"Not on this session's agenda: {string.Join(", ", outside)}.");
        // A secret ballot is final: the attendance may not change so that it would stop counting (its choice is sealed and
        // cannot be taken back out of the box).
        var cast = session.Agenda.Where(a => a.Secret && session.BallotOf(a.NominationId, request.MemberUserId) is not null).ToList();
        var after = new SessionAttendance(session.Id, request.MemberUserId);
        after.Record(request.Status, null, request.RecusedFrom);
        if (cast.FirstOrDefault(a => !after.MayVoteOn(a.NominationId)) is { } lost)
            throw new ConflictException("secret-ballot-cast", new Message("Thành viên đã bỏ phiếu kín về {0}; không thể ghi vắng mặt hay không tham gia biểu quyết hồ sơ đó nữa.", lost.NominationId));
        attendance.Record(request.Status, request.Note?.Trim(), request.RecusedFrom);
        await audit.RecordAsync($"session:{session.Id}", "session.attendance", null, request.Note,
            new { member = request.MemberUserId, status = request.Status.ToString(), recusedFrom = request.RecusedFrom }, cancellationToken);
        return Unit.Value;
    }
}
