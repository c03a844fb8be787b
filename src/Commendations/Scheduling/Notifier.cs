using Commendations.Common;
using Commendations.Common.Security;
using Commendations.Common.Text;
using Commendations.Domain.Notifications;
using Commendations.Engine;
using Commendations.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Commendations.Scheduling;

/// <summary>
/// A notification to write for each recipient, formatted in the recipient's language; the dedupe key gets the
/// recipient's id appended. <see cref="Link"/> is a page route (<see cref="PageLinks"/>); without one, a notification
/// about a nomination links its page.
/// </summary>
public sealed record NotificationDraft(string Kind, ILocalised Title, ILocalised Body, Guid? NominationId, string DedupeKey, string? Link = null)
{
    public string? Href => Link ?? (NominationId is { } id ? PageLinks.Nomination(id) : null);
}

/// <summary>
/// Writes notifications inside the caller's transaction, once per dedupe key (INSERT ... ON CONFLICT DO NOTHING): a job
/// fired twice or an outbox message applied twice delivers nothing new. Each is written in its recipient's language
/// (<c>users.preferred_language</c>) and gets the recipient's address for the mailer only when SMTP is configured and
/// the recipient has not turned e-mail off (<c>users.email_notifications</c>). Resolves who a role-addressed message is for.
/// </summary>
public sealed class Notifier(CommendationsDbContext db, TimeProvider clock, IOptions<SmtpSettings> smtp, ILogger<Notifier> logger)
{
    /// <summary>Roles the workflow definitions name that are committee positions rather than sign-in roles.</summary>
    public const string CommitteeChairRole = "committeeChair";
    public const string CommitteeSecretaryRole = "committeeSecretary";

    /// <summary>Returns how many notifications were new.</summary>
    public Task<int> NotifyAsync(IEnumerable<Guid> recipients, NotificationDraft draft, CancellationToken cancellationToken) =>
        NotifyManyAsync(recipients.Distinct().Select(userId => (userId, draft)).ToList(), cancellationToken);

