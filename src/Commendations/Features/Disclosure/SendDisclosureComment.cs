using Commendations.Common.Text;
using Commendations.Common.Security;
using Commendations.Audit;
using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Domain.Disclosure;
using Commendations.Domain.Notifications;
using Commendations.Persistence;
using Commendations.Scheduling;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Commendations.Common.Behaviours;

namespace Commendations.Features.Disclosure;

/// <summary>
/// Anyone sends a comment on a nominee in disclosure; name and contact are optional. Spam resistance: a hidden field
/// people leave empty (<see cref="Honeypot"/>: a filled one is accepted silently and dropped) and a minimum time between
/// the form being issued (<see cref="FormIssuedAt"/>, from a signed token the web layer checked) and sending. The web
/// layer also limits how many comments one IP address sends. The committee's secretary is notified.
/// </summary>
[Allowed(Audience.Public)]
public sealed record SendDisclosureComment(
    Guid NominationId, string? AuthorName, string? Contact, string Text, bool IsComplaint, string? Honeypot, DateTimeOffset? FormIssuedAt, string? IpAddress)
    : ICommand<CommentReceipt>;

public sealed record CommentReceipt(Guid? CommentId);

public sealed class SendDisclosureCommentValidator : AbstractValidator<SendDisclosureComment>
{
    public SendDisclosureCommentValidator()
    {
        RuleFor(c => c.Text).NotEmpty().MinimumLength(10).MaximumLength(DisclosureComment.TextMaxLength);
        RuleFor(c => c.AuthorName).MaximumLength(DisclosureComment.NameMaxLength);
        RuleFor(c => c.Contact).MaximumLength(DisclosureComment.ContactMaxLength);
        RuleFor(c => c.FormIssuedAt).NotNull().OverridePropertyName("formToken").WithMessage(new Message("Hãy mở lại biểu mẫu góp ý (mã biểu mẫu thiếu hoặc không hợp lệ)."));
    }
}

public sealed class SendDisclosureCommentHandler(
    CommendationsDbContext db, DisclosureSteps disclosure, Notifier notifier, AuditTrail audit, TimeProvider clock)
    : IRequestHandler<SendDisclosureComment, CommentReceipt>
{
    /// <summary>People need more than this to read a nominee and write; scripts do not wait.</summary>
    public static readonly TimeSpan MinimumFillTime = TimeSpan.FromSeconds(3);

    /// <summary>A form older than this is stale (and its token might have been harvested).</summary>
    public static readonly TimeSpan FormLifetime = TimeSpan.FromHours(12);

    public async Task<CommentReceipt> Handle(SendDisclosureComment request, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(request.Honeypot))
            return new CommentReceipt(null);
        var now = clock.GetUtcNow();
        var age = now - request.FormIssuedAt!.Value;
        if (age < MinimumFillTime || age > FormLifetime)
            throw new InputException("formToken", age < MinimumFillTime
                ? new Message("Biểu mẫu được gửi quá nhanh; hãy đọc kỹ rồi gửi lại.")
                : new Message("Biểu mẫu đã hết hạn; hãy mở lại trang và gửi lại."));
        var nomination = await db.Nominations.AsNoTracking().SingleOrDefaultAsync(n => n.Id == request.NominationId, cancellationToken);
        if (nomination is null || !await disclosure.IsInDisclosureAsync(nomination.Id, cancellationToken))
            throw new NotFoundException(Things.DisclosedNominee);

        var comment = new DisclosureComment(nomination.Id, nomination.CampaignId, Clean(request.AuthorName), Clean(request.Contact), request.Text.Trim(),
            request.IsComplaint ? CommentKind.Complaint : CommentKind.Comment, request.IpAddress, now);
        db.DisclosureComments.Add(comment);
        // The audit entry names the kind, not the sender: the sender's details stay with the comment, for the secretary.
        await audit.RecordAsync(AuditTrail.NominationStream(nomination.Id), "disclosure.comment-received", null, null,
            new { comment = comment.Id, kind = comment.Kind.ToString() }, cancellationToken);
        var committees = await disclosure.CommitteesOfAsync(nomination.Id, cancellationToken);
        var (title, body) = NotificationTexts.DisclosureComment(nomination.NomineeName, comment.Kind == CommentKind.Complaint, comment.Text);
        await notifier.NotifyAsync(DisclosureSteps.Secretaries(committees), new NotificationDraft(NotificationKinds.DisclosureComment, title, body,
            nomination.Id, $"disclosure-comment:{comment.Id:N}", PageLinks.DisclosureComments), cancellationToken);
        return new CommentReceipt(comment.Id);
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
