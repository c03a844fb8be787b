using System.Globalization;
using System.Text;
using Commendations.Common;
using Commendations.Common.Text;
using Commendations.Domain.Notifications;
using Commendations.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Text;

namespace Commendations.Scheduling;

/// <summary>
/// Mails committed notifications that have an address (set only when SMTP is configured), through MailKit over one
/// connection per round (<see cref="SmtpMailer"/>). Rows are claimed with FOR UPDATE SKIP LOCKED, so several nodes
/// share the work; a failed send is retried on the next round up to <see cref="SmtpSettings.MaxAttempts"/> times.
/// Delivery is at least once: a crash between the SMTP server's acceptance and the commit sends that mail again.
/// </summary>
public sealed class EmailSender(IServiceScopeFactory scopes, IOptions<SmtpSettings> options, TimeProvider clock, ILogger<EmailSender> logger)
{
    public async Task<int> SendPendingAsync(CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        if (!smtp.Enabled)
            return 0;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommendationsDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var pending = await db.Notifications.FromSqlInterpolated($"""
            SELECT * FROM notifications
            WHERE email_to IS NOT NULL AND email_sent_at IS NULL AND email_attempts < {smtp.MaxAttempts}
            ORDER BY created_at LIMIT 20 FOR UPDATE SKIP LOCKED
            """).ToListAsync(cancellationToken);
        var recipientIds = pending.Select(n => n.RecipientUserId).Distinct().ToList();
        var readers = await db.Users.AsNoTracking().Where(u => recipientIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => new { u.EmailNotifications, u.PreferredLanguage }, cancellationToken);
        var sent = 0;
        await using var mailer = new SmtpMailer(smtp);
        foreach (var notification in pending)
        {
            // Turned off since the notification was written (the setting also clears pending addresses; this covers a race).
            if (readers.GetValueOrDefault(notification.RecipientUserId) is not { EmailNotifications: true } reader)
            {
                notification.CancelEmail();
                continue;
            }
            try
            {
                await mailer.SendAsync(Message(smtp, notification, Languages.Of(reader.PreferredLanguage)), cancellationToken);
                notification.MarkEmailSent(clock.GetUtcNow());
                sent++;
            }
            catch (Exception ex) when (SmtpMailer.IsDeliveryFailure(ex))
            {
                notification.MarkEmailFailed(ex.Message);
                logger.LogWarning(ex, "Mail for notification {Id} to {To} failed (attempt {Attempt}).", notification.Id, notification.EmailTo, notification.EmailAttempts);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return sent;
    }

    /// <summary>
    /// The mail of one notification: UTF-8 subject and quoted-printable UTF-8 text (readable whatever the server's 8-bit
    /// support). Its Message-Id is derived from the notification, so a mail sent again after a crash (delivery is at
    /// least once) is the same message to the recipient's mail system, which can drop the copy.
    /// </summary>
    public static MimeMessage Message(SmtpSettings smtp, Notification notification, CultureInfo culture)
    {
        var from = new MailboxAddress(Encoding.UTF8, smtp.FromName, smtp.From);
        var message = new MimeMessage
        {
            Subject = notification.Title,
            Date = notification.CreatedAt,
            MessageId = $"{notification.Id:N}@{from.Domain}",
        };
        var text = new TextPart(TextFormat.Plain);
        text.SetText(Encoding.UTF8, Body(smtp, notification, culture));
        text.ContentTransferEncoding = ContentEncoding.QuotedPrintable;
        message.Body = text;
        message.From.Add(from);
        message.To.Add(MailboxAddress.Parse(notification.EmailTo!));
        return message;
    }

    /// <summary>
    /// The notification's text, then its link and the footer in the recipient's language; links are absolute under
    /// <see cref="SmtpSettings.PublicBaseUrl"/> (the mail is read outside the site), built by <see cref="PageLinks"/>.
    /// </summary>
    public static string Body(SmtpSettings smtp, Notification notification, CultureInfo culture)
    {
        var text = new StringBuilder(notification.Body).AppendLine().AppendLine();
        if (notification.Link is { } link)
            text.AppendLine(NotificationTexts.MailLink(PageLinks.Absolute(smtp.PublicBaseUrl, link)).Format(culture)).AppendLine();
        return text.Append(NotificationTexts.MailFooter(PageLinks.Absolute(smtp.PublicBaseUrl, PageLinks.Account)).Format(culture)).ToString();
    }
}

public sealed class EmailSenderService(EmailSender sender, IOptions<SmtpSettings> options, ILogger<EmailSenderService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await sender.SendPendingAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "The email sender failed; it tries again shortly.");
            }
            try
            {
                await Task.Delay(options.Value.SendInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