    /// <summary>
    /// Many notifications (each draft to its recipient) in one INSERT: a reminder sweep writes hundreds per transaction,
    /// and one statement costs one round trip instead of one each. Returns how many were new.
    /// </summary>
    public async Task<int> NotifyManyAsync(IReadOnlyList<(Guid UserId, NotificationDraft Draft)> items, CancellationToken cancellationToken)
    {
        if (items.Count == 0)
            return 0;
        var ids = items.Select(i => i.UserId).Distinct().ToList();
        var mailing = smtp.Value.Enabled;
        var readers = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.Email, u.EmailNotifications, u.PreferredLanguage })
            .ToDictionaryAsync(u => u.Id, cancellationToken);
        var now = clock.GetUtcNow().ToUniversalTime();
        var rows = items.Where(i => readers.ContainsKey(i.UserId)).Select(i =>
        {
            var reader = readers[i.UserId];
            var culture = Languages.Of(reader.PreferredLanguage);
            var emailTo = mailing && reader.EmailNotifications && !string.IsNullOrEmpty(reader.Email) ? reader.Email : null;
            return new Notification(i.UserId, i.Draft.Kind, i.Draft.Title.Format(culture), i.Draft.Body.Format(culture), i.Draft.Href, i.Draft.NominationId,
                $"{i.Draft.DedupeKey}:{i.UserId:N}", now, emailTo);
        }).ToList();
        if (rows.Count == 0)
            return 0;
        return await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO notifications (id, recipient_user_id, kind, title, body, link, nomination_id, dedupe_key, created_at, email_to, email_attempts)
            SELECT n.id, n.recipient_user_id, n.kind, n.title, n.body, n.link, n.nomination_id, n.dedupe_key, {now}, n.email_to, 0
            FROM unnest({rows.Select(n => n.Id).ToArray()}, {rows.Select(n => n.RecipientUserId).ToArray()}, {rows.Select(n => n.Kind).ToArray()},
                        {rows.Select(n => n.Title).ToArray()}, {rows.Select(n => n.Body).ToArray()}, {rows.Select(n => n.Link).ToArray()},
                        {rows.Select(n => n.NominationId).ToArray()}, {rows.Select(n => n.DedupeKey).ToArray()}, {rows.Select(n => n.EmailTo).ToArray()})
                 AS n(id, recipient_user_id, kind, title, body, link, nomination_id, dedupe_key, email_to)
            ON CONFLICT (dedupe_key) DO NOTHING
            """, cancellationToken);
    }

    /// <summary>
    /// A user; or every user holding a sign-in role (within the unit when given); or, for committee positions, the
    /// chairs/secretaries of <paramref name="committeeCodes"/> (every committee when none is known). A role nobody holds
    /// reaches nobody and is logged.
    /// </summary>
    public Task<IReadOnlyList<Guid>> ResolveAsync(Recipient recipient, IReadOnlyCollection<string>? committeeCodes, CancellationToken cancellationToken) =>
        ResolveAsync(recipient, committeeCodes, null, cancellationToken);

    /// <param name="known">Who holds which role, already read for a batch of messages (<see cref="RoleHolders"/>); read here when absent.</param>
    public async Task<IReadOnlyList<Guid>> ResolveAsync(Recipient recipient, IReadOnlyCollection<string>? committeeCodes, RoleHolders? known,
        CancellationToken cancellationToken)
    {
        if (Guid.TryParse(recipient.UserId, out var userId))
            return [userId];
        if (recipient.Role is not { } role)
            return [];
        Guid? unitId = Guid.TryParse(recipient.UnitId, out var u) ? u : null;
        IReadOnlyList<Guid> result = role switch
        {
            CommitteeChairRole => await CommitteePositionAsync(committeeCodes, m => m.IsChair, cancellationToken),
            CommitteeSecretaryRole => await CommitteePositionAsync(committeeCodes, m => m.IsSecretary, cancellationToken),
            _ when Roles.All.Contains(role) => known is null ? await UsersInRoleAsync(role, unitId, cancellationToken)
                : await known.InRoleAsync(role, unitId, cancellationToken),
            _ => [],
        };
        if (result.Count == 0)
            logger.LogWarning("No user holds {Role} (unit {Unit}); the notification reaches nobody.", role, recipient.UnitId ?? "-");
        return result;
    }

    public async Task<IReadOnlyList<Guid>> UsersInRoleAsync(string role, Guid? unitId, CancellationToken cancellationToken) =>
        await (from user in db.Users
               join userRole in db.UserRoles on user.Id equals userRole.UserId
               join r in db.Roles on userRole.RoleId equals r.Id
               where r.Name == role && (unitId == null || user.UnitId == unitId)
               select user.Id).Distinct().ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<Guid>> CommitteePositionAsync(IReadOnlyCollection<string>? codes, Func<Domain.Committees.CommitteeMember, bool> position,
        CancellationToken cancellationToken)
    {
        var committees = await db.Committees.AsNoTracking().ToListAsync(cancellationToken);
        var chosen = codes is { Count: > 0 } ? committees.Where(c => codes.Contains(c.Code)).ToList() : committees;
        return chosen.SelectMany(c => c.Members).Where(position).Select(m => m.UserId).Distinct().ToList();
    }

    /// <summary>
    /// The committee a step works with, if it is a committee step: also a committee branch of a parallel step
    /// (<c>joint-check/standing</c>) or a step inside a sub-route (resolved through <paramref name="callees"/>).
    /// </summary>
    public static string? CommitteeOf(WorkflowDefinition definition, string? stepKey, InstanceState? state = null, CalleeDefinitions? callees = null) =>
        stepKey is null ? null : StepPaths.Resolve(definition, stepKey, state, callees) switch
        {
            SequentialApprovalStep s => s.Committee,
            ParallelApprovalStep p => p.Committee,
            VoteStep v => v.Committee,
            _ => null,
        };
}
