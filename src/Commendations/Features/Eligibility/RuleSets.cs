using Commendations.Common.Text;
using Commendations.Common.Behaviours;
using System.Text.Json;
using Commendations.Audit;
using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Domain.Catalog;
using Commendations.Domain.Eligibility;
using Commendations.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Eligibility;

/// <summary>Administrators list the eligibility rule versions (of one award form, or all).</summary>
[Allowed(Roles.Administrator)]
public sealed record ListRuleSets(string? AwardFormCode = null) : IQuery<IReadOnlyList<RuleSetView>>;

public sealed record RuleSetView(Guid Id, string AwardFormCode, int Version, DateOnly EffectiveFrom, string? LegalBasis, JsonElement Rules, DateTimeOffset CreatedAt);

/// <summary>An administrator adds a rule version for an award form, in force from a date (never before an existing version's date).</summary>
[Allowed(Roles.Administrator)]
public sealed record AddRuleSet(string AwardFormCode, DateOnly EffectiveFrom, string? LegalBasis, JsonElement Rules) : ICommand<RuleSetView>;

public sealed class AddRuleSetValidator : AbstractValidator<AddRuleSet>
{
    public AddRuleSetValidator()
    {
        RuleFor(c => c.AwardFormCode).NotEmpty().MaximumLength(AwardForm.CodeMaxLength);
        RuleFor(c => c.EffectiveFrom).NotEqual(default(DateOnly));
        RuleFor(c => c.LegalBasis).MaximumLength(500);
        RuleFor(c => c.Rules).Must(r => r.ValueKind == JsonValueKind.Object).WithMessage(new Message("Các tiêu chuẩn là một đối tượng JSON {\"rules\": [...]}."));
    }
}

public sealed class ListRuleSetsValidator : AbstractValidator<ListRuleSets>
{
    public ListRuleSetsValidator() => RuleFor(c => c.AwardFormCode).MaximumLength(AwardForm.CodeMaxLength);
}

public sealed class ListRuleSetsHandler(CommendationsDbContext db) : IRequestHandler<ListRuleSets, IReadOnlyList<RuleSetView>>
{
    public async Task<IReadOnlyList<RuleSetView>> Handle(ListRuleSets request, CancellationToken cancellationToken)
    {
        var query = db.EligibilityRuleSets.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(request.AwardFormCode))
            query = query.Where(r => r.AwardFormCode == request.AwardFormCode);
        var sets = await query.OrderBy(r => r.AwardFormCode).ThenBy(r => r.Version).ToListAsync(cancellationToken);
        return sets.Select(AddRuleSetHandler.View).ToList();
    }
}

public sealed class AddRuleSetHandler(CommendationsDbContext db, ICurrentUser user, AuditTrail audit, TimeProvider clock) : IRequestHandler<AddRuleSet, RuleSetView>
{
    public async Task<RuleSetView> Handle(AddRuleSet request, CancellationToken cancellationToken)
    {
        if (!await db.AwardForms.AnyAsync(a => a.Code == request.AwardFormCode, cancellationToken))
            throw new InputException("awardFormCode", new Message("Không có hình thức khen thưởng này."));
        var (document, problems) = EligibilityRuleDocument.Parse(request.Rules.GetRawText());
        if (document is null)
            throw new InputException(new Dictionary<string, Message[]> { ["rules"] = [.. problems] });
        var existing = await db.EligibilityRuleSets.Where(r => r.AwardFormCode == request.AwardFormCode).ToListAsync(cancellationToken);
        if (existing.Count > 0 && request.EffectiveFrom <= existing.Max(r => r.EffectiveFrom))
            throw new InputException("effectiveFrom", new Message("Phiên bản mới phải áp dụng sau phiên bản gần nhất ({0}).", existing.Max(r => r.EffectiveFrom)));
        var set = new EligibilityRuleSet(request.AwardFormCode, existing.Count == 0 ? 1 : existing.Max(r => r.Version) + 1, request.EffectiveFrom,
            request.LegalBasis?.Trim(), document.ToJson(), user.UserId, clock.GetUtcNow());
        db.EligibilityRuleSets.Add(set);
        await audit.RecordAsync("eligibility-rules", "rules.added", null, request.LegalBasis,
            new { awardForm = set.AwardFormCode, version = set.Version, effectiveFrom = set.EffectiveFrom.ToString("dd/MM/yyyy") }, cancellationToken);
        return View(set);
    }

    public static RuleSetView View(EligibilityRuleSet r) =>
        new(r.Id, r.AwardFormCode, r.Version, r.EffectiveFrom, r.LegalBasis, JsonDocument.Parse(r.Rules).RootElement.Clone(), r.CreatedAt);
}
