using Commendations.Common;
using Commendations.Common.Behaviours;
using Commendations.Common.Security;
using Commendations.Common.Text;
using Commendations.Domain.Workflows;
using Commendations.Engine;
using Commendations.Features.Nominations;
using Commendations.Persistence;
using Commendations.Scheduling;
using Commendations.Workflow;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Tasks;

/// <summary>What kind of work a task is, from its step in the definition (never from its key).</summary>
public enum TaskKind
{
    /// <summary>A turn given to me by name (a committee member's review).</summary>
    Personal,

    /// <summary>A task of my role in my unit, which one of its holders claims.</summary>
    Role,

    /// <summary>A ballot: personal, never cast in bulk.</summary>
    Vote,
}

public enum TaskSort
{
    Due,
    Opened,
    Nominee,
    FollowUp,
}

/// <summary>
/// My task list: the inbox's tasks (<see cref="MyTasks"/>), filtered (campaign, step, due range, overdue, kind, nominating
/// unit, follow-up date, claimed by me), searched by nominee name, sorted and paged, with the counts people steer by.
/// </summary>
[Allowed(Audience.SignedIn)]
public sealed record ListMyTasks(
    Guid? CampaignId = null,
    /// <summary>A step by its name (as the filter offers it: <see cref="GetTaskListOptions"/>), never by its key.</summary>
    string? Step = null,
    DateOnly? DueFrom = null,
    DateOnly? DueTo = null,
    bool OverdueOnly = false,
    TaskKind? Kind = null,
    Guid? UnitId = null,
    string? Search = null,
    DateOnly? FollowUpBy = null,
    bool ClaimedByMe = false,
    TaskSort Sort = TaskSort.Due,
    int Page = 1,
    int PageSize = 20) : IQuery<TaskListPage>;

public sealed record TaskListItem(
    Guid TaskId, Guid NominationId, string NomineeName, Guid CampaignId, string CampaignCode, Guid UnitId, string UnitName,
    string StepKey, int Round, DateTimeOffset OpenedAt, DateTimeOffset DueAt, bool Overdue, DateOnly? FollowUpOn)
{
    /// <summary>The step as people call it (its title in the reader's language).</summary>
    public string StepName { get; init; } = "—";

    public StepMeaning? StepMeaning { get; init; }
    public TaskKind Kind { get; init; }

    /// <summary>Who took this role task, when someone did ("đang xử lý: …").</summary>
    public string? ClaimedByName { get; init; }

    public bool ClaimedByMe { get; init; }

    /// <summary>Set when the task is a turn of someone I cover while they are away: their name ("thay mặt …").</summary>
    public string? OnBehalfOf { get; init; }

    /// <summary>A covered member's council ballot: listed so it is known to wait, never cast by the substitute.</summary>
    public bool PersonalBallot { get; init; }

    /// <summary>The actions by meaning this task can take in a bulk action (none for a ballot).</summary>
    public IReadOnlyList<ActionMeaning> BulkMeanings { get; init; } = [];
}

/// <summary>A count that stopped at <see cref="ListMyTasksHandler.CountLimit"/> says so (<see cref="Capped"/>: "more than").</summary>
public sealed record Tally(int Count, bool Capped);

/// <summary>The counts are over all my open tasks (the filters' shortcuts), the total over the filtered ones.</summary>
public sealed record TaskCounts(Tally Overdue, Tally DueThisWeek, Tally ClaimedByMe);

public sealed record TaskListPage(Page<TaskListItem> Tasks, TaskCounts Counts);

public sealed class ListMyTasksValidator : AbstractValidator<ListMyTasks>
{
    public const int MaxPageSize = 100;

    public ListMyTasksValidator()
    {
        RuleFor(q => q.Page).InclusiveBetween(1, PageLimits.MaxPage);
        RuleFor(q => q.PageSize).InclusiveBetween(1, MaxPageSize);
        RuleFor(q => q.Search).MaximumLength(200);
        RuleFor(q => q.Step).MaximumLength(200);
        RuleFor(q => q.Kind).IsInEnum();
        RuleFor(q => q.Sort).IsInEnum();
        RuleFor(q => q.DueTo).GreaterThanOrEqualTo(q => q.DueFrom).When(q => q.DueFrom is not null && q.DueTo is not null)
            .WithMessage(new Message("Ngày cuối của khoảng hạn xử lý phải sau ngày đầu."));
    }
}

