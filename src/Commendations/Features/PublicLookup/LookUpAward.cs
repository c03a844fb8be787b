using Commendations.Common;
using Commendations.Common.Security;
using Commendations.Domain.Catalog;
using Commendations.Domain.Registry;
using Commendations.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.PublicLookup;

/// <summary>
/// Anyone may check an award by the register number printed on its certificate (and, to be surer, the decision's number):
/// the award form, the awardee's name and unit, the decision (number, date, the signer's title) and whether it was revoked
/// or corrected. Nothing more (Decree 13/2023/NĐ-CP, docs/documents.md "Personal data on public pages"): no birth year,
/// sex, position, identity number, achievement, revocation reason or the signer's name. Null when nothing matches — the
/// caller shows one neutral sentence whether the number is unknown or the decision number differs.
/// </summary>
[Allowed(Audience.Public)]
public sealed record LookUpAward(string RegisterNumber, string? DecisionNumber = null) : IQuery<PublicAward?>;

public sealed record PublicAward(
    string RegisterNumber, string AwardFormName, NomineeKind Kind, string AwardeeName, string UnitName,
    string DecisionNumber, DateOnly DecisionDate, string SignerTitle,
    bool Revoked, string? RevokingDecisionNumber, DateOnly? RevocationDate, bool Corrected);

public sealed class LookUpAwardValidator : AbstractValidator<LookUpAward>
{
    public LookUpAwardValidator()
    {
        RuleFor(q => q.RegisterNumber).NotEmpty().MaximumLength(AwardRecord.RegisterNumberMaxLength);
        RuleFor(q => q.DecisionNumber).MaximumLength(60);
    }
}

public sealed class LookUpAwardHandler(CommendationsDbContext db) : IRequestHandler<LookUpAward, PublicAward?>
{
    public async Task<PublicAward?> Handle(LookUpAward request, CancellationToken cancellationToken)
    {
        // Register numbers are printed in capitals (SV-2027-0001); a citizen may type them in any case.
        var number = request.RegisterNumber.Trim().ToUpperInvariant();
        var line = await db.AwardRecords.AsNoTracking().SingleOrDefaultAsync(r => r.RegisterNumber == number, cancellationToken);
        if (line is null)
            return null;
        if (!string.IsNullOrWhiteSpace(request.DecisionNumber) && !SameDecision(line.DecisionNumber, request.DecisionNumber))
            return null;
        var signerTitle = await db.Decisions.AsNoTracking().Where(d => d.Id == line.DecisionId).Select(d => d.SignerTitle).SingleOrDefaultAsync(cancellationToken);
        return new PublicAward(line.RegisterNumber, line.AwardFormName, line.Kind, line.NomineeName, line.UnitName, line.DecisionNumber,
            line.DecisionDate, signerTitle ?? "", line.IsRevoked, line.RevokingDecisionNumber, line.RevocationDate, !line.IsCurrent);
    }

    /// <summary>"215/QĐ-UBND" matches "215/qđ-ubnd" and " 215 / QĐ-UBND ": spaces and case are not what makes a number.</summary>
    private static bool SameDecision(string recorded, string typed) =>
        string.Equals(Compact(recorded), Compact(typed), StringComparison.Ordinal);

    private static string Compact(string number) =>
        new string(number.Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();
}
