using Commendations.Audit;
using Commendations.Common;
using Commendations.Common.Behaviours;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Common.Text;
using Commendations.Domain.Notifications;
using Commendations.Domain.Substitutions;
using Commendations.Persistence;
using Commendations.Scheduling;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Substitutions;

/// <summary>I will be away: <paramref name="SubstituteUserId"/> covers my personal tasks from <paramref name="From"/> to <paramref name="To"/> (Vietnam dates, both included).</summary>
[Allowed(Audience.SignedIn)]
public sealed record SetMySubstitute(Guid SubstituteUserId, DateOnly From, DateOnly To, string? Reason) : ICommand<SubstitutionView>, ISubstitutionRequest
{
    Guid? ISubstitutionRequest.PrincipalUserId => null;
}

/// <summary>An administrator names a substitute for someone (who is already away and cannot do it themselves).</summary>
[Allowed(Roles.Administrator)]
public sealed record SetSubstituteFor(Guid PrincipalUserId, Guid SubstituteUserId, DateOnly From, DateOnly To, string? Reason)
    : ICommand<SubstitutionView>, ISubstitutionRequest
{
    Guid? ISubstitutionRequest.PrincipalUserId => PrincipalUserId;
}

public interface ISubstitutionRequest
{
    Guid? PrincipalUserId { get; }
    Guid SubstituteUserId { get; }
    DateOnly From { get; }
    DateOnly To { get; }
    string? Reason { get; }
}

public sealed class SetMySubstituteValidator : AbstractValidator<SetMySubstitute>
{
    public SetMySubstituteValidator() => Include(new SubstitutionRangeValidator());
}

public sealed class SetSubstituteForValidator : AbstractValidator<SetSubstituteFor>
{
    public SetSubstituteForValidator()
    {
        Include(new SubstitutionRangeValidator());
        RuleFor(c => c.PrincipalUserId).NotEmpty();
    }
}

/// <summary>A range a person can plan: it ends on or after it starts and is at most <see cref="MaxDays"/> days (a longer absence is a reassignment, not cover).</summary>
public sealed class SubstitutionRangeValidator : AbstractValidator<ISubstitutionRequest>
{
    public const int MaxDays = 90;

    public SubstitutionRangeValidator()
    {
        RuleFor(c => c.SubstituteUserId).NotEmpty().WithMessage(new Message("Chọn người thay thế."));
        RuleFor(c => c.From).NotEmpty();
        RuleFor(c => c.To).NotEmpty();
        RuleFor(c => c.To).GreaterThanOrEqualTo(c => c.From).WithMessage(new Message("Ngày kết thúc không được trước ngày bắt đầu."));
        RuleFor(c => c.To).Must((c, to) => to.DayNumber - c.From.DayNumber < MaxDays).When(c => c.To >= c.From)
            .WithMessage(new Message("Mỗi lần thay thế dài tối đa {0} ngày.", MaxDays));
        RuleFor(c => c.Reason).MaximumLength(Substitution.ReasonMaxLength);
    }
}

public sealed class SetMySubstituteHandler(SubstitutionWriter writer, ICurrentUser user) : IRequestHandler<SetMySubstitute, SubstitutionView>
{
    public Task<SubstitutionView> Handle(SetMySubstitute request, CancellationToken cancellationToken) => writer.SetAsync(user.UserId, request, cancellationToken);
}

public sealed class SetSubstituteForHandler(SubstitutionWriter writer) : IRequestHandler<SetSubstituteFor, SubstitutionView>
{
    public Task<SubstitutionView> Handle(SetSubstituteFor request, CancellationToken cancellationToken) =>
        writer.SetAsync(request.PrincipalUserId, request, cancellationToken);
}

