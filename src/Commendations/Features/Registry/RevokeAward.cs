using Commendations.Common.Text;
using Commendations.Audit;
using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Domain.Decisions;
using Commendations.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Commendations.Common.Behaviours;

namespace Commendations.Features.Registry;

/// <summary>
/// Revocation of an award (Law 06/2022 Art. 93: false declarations, forged dossiers) by a revoking decision. The registry
/// line is kept and marked revoked, with the reason, the revoking decision and its date; the audit trail records who did it.
/// </summary>
[Allowed(Roles.Administrator, Roles.ProvincialLeader)]
public sealed record RevokeAward(Guid AwardRecordId, string Reason, string RevokingDecisionNumber, DateOnly Date, string? IdempotencyKey = null)
    : ICommand<RegistryLine>, IIdempotentCommand;

public sealed class RevokeAwardValidator : AbstractValidator<RevokeAward>
{
    public RevokeAwardValidator()
    {
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(2000);
        RuleFor(c => c.RevokingDecisionNumber).NotEmpty().Must(n => DecisionNumber.TryParse(n, out _))
            .WithMessage(c => DecisionNumber.Check(c.RevokingDecisionNumber, out _)!);
        RuleFor(c => c.Date).NotEqual(default(DateOnly));
    }
}

public sealed class RevokeAwardHandler(CommendationsDbContext db, ICurrentUser user, AuditTrail audit, TimeProvider clock)
    : IRequestHandler<RevokeAward, RegistryLine>
{
    public const string Stream = "registry";

    public async Task<RegistryLine> Handle(RevokeAward request, CancellationToken cancellationToken)
    {
        var line = await db.AwardRecords.SingleOrDefaultAsync(r => r.Id == request.AwardRecordId, cancellationToken)
                   ?? throw new NotFoundException(Things.RegistryEntry);
        if (line.IsRevoked)
            throw new ConflictException("already-revoked", new Message("Khen thưởng số {0} đã bị thu hồi theo quyết định {1}.", line.RegisterNumber, line.RevokingDecisionNumber));
        if (request.Date < line.DecisionDate)
            throw new InputException("date", new Message("Ngày thu hồi không thể trước ngày khen thưởng ({0}).", line.DecisionDate));
        DecisionNumber.TryParse(request.RevokingDecisionNumber, out var number);
        line.Revoke(request.Reason.Trim(), number.ToString(), request.Date, user.UserId, clock.GetUtcNow());
        var data = new { registerNumber = line.RegisterNumber, revokingDecision = number.ToString(), date = request.Date.ToString("dd/MM/yyyy") };
        await audit.RecordAsync(Stream, "award.revoked", null, request.Reason, data, cancellationToken);
        await audit.RecordAsync(AuditTrail.NominationStream(line.NominationId), "award.revoked", null, request.Reason, data, cancellationToken);
        return RegistryLine.Of(line);
    }
}
