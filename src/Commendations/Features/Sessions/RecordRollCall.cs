using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Domain.Sessions;
using FluentValidation;
using MediatR;

namespace Commendations.Features.Sessions;

/// <summary>
/// The secretary's roll call: the whole attendance sheet saved at once, as it is taken at the start of a meeting. It is
/// all or nothing — one wrong line (a recusal without its reason, a member who already cast a secret ballot) and no line
/// changes — and lines equal to what is recorded are left alone (no audit entry for an unchanged member).
/// </summary>
[Allowed(Roles.CommitteeMember, Roles.Administrator)]
public sealed record RecordRollCall(Guid SessionId, IReadOnlyList<RollCallLine> Lines) : ICommand<int>;

/// <summary>One member's line of the roll call.</summary>
public sealed record RollCallLine(Guid MemberUserId, AttendanceStatus Status, string? Note = null, IReadOnlyList<Guid>? RecusedFrom = null);

public sealed class RecordRollCallValidator : AbstractValidator<RecordRollCall>
{
    public RecordRollCallValidator()
    {
        RuleFor(c => c.Lines).NotEmpty().WithMessage("Điểm danh ít nhất một thành viên.");
        RuleFor(c => c.Lines).Must(lines => lines.Count <= 200).WithMessage("Một lần điểm danh có nhiều nhất 200 thành viên.");
        RuleFor(c => c.Lines).Must(lines => lines.Select(l => l.MemberUserId).Distinct().Count() == lines.Count)
            .When(c => c.Lines is not null).WithMessage("Mỗi thành viên chỉ có một dòng điểm danh.");
        RuleForEach(c => c.Lines).ChildRules(line =>
        {
            line.RuleFor(l => l.Status).IsInEnum();
            line.RuleFor(l => l.Note).MaximumLength(1000);
            line.RuleFor(l => l.Note).NotEmpty().When(l => l.Status == AttendanceStatus.Recused)
                .WithMessage("Ghi rõ lý do xung đột lợi ích mà thành viên đã nêu.");
            line.RuleFor(l => l.RecusedFrom).Must(r => r is null || r.Count == 0).When(l => l.Status != AttendanceStatus.Recused)
                .WithMessage("Chỉ thành viên không tham gia biểu quyết mới chọn hồ sơ liên quan.");
        });
    }
}

public sealed class RecordRollCallHandler(SessionAccess access, IMediator mediator) : IRequestHandler<RecordRollCall, int>
{
    public async Task<int> Handle(RecordRollCall request, CancellationToken cancellationToken)
    {
        var (session, _) = await access.RunnableAsync(request.SessionId, cancellationToken);
        var changed = request.Lines.Where(line => !Unchanged(session.AttendanceOf(line.MemberUserId), line)).ToList();
        // Each line goes through the single-member use case (its checks: membership, agenda, sealed secret ballots); this
        // command's transaction holds them all, so the first refusal rolls every earlier line back.
        foreach (var line in changed)
        {
            try
            {
                await mediator.Send(new RecordAttendance(request.SessionId, line.MemberUserId, line.Status, line.Note, line.RecusedFrom), cancellationToken);
            }
            catch (InputException refused)
            {
                // The field is named within the roll call, so a client knows which line to correct.
                var index = IndexOf(request.Lines, line);
                throw new InputException(refused.Fields.ToDictionary(f => $"lines[{index}].{f.Key}", f => f.Value));
            }
        }
        return changed.Count;
    }

    private static int IndexOf(IReadOnlyList<RollCallLine> lines, RollCallLine line)
    {
        for (var i = 0; i < lines.Count; i++)
            if (ReferenceEquals(lines[i], line)) return i;
        return -1;
    }

    private static bool Unchanged(SessionAttendance? recorded, RollCallLine line) =>
        recorded is not null
        && recorded.Status == line.Status
        && string.Equals(recorded.Note ?? "", line.Note?.Trim() ?? "", StringComparison.Ordinal)
        && recorded.RecusedFrom.ToHashSet().SetEquals(line.Status == AttendanceStatus.Recused ? line.RecusedFrom ?? [] : []);
}
