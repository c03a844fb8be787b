using Commendations.Common.Security;
using System.Text.Json;
using Commendations.Common;
using Commendations.Domain.Eligibility;
using Commendations.Features.Nominations;
using Commendations.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Eligibility;

/// <summary>The eligibility check stored at submission, for whoever may read the nomination (reviewers in particular).</summary>
[Allowed(Audience.SignedIn)]
public sealed record GetEligibility(Guid NominationId) : IQuery<EligibilityView>, INominationRequest;

public sealed record EligibilityView(Guid NominationId, bool Evaluated, EligibilityOutcome? Overall, int? RuleSetVersion, DateOnly? RulesEffectiveFrom,
    DateTimeOffset? EvaluatedAt, IReadOnlyList<RuleResult> Rules);

public sealed class GetEligibilityHandler(CommendationsDbContext db, NominationAccess access) : IRequestHandler<GetEligibility, EligibilityView>
{
    public async Task<EligibilityView> Handle(GetEligibility request, CancellationToken cancellationToken)
    {
        await access.ReadableAsync(request.NominationId, cancellationToken);
        var stored = await db.NominationEligibility.AsNoTracking().SingleOrDefaultAsync(e => e.NominationId == request.NominationId, cancellationToken);
        if (stored is null)
            return new EligibilityView(request.NominationId, false, null, null, null, null, []);
        var rules = JsonSerializer.Deserialize<List<RuleResult>>(stored.Results, EligibilityEvaluator.ResultJson) ?? [];
        return new EligibilityView(request.NominationId, true, stored.Overall, stored.RuleSetVersion, stored.RulesEffectiveFrom, stored.EvaluatedAt, rules);
    }
}