public sealed class ListMyTasksHandler(CommendationsDbContext db, ICurrentUser user, TimeProvider clock, DefinitionSemantics semantics,
    Substitutions.Substitutes substitutes)
    : IRequestHandler<ListMyTasks, TaskListPage>
{
    /// <summary>
    /// A person's counts stop here ("more than 1,000"): nobody pages through more, and a count under a nomination filter
    /// checks each task's nomination (a member has 27,000 open tasks in the scale benchmark).
    /// </summary>
    public const int CountLimit = 1_000;

    private static readonly ActionMeaning[] BulkCandidates = [ActionMeaning.Approve, ActionMeaning.ReturnForSupplement, ActionMeaning.Reject];

    /// <summary>ANALYZE's trigram frequencies of the tasks' unaccented nominee names (migration TaskNameTrigramStatistics).</summary>
    public const string NameTrigramStatistics = "st_workflow_tasks_nominee_name_trigrams";

    public async Task<TaskListPage> Handle(ListMyTasks request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // Ballot steps by their type in the definitions, narrowed in SQL by key (the kind filter only).
        var runnable = request.Kind is TaskKind.Vote or TaskKind.Personal || request.Step is { Length: > 0 }
            ? await semantics.RunnableAsync(cancellationToken)
            : [];
        var voteKeys = DefinitionSemantics.VoteKeys(runnable);
        // The step is asked for as people call it: every step of any runnable definition with that name.
        var stepKeys = request.Step is { Length: > 0 } name ? StepsByName.StepKeysNamed(runnable, name) : null;
        var covering = await substitutes.PrincipalsCoveredTodayAsync(user.UserId, cancellationToken);
        var coveredNames = covering.Count == 0 ? []
            : await db.Users.AsNoTracking().Where(u => covering.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var parts = MyTasks.Parts(db.Tasks.AsNoTracking(), user, covering);
        // Filters go into each part, so each part's index still serves it (see MyTasks).
        // As in the nominations list: the trigram index looks up the search's rarest word alone when that reads much less of it.
        var narrowing = await TrigramNarrowing.PatternAsync(db, NameTrigramStatistics, request.Search, cancellationToken);
        var filteredParts = parts.Select(p => Filter(p, request, now, voteKeys, stepKeys, narrowing)).ToList();
        var filtered = MyTasks.Union(filteredParts);

        // Counted in due order up to the limit, part by part: PostgreSQL then walks each part's index and checks the nominations
        // of those tasks only; unordered, under a campaign filter it hash-joined all 27,000 of a member's tasks with the
        // campaign's 166,000 nominations (72 ms in the scale benchmark).
        var countUpTo = Math.Max(CountLimit, request.Page * request.PageSize) + 1;
        var (total, capped) = await Paging.CountAsync(MyTasks.Union(filteredParts.Select(p => p.OrderBy(t => t.DueAt).Take(countUpTo))),
            request.Page, request.PageSize, cancellationToken, CountLimit);
        var counts = await CountsAsync(parts, now, cancellationToken);

        var me = user.UserId;
        var source = filtered;
        if (request.Sort is not TaskSort.FollowUp)
        {
            // Each part ordered and cut at the end of the asked page on its own (its index gives the due or name order), then
            // merged: joining the nominations and follow-ups first made PostgreSQL read and sort all of a member's 27,000
            // tasks (a sequential scan in the scale benchmark, RESULTS.md).
            var upTo = request.Page * request.PageSize;
            source = MyTasks.Union(filteredParts.Select(p => (request.Sort switch
            {
                TaskSort.Opened => p.OrderByDescending(t => t.OpenedAt),
                TaskSort.Nominee => p.OrderBy(t => t.NomineeName),
                _ => p.OrderBy(t => t.DueAt),
            }).ThenBy(t => t.Id).Take(upTo)));
        }
        var joined = from t in source
                     join n in db.Nominations on t.NominationId equals n.Id
                     join f in db.TaskFollowUps.Where(f => f.UserId == me) on t.Id equals f.TaskId into follow
                     from f in follow.DefaultIfEmpty()
                     select new { t, n, FollowUp = (DateOnly?)f.RemindOn };
        joined = request.Sort switch
        {
            TaskSort.Opened => joined.OrderByDescending(x => x.t.OpenedAt).ThenBy(x => x.t.Id),
            TaskSort.Nominee => joined.OrderBy(x => x.t.NomineeName).ThenBy(x => x.t.Id),
            TaskSort.FollowUp => joined.OrderBy(x => x.FollowUp == null).ThenBy(x => x.FollowUp).ThenBy(x => x.t.DueAt).ThenBy(x => x.t.Id),
            _ => joined.OrderBy(x => x.t.DueAt).ThenBy(x => x.t.Id),
        };
        var rows = await joined
            .Skip((request.Page - 1) * request.PageSize).Take(request.PageSize)
            .Join(db.Campaigns, x => x.n.CampaignId, c => c.Id, (x, c) => new { x.t, x.n, x.FollowUp, CampaignCode = c.Code })
            .Join(db.Units, x => x.n.UnitId, u => u.Id, (x, u) => new { x.t, x.n, x.FollowUp, x.CampaignCode, UnitName = u.Name })
            .Join(db.WorkflowInstances, x => x.t.InstanceId, i => i.Id, (x, i) => new { x, i.DefinitionId, i.DefinitionVersion })
            .GroupJoin(db.Users, r => r.x.t.ClaimedBy, u => (Guid?)u.Id, (r, u) => new { r, u })
            .SelectMany(g => g.u.DefaultIfEmpty(), (g, u) => new
            {
                Item = new TaskListItem(g.r.x.t.Id, g.r.x.n.Id, g.r.x.t.NomineeName, g.r.x.t.CampaignId, g.r.x.CampaignCode, g.r.x.n.UnitId,
                    g.r.x.UnitName, g.r.x.t.StepKey, g.r.x.t.Round, g.r.x.t.OpenedAt, g.r.x.t.DueAt, g.r.x.t.DueAt < now, g.r.x.FollowUp),
                g.r.x.t.AssigneeUserId,
                g.r.x.t.ClaimedBy,
                ClaimedByName = u == null ? null : u.DisplayName,
                g.r.DefinitionId,
                g.r.DefinitionVersion,
            })
            .ToListAsync(cancellationToken);

        var definitions = await semantics.SetAsync(rows.Select(r => (r.DefinitionId, r.DefinitionVersion)), cancellationToken);
        var items = rows.Select(r =>
        {
            var definition = definitions.Get(r.DefinitionId, r.DefinitionVersion);
            var vote = definition is not null && DefinitionSemantics.IsVote(definition, r.Item.StepKey);
            return r.Item with
            {
                StepName = definitions.StepName(r.DefinitionId, r.DefinitionVersion, r.Item.StepKey),
                StepMeaning = definition?.FindStep(r.Item.StepKey)?.Meaning,
                Kind = vote ? TaskKind.Vote : r.AssigneeUserId is null ? TaskKind.Role : TaskKind.Personal,
                ClaimedByName = r.ClaimedByName,
                ClaimedByMe = r.ClaimedBy == me,
                OnBehalfOf = r.AssigneeUserId is { } assignee && assignee != me ? coveredNames.GetValueOrDefault(assignee) : null,
                PersonalBallot = vote && r.AssigneeUserId is { } owner && owner != me,
                BulkMeanings = vote || definition is null
                    ? []
                    : BulkCandidates.Where(m => DefinitionSemantics.ActionMeaningAt(definition, r.Item.StepKey, m) is not null).ToList(),
            };
        }).ToList();
        return new TaskListPage(new Page<TaskListItem>(items, request.Page, request.PageSize, total) { IsCountCapped = capped }, counts);
    }

    private IQueryable<WorkflowTask> Filter(IQueryable<WorkflowTask> part, ListMyTasks request, DateTimeOffset now, IReadOnlyList<string> voteKeys,
        IReadOnlyList<string>? stepKeys, string? narrowing)
    {
        var me = user.UserId;
        if (stepKeys is not null) part = part.Where(t => stepKeys.Contains(t.StepKey));
        if (request.DueFrom is { } from)
        {
            var start = StartOfDay(from);
            part = part.Where(t => t.DueAt >= start);
        }
        if (request.DueTo is { } to)
        {
            var end = StartOfDay(to.AddDays(1));
            part = part.Where(t => t.DueAt < end);
        }
        if (request.OverdueOnly) part = part.Where(t => t.DueAt < now);
        part = request.Kind switch
        {
            TaskKind.Role => part.Where(t => t.AssigneeUserId == null),
            TaskKind.Vote => part.Where(t => t.AssigneeUserId != null && voteKeys.Contains(t.StepKey)),
            TaskKind.Personal => part.Where(t => t.AssigneeUserId != null && !voteKeys.Contains(t.StepKey)),
            _ => part,
        };
        if (request.ClaimedByMe) part = part.Where(t => t.ClaimedBy == me);
        if (request.FollowUpBy is { } by)
            part = part.Where(t => db.TaskFollowUps.Any(f => f.TaskId == t.Id && f.UserId == me && f.RemindOn <= by));
        // The campaign and the name are the task's own copies (WorkflowTask.CampaignId, NomineeName), each part's index serving
        // them; the unit stays a semi-join (a unit's role tasks are its own; a member filters by unit seldom).
        if (request.CampaignId is { } campaign)
            part = part.Where(t => t.CampaignId == campaign);
        if (request.UnitId is { } unit)
            part = part.Where(t => db.Nominations.Any(n => n.Id == t.NominationId && n.UnitId == unit));
        if (SearchText.ContainsPattern(request.Search) is { } pattern)
        {
            // The whole search checks the rare word's candidates; lower() keeps that check out of the index (no change under ILIKE).
            part = narrowing is null
                ? part.Where(t => EF.Functions.ILike(SearchText.Unaccent(t.NomineeName), SearchText.Unaccent(pattern), "\\"))
                : part.Where(t => EF.Functions.ILike(SearchText.Unaccent(t.NomineeName), SearchText.Unaccent(narrowing), "\\"))
                    .Where(t => EF.Functions.ILike(SearchText.Unaccent(t.NomineeName).ToLower(), SearchText.Unaccent(pattern), "\\"));
        }
        return part;
    }

    /// <summary>Overdue and due this week (to Sunday night, Vietnam time) over all my open tasks; claimed by me from its small index.</summary>
    private async Task<TaskCounts> CountsAsync(IReadOnlyList<IQueryable<WorkflowTask>> parts, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var local = VietnamTime.Local(now);
        var daysToMonday = ((int)DayOfWeek.Monday - (int)local.DayOfWeek + 7) % 7;
        var weekEnd = StartOfDay(DateOnly.FromDateTime(local.DateTime).AddDays(daysToMonday == 0 ? 7 : daysToMonday));
        var me = user.UserId;
        var overdue = await Paging.CountAsync(MyTasks.Union(parts.Select(p => p.Where(t => t.DueAt < now))), 1, 1, cancellationToken, CountLimit);
        var week = await Paging.CountAsync(MyTasks.Union(parts.Select(p => p.Where(t => t.DueAt >= now && t.DueAt < weekEnd))), 1, 1, cancellationToken,
            CountLimit);
        var claimed = await Paging.CountAsync(db.Tasks.Where(t => t.Status == WorkflowTaskStatus.Open && t.ClaimedBy == me), 1, 1, cancellationToken,
            CountLimit);
        return new TaskCounts(new Tally(overdue.Count, overdue.Capped), new Tally(week.Count, week.Capped), new Tally(claimed.Count, claimed.Capped));
    }

    /// <summary>Midnight of <paramref name="day"/> in Vietnam (dates people type are theirs).</summary>
    private static DateTimeOffset StartOfDay(DateOnly day) =>
        new(day.ToDateTime(TimeOnly.MinValue), VietnamTime.Offset);
}
