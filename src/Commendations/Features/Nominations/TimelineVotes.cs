using System.Text.Json;
using Commendations.Common;
using Commendations.Common.Security;
using Commendations.Persistence;
using Commendations.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Nominations;

/// <summary>
/// What the timeline shows of a council vote: the counts it was decided on (<c>vote.counted</c>, written by
/// <see cref="NominationWorkflow"/>) — so "not passed" reads with its yes/no/abstain, quorum and threshold — and, when a
/// session decided it (<c>session.decided</c>, the next entry of that step), a link to that session's minutes for the
/// readers who may open them (its committee's members, appraisers, leaders, administrators).
/// </summary>
public sealed class TimelineVotes(CommendationsDbContext db, ICurrentUser user)
{
    private const string SessionDecided = "session.decided";

    public async Task<IReadOnlyList<TimelineEntry>> AddAsync(IReadOnlyList<TimelineEntry> timeline, IReadOnlyDictionary<long, string> data,
        CancellationToken cancellationToken)
    {
        var sessionOf = new Dictionary<long, Guid>();
        foreach (var entry in timeline.Where(e => e.Action == SessionDecided))
        {
            if (data.TryGetValue(entry.Sequence, out var json) && SessionIdOf(json) is { } sessionId)
                sessionOf[entry.Sequence] = sessionId;
        }
        var readable = await ReadableSessionsAsync(sessionOf.Values.Distinct().ToList(), cancellationToken);
        string? Minutes(long sequence) => sessionOf.TryGetValue(sequence, out var id) && readable.Contains(id) ? PageLinks.Minutes(id) : null;

        var result = new List<TimelineEntry>(timeline.Count);
        for (var i = 0; i < timeline.Count; i++)
        {
            var entry = timeline[i];
            if (entry.Action == NominationWorkflow.VoteCountedEvent && data.TryGetValue(entry.Sequence, out var json))
            {
                // The session that closed this vote records its decision right after, for the same step.
                var decided = timeline.Skip(i + 1).FirstOrDefault(e => e.Action == SessionDecided && e.StepKey == entry.StepKey);
                entry = entry with
                {
                    Vote = JsonSerializer.Deserialize<VoteCount>(json, JsonSerializerOptions.Web),
                    MinutesLink = decided is null ? null : Minutes(decided.Sequence),
                };
            }
            else if (entry.Action == SessionDecided)
            {
                entry = entry with { MinutesLink = Minutes(entry.Sequence) };
            }
            result.Add(entry);
        }
        return result;
    }

    private static Guid? SessionIdOf(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.TryGetProperty("session", out var session) && session.TryGetGuid(out var id) ? id : null;
    }

    private async Task<HashSet<Guid>> ReadableSessionsAsync(IReadOnlyList<Guid> sessionIds, CancellationToken cancellationToken)
    {
        if (sessionIds.Count == 0)
            return [];
        if (user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.Appraiser) || user.IsInRole(Roles.ProvincialLeader))
            return [.. sessionIds];
        var committees = await db.CouncilSessions.AsNoTracking().Where(s => sessionIds.Contains(s.Id))
            .Select(s => new { s.Id, s.CommitteeId }).ToListAsync(cancellationToken);
        var ids = committees.Select(c => c.CommitteeId).Distinct().ToList();
        var mine = (await db.Committees.AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync(cancellationToken))
            .Where(c => c.Members.Any(m => m.UserId == user.UserId)).Select(c => c.Id).ToHashSet();
        return committees.Where(c => mine.Contains(c.CommitteeId)).Select(c => c.Id).ToHashSet();
    }
}
