using Microsoft.EntityFrameworkCore;
using Commendations.Common.Behaviours;
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
            .WithMessage(new Message("Ghi rõ lý do xung đột lợi ích mà thành viên đã nêu."));
        RuleFor(c => c.RecusedFrom).Must(r => r is null || r.Count == 0).When(c => c.Status != AttendanceStatus.Recused)
            .WithMessage(new Message("Chỉ thành viên không tham gia biểu quyết mới chọn hồ sơ liên quan."));
    }
}

public sealed class RecordAttendanceHandler(SessionAccess access, AuditTrail audit, Commendations.Persistence.CommendationsDbContext db) : IRequestHandler<RecordAttendance, Unit>
{
    public async Task<Unit> Handle(RecordAttendance request, CancellationToken cancellationToken)
    {
        var (session, _) = await access.RunnableAsync(request.SessionId, cancellationToken);
        var attendance = session.AttendanceOf(request.MemberUserId)
                         ?? throw new InputException("memberUserId", new Message("Người này không phải thành viên của Hội đồng / Ban họp phiên này."));
        var outside = (request.RecusedFrom ?? []).Where(id => session.ItemFor(id) is null).ToList();
        if (outside.Count > 0)
            throw new InputException("recusedFrom", new Message("Có {0} hồ sơ được chọn không có trong chương trình phiên họp.", outside.Count));
        // A secret ballot is final: the attendance may not change so that it would stop counting (its choice is sealed and
        // cannot be taken back out of the box).
        var cast = session.Agenda.Where(a => a.Secret && session.BallotOf(a.NominationId, request.MemberUserId) is not null).ToList();
        var after = new SessionAttendance(session.Id, request.MemberUserId);
        after.Record(request.Status, null, request.RecusedFrom);
        if (cast.FirstOrDefault(a => !after.MayVoteOn(a.NominationId)) is { } lost)
            throw new ConflictException("secret-ballot-cast", new Message("Thành viên đã bỏ phiếu kín về {0}; không thể ghi vắng mặt hay không tham gia biểu quyết hồ sơ đó nữa.", await NomineeNameAsync(lost.NominationId, cancellationToken)));
        attendance.Record(request.Status, request.Note?.Trim(), request.RecusedFrom);
        await audit.RecordAsync($"session:{session.Id}", "session.attendance", null, request.Note,
            new { member = request.MemberUserId, status = request.Status.ToString(), recusedFrom = request.RecusedFrom }, cancellationToken);
        return Unit.Value;
    }

    /// <summary>A refusal names the nominee, never the nomination's id.</summary>
    private Task<string> NomineeNameAsync(Guid nominationId, CancellationToken cancellationToken) =>
        db.Nominations.AsNoTracking().Where(n => n.Id == nominationId).Select(n => n.NomineeName).SingleAsync(cancellationToken);
}
