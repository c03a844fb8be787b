using Commendations.Common;
using Commendations.Common.Security;
using Commendations.Domain.Catalog;
using Commendations.Domain.Nominations;
using Commendations.Persistence;
using Commendations.Workflow;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Nominations;

public enum NominationSort
{
    Newest,
    Oldest,
    Nominee,
}

/// <summary>Nominations the user may see — an officer: their unit's — filtered, searched, sorted and paged.</summary>
[Allowed(Audience.SignedIn)]
public sealed record ListNominations(
    Guid? CampaignId = null,
    NominationStatus? Status = null,
    NomineeKind? Kind = null,
    string? Search = null,
    NominationSort Sort = NominationSort.Newest,
    int Page = 1,
    int PageSize = 20) : IQuery<Page<NominationListItem>>;

public sealed record NominationListItem(
    Guid Id, string NomineeName, NomineeKind Kind, Guid UnitId, string UnitName, Guid CampaignId, string CampaignCode,
    string AwardFormCode, NominationStatus Status, string? CurrentStep, int Round, DateTimeOffset CreatedAt, DateTimeOffset? SubmittedAt)
{
    /// <summary>The current step as people call it.</summary>
    public string CurrentStepName { get; init; } = "—";
}

public sealed class ListNominationsValidator : AbstractValidator<ListNominations>
{
    public ListNominationsValidator()
    {
        RuleFor(q => q.Page).InclusiveBetween(1, PageLimits.MaxPage);
        RuleFor(q => q.PageSize).InclusiveBetween(1, 200);
        RuleFor(q => q.Search).MaximumLength(200);
        RuleFor(q => q.Status).IsInEnum();
        RuleFor(q => q.Kind).IsInEnum();
        RuleFor(q => q.Sort).IsInEnum();
    }
}

public sealed class ListNominationsHandler(CommendationsDbContext db, ICurrentUser user, DefinitionSemantics semantics)
    : IRequestHandler<ListNominations, Page<NominationListItem>>
{
    /// <summary>ANALYZE's trigram frequencies of the unaccented nominee names (migration NameTrigramStatistics).</summary>
    public const string NameTrigramStatistics = "st_nominations_nominee_name_trigrams";

    public async Task<Page<NominationListItem>> Handle(ListNominations request, CancellationToken cancellationToken)
    {
        var query = Visible(db.Nominations.AsNoTracking());
        if (request.CampaignId is { } campaignId) query = query.Where(n => n.CampaignId == campaignId);
        if (request.Status is { } status) query = query.Where(n => n.Status == status);
        if (request.Kind is { } kind) query = query.Where(n => n.Kind == kind);
        if (SearchText.ContainsPattern(request.Search) is { } pattern)
        {
            // The trigram index looks up the search's rarest word alone when that reads much less of it (TrigramNarrowing);
            // the whole search is then checked on those candidates: lower() keeps that check out of the index (whose
            // expression is f_unaccent(nominee_name)) and changes nothing under ILIKE.
            if (await TrigramNarrowing.PatternAsync(db, NameTrigramStatistics, request.Search, cancellationToken) is { } word)
                query = query
                    .Where(n => EF.Functions.ILike(SearchText.Unaccent(n.NomineeName), SearchText.Unaccent(word), "\\"))
                    .Where(n => EF.Functions.ILike(SearchText.Unaccent(n.NomineeName).ToLower(), SearchText.Unaccent(pattern), "\\"));
            else
                query = query.Where(n => EF.Functions.ILike(SearchText.Unaccent(n.NomineeName), SearchText.Unaccent(pattern), "\\"));
        }
        query = request.Sort switch
        {
            NominationSort.Oldest => query.OrderBy(n => n.CreatedAt).ThenBy(n => n.Id),
            NominationSort.Nominee => query.OrderBy(n => n.NomineeName).ThenBy(n => n.Id),
            _ => query.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id),
        };

        var items = await query
            .Skip((request.Page - 1) * request.PageSize).Take(request.PageSize)
            .Join(db.Units, n => n.UnitId, u => u.Id, (n, u) => new { n, UnitName = u.Name })
            .Join(db.Campaigns, x => x.n.CampaignId, c => c.Id, (x, c) => new { x.n, x.UnitName, CampaignCode = c.Code })
            .Join(db.AwardForms, x => x.n.AwardFormId, a => a.Id, (x, a) => new { x.n, x.UnitName, x.CampaignCode, AwardFormCode = a.Code })
            .GroupJoin(db.WorkflowInstances, x => x.n.WorkflowInstanceId, i => i.Id, (x, i) => new { x, i })
            .SelectMany(g => g.i.DefaultIfEmpty(), (g, i) => new
            {
                Item = new NominationListItem(g.x.n.Id, g.x.n.NomineeName, g.x.n.Kind, g.x.n.UnitId, g.x.UnitName, g.x.n.CampaignId, g.x.CampaignCode,
                    g.x.AwardFormCode, g.x.n.Status, g.x.n.CurrentStep, g.x.n.Round, g.x.n.CreatedAt, g.x.n.SubmittedAt),
                DefinitionId = i == null ? null : i.DefinitionId,
                DefinitionVersion = i == null ? (int?)null : i.DefinitionVersion,
            })
            .ToListAsync(cancellationToken);
        var (total, capped) = await Paging.CountAfterPageAsync(query, request.Page, request.PageSize, items.Count, cancellationToken);
        var definitions = await semantics.SetAsync(items.Where(r => r.DefinitionId is not null).Select(r => (r.DefinitionId!, r.DefinitionVersion!.Value)), cancellationToken);
        var named = items.Select(r => r.Item with { CurrentStepName = definitions.StepName(r.DefinitionId, r.DefinitionVersion, r.Item.CurrentStep) }).ToList();
        return new Page<NominationListItem>(named, request.Page, request.PageSize, total) { IsCountCapped = capped };
    }

    /// <summary>The same rule as <see cref="NominationAccess.CanRead"/>, as a query.</summary>
    private IQueryable<Nomination> Visible(IQueryable<Nomination> query)
    {
        if (user.IsInRole(Roles.Administrator))
            return query;
        var unitId = user.IsInRole(Roles.EmulationOfficer) ? user.UnitId : null;
        var reviewer = NominationAccess.IsReviewer(user);
        // Each case as its own plain condition, so the planner can match the partial index of submitted nominations.
        return (unitId, reviewer) switch
        {
            (null, true) => query.Where(n => n.SubmittedAt != null),
            (null, false) => query.Where(n => false),
            (_, false) => query.Where(n => n.UnitId == unitId),
            _ => query.Where(n => n.UnitId == unitId || n.SubmittedAt != null),
        };
    }
}
