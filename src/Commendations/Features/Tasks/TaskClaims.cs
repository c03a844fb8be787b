using Commendations.Common.Errors;
using Commendations.Common.Text;
using Commendations.Domain.Workflows;
using Commendations.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Tasks;

/// <summary>The rules a claim imposes on everyone else, in one place (acting, claiming, following up).</summary>
public static class TaskClaims
{
    public const string TakenEvent = "claim.taken";
    public const string ReleasedEvent = "claim.released";

    /// <summary>The refusal a person meets on a task somebody else took: it names who, so they can talk to each other.</summary>
    public static async Task<ConflictException> ClaimedByOtherAsync(CommendationsDbContext db, Guid claimer, CancellationToken cancellationToken)
    {
        var name = await db.Users.AsNoTracking().Where(u => u.Id == claimer).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken);
        return new ConflictException("claimed-by-other", new Message("Việc này đang do {0} xử lý.", new Verbatim(name ?? "—")));
    }

    /// <summary>Refuses <paramref name="actor"/> when the task is claimed by someone else.</summary>
    public static async Task EnsureFreeForAsync(CommendationsDbContext db, WorkflowTask task, Guid actor, CancellationToken cancellationToken)
    {
        if (task.ClaimedBy is { } claimer && claimer != actor)
            throw await ClaimedByOtherAsync(db, claimer, cancellationToken);
    }

    public static ConflictException Closed() => new("task-closed", new Message("Việc này đã được xử lý."));

    public static ConflictException NotClaimable() =>
        new("not-claimable", new Message("Việc này giao riêng cho một người, không cần nhận xử lý."));
}