/// <summary>Checks and records a substitution, audits it and tells both people.</summary>
public sealed class SubstitutionWriter(CommendationsDbContext db, Substitutes substitutes, ICurrentUser user, AuditTrail audit, Notifier notifier,
    TimeProvider clock)
{
    public const string Stream = "substitutions";
    public const string SetEvent = "substitution.set";
    public const string RevokedEvent = "substitution.revoked";

    public async Task<SubstitutionView> SetAsync(Guid principal, ISubstitutionRequest request, CancellationToken cancellationToken)
    {
        var names = await db.Users.AsNoTracking().Where(u => u.Id == principal || u.Id == request.SubstituteUserId)
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        if (!names.ContainsKey(principal))
            throw new NotFoundException(Things.User);
        if (request.SubstituteUserId == principal)
            throw new InputException("substituteUserId", new Message("Người thay thế phải là người khác."));
        var today = substitutes.Today;
        if (request.From < today)
            throw new InputException("from", new Message("Ngày bắt đầu không được trước hôm nay ({0}).", today));
        if ((await substitutes.CandidatesAsync(principal, cancellationToken)).All(c => c.UserId != request.SubstituteUserId))
            throw new InputException("substituteUserId", new Message(
                "{0} không thay thế được {1}: người thay thế phải là tài khoản đang hoạt động cùng đơn vị hoặc cùng Hội đồng / Ban, có các vai trò xét duyệt như người vắng mặt.",
                names.GetValueOrDefault(request.SubstituteUserId, "—"), names[principal]));
        // One cover at a time: two substitutes for one day would leave each unsure the other had not acted.
        if (await OverlappingAsync(principal, request, cancellationToken) is { } taken)
            throw new ConflictException("substitution-overlaps", new Message(
                "{0} đã có người thay thế từ ngày {1} đến ngày {2}; hãy thu hồi lần đó trước hoặc chọn khoảng thời gian khác.", names[principal], taken.From, taken.To));
        // Cover does not pass on: a substitute away at the same time would hand the tasks to nobody who can see them.
        if (await OverlappingAsync(request.SubstituteUserId, request, cancellationToken) is { } away)
            throw new ConflictException("substitute-away", new Message(
                "{0} cũng vắng mặt từ ngày {1} đến ngày {2}, nên không thay thế được trong khoảng thời gian này.", names[request.SubstituteUserId], away.From, away.To));

        var reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim();
        var substitution = new Substitution(principal, request.SubstituteUserId, request.From, request.To, reason, user.UserId, clock.GetUtcNow());
        db.Substitutions.Add(substitution);
        await audit.RecordAsync(Stream, SetEvent, null, reason,
            new { substitution.Id, principal, substitute = request.SubstituteUserId, from = request.From, to = request.To }, cancellationToken);
        var principalName = names[principal];
        var substituteName = names[request.SubstituteUserId];
        var key = $"substitution:{substitution.Id:N}";
        await notifier.NotifyAsync([principal], new NotificationDraft(NotificationKinds.SubstitutionSet,
            new Message("Người thay thế khi Đồng chí vắng mặt: {0}", substituteName),
            new Message("Từ ngày {0} đến ngày {1}, {2} xử lý thay Đồng chí các việc được giao riêng cho Đồng chí (không bỏ phiếu thay).",
                request.From, request.To, substituteName), null, key, PageLinks.MySubstitutes), cancellationToken);
        await notifier.NotifyAsync([request.SubstituteUserId], new NotificationDraft(NotificationKinds.SubstitutionSet,
            new Message("Đồng chí thay thế {0} khi vắng mặt", principalName),
            new Message("Từ ngày {0} đến ngày {1}, các việc được giao riêng cho {2} hiện trong mục Việc cần xử lý của Đồng chí để xử lý thay mặt. Biểu quyết của Hội đồng là quyền riêng của thành viên: Đồng chí không bỏ phiếu thay.",
                request.From, request.To, principalName), null, key, PageLinks.WorkWaiting), cancellationToken);
        return SubstitutionView.Of(substitution, principalName, substituteName, today);
    }

    private Task<Substitution?> OverlappingAsync(Guid principal, ISubstitutionRequest request, CancellationToken cancellationToken) =>
        db.Substitutions.AsNoTracking()
            .Where(s => s.PrincipalUserId == principal && s.RevokedAt == null && s.From <= request.To && s.To >= request.From)
            .OrderBy(s => s.From).FirstOrDefaultAsync(cancellationToken);
}
