using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Domain.Catalog;
using Commendations.Domain.Registry;
using Commendations.Features.Nominations;
using Commendations.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Registry;

/// <summary>
/// The award registry: "who received what, when, by which decision". Awards are published, so every signed-in user may
/// search it. Names match anywhere, case-insensitively; the other filters match exactly. Newest decisions first, then
/// register number.
/// </summary>
[Allowed(Audience.SignedIn)]
public sealed record SearchRegistry(
    string? Person = null,
    string? Collective = null,
    Guid? UnitId = null,
    string? AwardForm = null,
    string? Campaign = null,
    int? Year = null,
    string? Decision = null,
    bool IncludeRevoked = true,
    int Page = 1,
    int PageSize = 50) : IQuery<Page<RegistryLine>>
{
    public const int MaxPageSize = 500;
}

public sealed record RegistryLine(
    Guid Id, string RegisterNumber, NomineeKind Kind, string NomineeName, Guid? PersonId, Guid? CollectiveId, Guid UnitId, string UnitName,
    string AwardFormCode, string AwardFormName, string CampaignCode, string CampaignName, int Year,
    Guid DecisionId, string DecisionNumber, DateOnly DecisionDate, Guid NominationId,
    bool Revoked, string? RevocationReason, string? RevokingDecisionNumber, DateOnly? RevocationDate, bool Superseded)
{
    /// <summary>The decision has its signed document of record (GET /api/decisions/{id}/signed-pdf).</summary>
    public bool DecisionSigned { get; init; }

    /// <summary>Decided at the central level by this authority (e.g. "Thủ tướng Chính phủ"), recorded by the province; null when the province decided.</summary>
    public string? CentralAuthority { get; init; }

    public static RegistryLine Of(AwardRecord r) => new(r.Id, r.RegisterNumber, r.Kind, r.NomineeName, r.PersonId, r.CollectiveId, r.UnitId, r.UnitName,
        r.AwardFormCode, r.AwardFormName, r.CampaignCode, r.CampaignName, r.Year, r.DecisionId, r.DecisionNumber, r.DecisionDate, r.NominationId,
        r.RevokedAt != null, r.RevocationReason, r.RevokingDecisionNumber, r.RevocationDate, r.SupersededByDecisionId != null)
    { CentralAuthority = r.CentralAuthority };
}

public sealed class SearchRegistryValidator : AbstractValidator<SearchRegistry>
{
    public SearchRegistryValidator()
    {
        RuleFor(q => q.Person).MaximumLength(200);
        RuleFor(q => q.Collective).MaximumLength(300);
        RuleFor(q => q.AwardForm).MaximumLength(AwardForm.CodeMaxLength);
        RuleFor(q => q.Campaign).MaximumLength(40);
        RuleFor(q => q.Decision).MaximumLength(60);
        RuleFor(q => q.Year).InclusiveBetween(1945, 2200).When(q => q.Year is not null);
        RuleFor(q => q.Page).InclusiveBetween(1, Nominations.PageLimits.MaxPage);
        RuleFor(q => q.PageSize).InclusiveBetween(1, SearchRegistry.MaxPageSize);
    }
}

public sealed class SearchRegistryHandler(CommendationsDbContext db) : IRequestHandler<SearchRegistry, Page<RegistryLine>>
{
    public async Task<Page<RegistryLine>> Handle(SearchRegistry request, CancellationToken cancellationToken)
    {
        var query = Filter(db.AwardRecords.AsNoTracking(), request)
            .OrderByDescending(r => r.DecisionDate).ThenBy(r => r.Series).ThenBy(r => r.Year).ThenBy(r => r.Sequence);
        // Counted like the nomination lists: at most 10,000 beyond the asked page, shown as "more than" (the ordered query,
        // as the count's limit needs an order to be well defined).
        var (total, capped) = await Paging.CountAsync(query, request.Page, request.PageSize, cancellationToken);
        var items = await query.Skip((request.Page - 1) * request.PageSize).Take(request.PageSize).ToListAsync(cancellationToken);
        var lines = await SignedDecisions.MarkAsync(db, items.Select(RegistryLine.Of).ToList(), cancellationToken);
        return new Page<RegistryLine>(lines, request.Page, request.PageSize, total) { IsCountCapped = capped };
    }

    public static IQueryable<AwardRecord> Filter(IQueryable<AwardRecord> query, SearchRegistry request)
    {
        if (Pattern(request.Person) is { } person)
            query = query.Where(r => r.Kind != NomineeKind.Collective && EF.Functions.ILike(SearchText.Unaccent(r.NomineeName), SearchText.Unaccent(person), "\\"));
        if (Pattern(request.Collective) is { } collective)
            query = query.Where(r => r.Kind == NomineeKind.Collective && EF.Functions.ILike(SearchText.Unaccent(r.NomineeName), SearchText.Unaccent(collective), "\\"));
        if (request.UnitId is { } unit)
            query = query.Where(r => r.UnitId == unit);
        if (!string.IsNullOrWhiteSpace(request.AwardForm))
            query = query.Where(r => r.AwardFormCode == request.AwardForm.Trim());
        if (!string.IsNullOrWhiteSpace(request.Campaign))
            query = query.Where(r => r.CampaignCode == request.Campaign.Trim());
        if (request.Year is { } year)
            query = query.Where(r => r.Year == year);
        if (!string.IsNullOrWhiteSpace(request.Decision))
            query = query.Where(r => r.DecisionNumber == request.Decision.Trim());
        if (!request.IncludeRevoked)
            query = query.Where(r => r.RevokedAt == null);
        return query;
    }

    /// <summary>"duyên" → "%duyên%", with LIKE's own characters taken literally.</summary>
    private static string? Pattern(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
            : "%" + text.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
}
