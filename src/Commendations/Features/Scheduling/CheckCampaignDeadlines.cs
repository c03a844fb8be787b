using Commendations.Common;
using Commendations.Common.Security;
using Commendations.Domain.Campaigns;
using Commendations.Domain.Nominations;
using Commendations.Domain.Notifications;
using Commendations.Engine;
using Commendations.Persistence;
using Commendations.Scheduling;
using Commendations.Workflow;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Commendations.Features.Scheduling;

/// <summary>
/// The daily campaign check (08:00 Vietnam time, sent by the scheduler as the system). On working days only:
/// <list type="bullet">
/// <item>N working days (settings: 3 and 1) before a campaign's dossier window closes — its close date, moved to the next
/// working day like the engine's campaign deadlines — each unit with unsubmitted drafts is reminded (its emulation officers).</item>
/// <item>On the first working-day check after the window closed, the secretaries of the committees that the campaign's
/// workflows use (every committee secretary when the workflows name none) get a summary: per unit, submitted and still draft.</item>
/// </list>
/// Every notification has a dedupe key (campaign, unit, kind, day), so running the check twice a day changes nothing.
/// Returns the number of new notifications.
/// </summary>
[Allowed(Audience.System)]
public sealed record CheckCampaignDeadlines : ICommand<int>;

public sealed class CheckCampaignDeadlinesHandler(
    CommendationsDbContext db, Notifier notifier, RuntimeContextFactory contexts, DefinitionCache definitions,
    TimeProvider clock, IOptions<SchedulingSettings> settings)
    : IRequestHandler<CheckCampaignDeadlines, int>
{
    /// <summary>A summary not sent within this many days of the close (the host was down) is no longer news.</summary>
    private const int SummaryWindowDays = 14;

    public async Task<int> Handle(CheckCampaignDeadlines request, CancellationToken cancellationToken)
    {
        var calendar = await contexts.CalendarAsync(cancellationToken);
        var today = calendar.LocalDate(clock.GetUtcNow());
        if (!calendar.IsWorkingDay(today))
            return 0;

        var earliestClose = today.AddDays(-SummaryWindowDays);
        var campaigns = await db.Campaigns.AsNoTracking()
            .Where(c => c.DossierOpen <= today && c.DossierClose >= earliestClose).ToListAsync(cancellationToken);
        var created = 0;
        foreach (var campaign in campaigns)
        {
            var closeDay = calendar.OnOrNextWorkingDay(campaign.DossierClose);
            if (today <= campaign.DossierClose)
            {
                foreach (var days in settings.Value.CampaignReminderWorkingDays.Where(d => d > 0).Distinct())
                {
                    if (calendar.AddWorkingDays(closeDay, -days) == today)
                        created += await RemindUnitsWithDraftsAsync(campaign, closeDay, days, today, cancellationToken);
                }
            }
            else
            {
                created += await SummariseAsync(campaign, cancellationToken);
            }
        }
        return created;
    }

    private async Task<int> RemindUnitsWithDraftsAsync(Campaign campaign, DateOnly closeDay, int days, DateOnly today, CancellationToken cancellationToken)
    {
        var drafts = await db.Nominations.Where(n => n.CampaignId == campaign.Id && n.Status == NominationStatus.Draft)
            .GroupBy(n => n.UnitId).Select(g => new { UnitId = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var created = 0;
        foreach (var unit in drafts)
        {
            var officers = await notifier.UsersInRoleAsync(Roles.EmulationOfficer, unit.UnitId, cancellationToken);
            var (title, body) = NotificationTexts.CampaignDraftReminder(campaign.Name, closeDay, days, unit.Count);
            created += await notifier.NotifyAsync(officers, new NotificationDraft(NotificationKinds.CampaignDraftReminder, title, body, null,
                $"campaign:{campaign.Id:N}:unit:{unit.UnitId:N}:draft-reminder:{today:yyyyMMdd}", PageLinks.WorkWaiting), cancellationToken);
        }
        return created;
    }

    private async Task<int> SummariseAsync(Campaign campaign, CancellationToken cancellationToken)
    {
        var rows = await (from n in db.Nominations
                          where n.CampaignId == campaign.Id
                          join u in db.Units on n.UnitId equals u.Id
                          group n by u.Name into g
                          select new
                          {
                              Unit = g.Key,
                              Submitted = g.Count(n => n.SubmittedAt != null),
                              Drafts = g.Count(n => n.Status == NominationStatus.Draft),
                          }).ToListAsync(cancellationToken);
        var secretaries = await notifier.CommitteePositionAsync(await CommitteesOfAsync(campaign, cancellationToken), m => m.IsSecretary, cancellationToken);
        var (title, body) = NotificationTexts.CampaignSummary(campaign.Name, campaign.DossierClose,
            rows.OrderBy(r => r.Unit, StringComparer.Ordinal).Select(r => (r.Unit, r.Submitted, r.Drafts)));
        return await notifier.NotifyAsync(secretaries, new NotificationDraft(NotificationKinds.CampaignSummary, title, body, null,
            $"campaign:{campaign.Id:N}:summary", PageLinks.Dashboard(campaign.Id)), cancellationToken);
    }

    /// <summary>The committees named by the committee steps of the campaign's workflows.</summary>
    private async Task<IReadOnlyCollection<string>> CommitteesOfAsync(Campaign campaign, CancellationToken cancellationToken)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var definitionId in campaign.Awards.Select(a => a.WorkflowDefinitionId).Distinct())
        {
            var definition = await definitions.LatestPublishedAsync(definitionId, cancellationToken);
            foreach (var step in StepPaths.HumanSteps(definition))
            {
                if (Notifier.CommitteeOf(definition, step.Key) is { } code)
                    codes.Add(code);
            }
        }
        return codes;
    }
}
