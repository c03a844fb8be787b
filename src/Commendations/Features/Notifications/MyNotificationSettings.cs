using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Common.Text;
using Commendations.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Notifications;

/// <summary>
/// How the signed-in user is told: <paramref name="EmailNotifications"/> mails each notification too (in-app ones are
/// always kept); <paramref name="Language"/> (<c>vi</c> or <c>en</c>) is the language they are written in.
/// </summary>
public sealed record NotificationSettings(bool EmailNotifications, string Language);

/// <summary>The signed-in user's own notification settings.</summary>
[Allowed(Audience.SignedIn)]
public sealed record GetMyNotificationSettings : IQuery<NotificationSettings>;

public sealed class GetMyNotificationSettingsHandler(CommendationsDbContext db, ICurrentUser user)
    : IRequestHandler<GetMyNotificationSettings, NotificationSettings>
{
    public async Task<NotificationSettings> Handle(GetMyNotificationSettings request, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().Where(u => u.Id == user.UserId)
            .Select(u => new NotificationSettings(u.EmailNotifications, u.PreferredLanguage)).SingleOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException(Things.User);
}

/// <summary>
/// Changes the signed-in user's own notification settings (nobody else's). Turning e-mail off also stops the mails
/// already written but not yet sent; the in-app notifications stay.
/// </summary>
[Allowed(Audience.SignedIn)]
public sealed record SetMyNotificationSettings(bool EmailNotifications, string? Language = null) : ICommand<NotificationSettings>;

public sealed class SetMyNotificationSettingsValidator : AbstractValidator<SetMyNotificationSettings>
{
    public SetMyNotificationSettingsValidator()
    {
        RuleFor(c => c.Language).Must(l => l is null || Languages.IsSupported(l))
            .WithMessage(_ => new Message("Ngôn ngữ phải là \"vi\" (tiếng Việt) hoặc \"en\" (tiếng Anh).").Format());
    }
}

public sealed class SetMyNotificationSettingsHandler(CommendationsDbContext db, ICurrentUser user)
    : IRequestHandler<SetMyNotificationSettings, NotificationSettings>
{
    public async Task<NotificationSettings> Handle(SetMyNotificationSettings request, CancellationToken cancellationToken)
    {
        var me = await db.Users.SingleOrDefaultAsync(u => u.Id == user.UserId, cancellationToken) ?? throw new NotFoundException(Things.User);
        me.EmailNotifications = request.EmailNotifications;
        if (request.Language is { } language)
            me.PreferredLanguage = language;
        await db.SaveChangesAsync(cancellationToken);
        if (!request.EmailNotifications)
        {
            // Mails written but not sent yet are not sent either: the person asked for none.
            await db.Notifications.Where(n => n.RecipientUserId == me.Id && n.EmailTo != null && n.EmailSentAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.EmailTo, (string?)null), cancellationToken);
        }
        return new NotificationSettings(me.EmailNotifications, me.PreferredLanguage);
    }
}
