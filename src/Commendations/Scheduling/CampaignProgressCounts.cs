using Commendations.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Scheduling;

/// <summary>The campaign progress counts kept by the nominations' trigger (migration CampaignProgressCounts).</summary>
public static class CampaignProgressCounts
{
    /// <summary>How often the counts are folded together.</summary>
    public static readonly TimeSpan CompactionInterval = TimeSpan.FromMinutes(5);

    public static Task CompactAsync(CommendationsDbContext db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync("SELECT compact_campaign_progress()", cancellationToken);
}
