using System.Text.RegularExpressions;
using Commendations.Audit;
using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Common.Text;
using Commendations.Domain.Decisions;
using FluentValidation;
using MediatR;

namespace Commendations.Features.Sessions;

/// <summary>
/// The secretary (or an administrator) records the particulars of the minutes (biên bản): its number (e.g.
/// <c>05/BB-HĐTĐKT</c>), who chaired the session and who took the minutes (members of the committee; the committee's chair and
/// secretary by default), and when the meeting ended (the close by default). Allowed before and after the close: the minutes
/// are finished after the meeting; the votes are not touched.
/// </summary>
[Allowed(Roles.CommitteeMember, Roles.Administrator)]
public sealed record RecordMinutesDetails(Guid SessionId, string? Number, Guid? ChairUserId, Guid? SecretaryUserId, DateTimeOffset? EndedAt) : ICommand<Unit>;

public sealed partial class RecordMinutesDetailsValidator : AbstractValidator<RecordMinutesDetails>
{
    public RecordMinutesDetailsValidator()
    {
        RuleFor(c => c.Number).MaximumLength(60).Must(n => n is null || MinutesNumbers.Check(n) is null)
            .WithMessage(c => MinutesNumbers.Check(c.Number)!.Format());
    }
}

/// <summary>Minutes are numbered like every administrative document (Decree 30/2020/NĐ-CP): "05/BB-HĐTĐKT", never "5/BB-…".</summary>
public static partial class MinutesNumbers
{
    public static Message? Check(string? text)
    {
        var match = Pattern().Match(text?.Trim() ?? "");
        if (!match.Success || !int.TryParse(match.Groups["seq"].Value, out var sequence) || sequence <= 0)
            return new Message("Ghi số biên bản như trên văn bản: số thứ tự, dấu gạch chéo, rồi ký hiệu, ví dụ 05/BB-HĐTĐKT.");
        if (match.Groups["seq"].Value != DecisionNumber.Padded(sequence))
            return new Message("Số văn bản nhỏ hơn 10 phải ghi thêm số 0 phía trước ({0}): viết {1}.", DecisionNumber.LeadingZeroRule,
                $"{DecisionNumber.Padded(sequence)}/BB-{match.Groups["body"].Value}");
        return null;
    }

    [GeneratedRegex(@"^(?<seq>\d{1,6})/BB-(?<body>[A-ZĐ][A-ZĐ0-9]*(?:-[A-ZĐ0-9]+)*)$")]
    private static partial Regex Pattern();
}

public sealed class RecordMinutesDetailsHandler(SessionAccess access, ICurrentUser user, AuditTrail audit)
    : IRequestHandler<RecordMinutesDetails, Unit>
{
    public async Task<Unit> Handle(RecordMinutesDetails request, CancellationToken cancellationToken)
    {
        var (session, committee) = await access.ReadableAsync(request.SessionId, cancellationToken, track: true);
        if (!SessionAccess.IsSecretary(committee, user.UserId) && !user.IsInRole(Roles.Administrator))
            throw new ForbiddenException(new Message("Chỉ thư ký của hội đồng hoặc quản trị viên ghi thông tin biên bản."), "not-secretary");
        foreach (var (field, id) in new[] { ("chairUserId", request.ChairUserId), ("secretaryUserId", request.SecretaryUserId) })
        {
            if (id is { } member && !committee.IsMember(member))
                throw new InputException(field, new Message("Người này không phải thành viên của {0}.", committee.Name));
        }
        if (request.EndedAt is { } ended && ended < session.HeldAt)
            throw new InputException("endedAt", new Message("Giờ kết thúc không thể trước giờ bắt đầu ({0}).", session.HeldAt));
        session.RecordMinutesDetails(request.Number, request.ChairUserId, request.SecretaryUserId, request.EndedAt);
        await audit.RecordAsync($"session:{session.Id}", "session.minutes-details", null, null,
            new { number = session.MinutesNumber, chair = session.ChairUserId, secretary = session.SecretaryUserId, endedAt = session.EndedAt }, cancellationToken);
        return Unit.Value;
    }
}
