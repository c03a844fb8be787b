using Commendations.Engine;
using Commendations.Common.Behaviours;
using Commendations.Common.Text;
using Commendations.Audit;
using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Domain.Catalog;
using Commendations.Domain.Decisions;
using Commendations.Domain.Documents;
using Commendations.Domain.Nominations;
using Commendations.Domain.Registry;
using Commendations.Domain.Workflows;
using Commendations.Features.Nominations;
using Commendations.Persistence;
using Commendations.Workflow;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Decisions;

/// <summary>
/// The provincial leader signs one decision (e.g. <c>215/QĐ-UBND</c>) covering a batch of nominations waiting at the
/// decision step; each becomes Awarded. All or nothing: one nomination not ready refuses the whole batch, and so does a
/// batch over the campaign's quota. Each awardee enters the award registry with a certificate register number assigned
/// in the printed order (collectives, then individuals). An issued decision is never edited: a correction is a new
/// decision that amends it (<see cref="AmendsDecisionId"/>), re-issuing corrected lines under new register numbers.
/// </summary>
[Allowed(Roles.ProvincialLeader)]
public sealed record IssueDecision(
    string Number,
    DateOnly Date,
    string SignerName,
    string SignerTitle,
    string Citation,
    IReadOnlyList<Guid> NominationIds,
    string? IdempotencyKey = null,
    Guid? AmendsDecisionId = null,
    IReadOnlyList<AwardCorrection>? Corrections = null,
    string? Series = null,
    SignerCapacity? Capacity = null) : ICommand<DecisionIssued>, IIdempotentCommand;

/// <summary>A line of the amended decision re-issued with a corrected name.</summary>
public sealed record AwardCorrection(Guid AwardRecordId, string NomineeName);

public sealed record DecisionIssued(Guid DecisionId, string Number, int Awarded)
{
    /// <summary>The register numbers assigned, in order (awardees, then corrections); none while the decision awaits its signatures.</summary>
    public IReadOnlyList<string> RegisterNumbers { get; init; } = [];

    /// <summary>True when the nominations' definition requires signatures first: nobody is awarded until they are stored.</summary>
    public bool AwaitsSignatures { get; init; }
}

public sealed class IssueDecisionValidator : AbstractValidator<IssueDecision>
{
    public IssueDecisionValidator()
    {
        RuleFor(c => c.Number).NotEmpty().Must(n => DecisionNumber.TryParse(n, out _))
            .WithMessage(c => DecisionNumber.Check(c.Number, out _)!);
        RuleFor(c => c.Date).NotEqual(default(DateOnly));
        RuleFor(c => c.SignerName).NotEmpty().MaximumLength(200);
        RuleFor(c => c.SignerTitle).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Citation).NotEmpty().MaximumLength(2000);
        RuleFor(c => c.NominationIds).NotNull().Must(ids => ids.Distinct().Count() == ids.Count)
            .WithMessage(new Message("Mỗi hồ sơ chỉ được ghi một lần.")).Must(ids => ids.Count <= 1000)
            .WithMessage(new Message("Một quyết định có tối đa 1000 hồ sơ."));
        RuleFor(c => c.NominationIds).NotEmpty().When(c => c.Corrections is not { Count: > 0 })
            .WithMessage(new Message("Quyết định khen thưởng ít nhất một hồ sơ (hoặc, khi sửa đổi một quyết định, đính chính ít nhất một dòng)."));
        RuleFor(c => c.Corrections).Must(c => c is null || c.Count == 0)
            .When(c => c.AmendsDecisionId is null).WithMessage(new Message("Chỉ quyết định sửa đổi một quyết định khác mới có các dòng đính chính."));
        RuleForEach(c => c.Corrections).ChildRules(c => c.RuleFor(x => x.NomineeName).NotEmpty().MaximumLength(300));
        RuleFor(c => c.Capacity).IsInEnum().When(c => c.Capacity is not null);
        RuleFor(c => c.Series).Matches("^[A-Z]{1,10}$").When(c => c.Series is not null)
            .WithMessage(new Message("Ký hiệu sổ gồm 1 đến 10 chữ in hoa, ví dụ SV."));
    }
}

public sealed class IssueDecisionHandler(
    CommendationsDbContext db, ICurrentUser user, AuditTrail audit, TimeProvider clock, DecisionEffect effect)
    : IRequestHandler<IssueDecision, DecisionIssued>
{
    public async Task<DecisionIssued> Handle(IssueDecision request, CancellationToken cancellationToken)
    {
        DecisionNumber.TryParse(request.Number, out var number);
        // The same number sent twice at once waits here for the first to finish, so the second always meets the number
        // check below (a field error) rather than, depending on timing, the unique index (a generic conflict).
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"SELECT pg_advisory_xact_lock(hashtextextended({$"decision/{number.IssuingBody}/{request.Date.Year}/{number.Sequence}"}, 0))", cancellationToken);
        if (await db.Decisions.AnyAsync(d => d.IssuingBody == number.IssuingBody && d.Year == request.Date.Year && d.Sequence == number.Sequence, cancellationToken))
            throw new InputException("number", new Message("Số quyết định {0} năm {1} đã được dùng cho một quyết định khác.", number.ToString(), request.Date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        var nominations = await db.Nominations.Where(n => request.NominationIds.Contains(n.Id)).ToListAsync(cancellationToken);
        var unknown = request.NominationIds.Except(nominations.Select(n => n.Id)).ToList();
        if (unknown.Count > 0)
            throw new InputException("nominationIds", new Message("Có {0} hồ sơ không tìm thấy (có thể đã bị xóa hoặc không thuộc phạm vi của bạn).", unknown.Count));
        await EnsureDateAsync(request, nominations, cancellationToken);
        var tasks = await effect.DecisionTasksAsync(request.NominationIds, cancellationToken);
        var notReady = nominations.Where(n => !tasks.ContainsKey(n.Id)).Select(n => n.NomineeName).ToList();
        if (notReady.Count > 0)
            throw new ConflictException("not-at-decision", new Message("Các hồ sơ chưa đến bước quyết định khen thưởng: {0}.", Message.List(notReady)));
        // A nomination already in a decision that waits for its signatures is in that decision, not free for another.
        var waiting = nominations.Where(n => n.AwaitsDecisionSignatures).Select(n => n.NomineeName).ToList();
        if (waiting.Count > 0)
            throw new ConflictException("decision-awaiting-signatures",
                new Message("Các hồ sơ đã có trong một quyết định đang chờ ký số, đóng dấu: {0}.", Message.List(waiting)));
        var signing = DecisionSigningRequirement.Of(nominations, tasks);

        if (request.AmendsDecisionId is { } amended && !await db.Decisions.AnyAsync(d => d.Id == amended, cancellationToken))
            throw new InputException("amendsDecisionId", new Message("Không tìm thấy quyết định được sửa đổi."));
        var corrected = await CorrectedLinesAsync(request, cancellationToken);
        if (signing?.HoldsDecision == true && corrected.Count > 0)
            throw new ConflictException("corrections-awaiting-signatures",
                new Message("Quyết định có hồ sơ phải ký số trước khi có hiệu lực không kèm dòng đính chính; ban hành việc đính chính bằng một quyết định riêng."));
        await CampaignQuotas.EnsureWithinAsync(db, nominations, cancellationToken);

        var decision = new Decision(number, request.Date, request.SignerName.Trim(), request.SignerTitle.Trim(), request.Citation.Trim(), user.UserId,
            clock.GetUtcNow(), request.AmendsDecisionId, request.Capacity ?? SignerCapacities.Infer(request.SignerTitle)).Requiring(signing, request.Series);
        db.Decisions.Add(decision);
        if (decision.AwaitsSignatures)
        {
            // Issued and numbered, listing its nominations, but in force only once signed (DecisionEffect.TakeEffectIfSignedAsync):
            // the nominations stay at the decision step and nobody is awarded or entered in the registry yet.
            foreach (var nomination in nominations)
            {
                nomination.RecordDecision(decision.Id);
                await audit.RecordAsync(AuditTrail.NominationStream(nomination.Id), "decision.issued", tasks[nomination.Id].Task.StepKey, null,
                    new { decision = decision.Number, date = request.Date.ToString("dd/MM/yyyy"), awaitsSignatures = true }, cancellationToken);
            }
            await audit.RecordAsync("decisions", "decision.issued", null, request.Citation,
                new { decision = decision.Number, nominations = request.NominationIds, awaitsSignatures = true, seal = decision.RequiresSeal }, cancellationToken);
            return new DecisionIssued(decision.Id, decision.Number, 0) { AwaitsSignatures = true };
        }
        var numbers = await effect.AwardAsync(decision, nominations, tasks, NominationWorkflow.ActorFor(user), corrected, "decision.issued", cancellationToken);
        await audit.RecordAsync("decisions", "decision.issued", null, request.Citation,
            new { decision = decision.Number, nominations = request.NominationIds, amends = request.AmendsDecisionId, registerNumbers = numbers }, cancellationToken);
        return new DecisionIssued(decision.Id, decision.Number, nominations.Count) { RegisterNumbers = numbers };
    }

    /// <summary>
    /// A decision is dated on the day it is signed: not after today (Vietnam time), not before its campaigns began, not
    /// before the decision it amends. A slip here would date a legal act wrongly and number it in the wrong year.
    /// </summary>
    private async Task EnsureDateAsync(IssueDecision request, List<Nomination> nominations, CancellationToken cancellationToken)
    {
        var today = VietnamTime.Today(clock);
        if (request.Date > today)
            throw new InputException("date", new Message("Ngày quyết định không thể sau hôm nay ({0}).", today));
        var campaignIds = nominations.Select(n => n.CampaignId).Distinct().ToList();
        var started = await db.Campaigns.AsNoTracking().Where(c => campaignIds.Contains(c.Id))
            .OrderByDescending(c => c.PeriodStart).Select(c => new { c.Name, c.PeriodStart }).FirstOrDefaultAsync(cancellationToken);
        if (started is not null && request.Date < started.PeriodStart)
            throw new InputException("date", new Message("Ngày quyết định không thể trước khi phong trào {0} bắt đầu ({1}).", started.Name, started.PeriodStart));
        if (request.AmendsDecisionId is { } amended
            && await db.Decisions.AsNoTracking().Where(d => d.Id == amended).Select(d => (DateOnly?)d.Date).SingleOrDefaultAsync(cancellationToken) is { } amendedDate
            && request.Date < amendedDate)
            throw new InputException("date", new Message("Quyết định sửa đổi không thể mang ngày trước quyết định được sửa ({0}).", amendedDate));
    }

    private async Task<List<(AwardRecord Line, string Name)>> CorrectedLinesAsync(IssueDecision request, CancellationToken cancellationToken)
    {
        if (request.Corrections is not { Count: > 0 } corrections)
            return [];
        var ids = corrections.Select(c => c.AwardRecordId).ToList();
        var lines = await db.AwardRecords.Where(r => ids.Contains(r.Id)).ToListAsync(cancellationToken);
        var wrong = ids.Where(id => lines.SingleOrDefault(l => l.Id == id) is not { } line || line.DecisionId != request.AmendsDecisionId || !line.IsCurrent).ToList();
        if (wrong.Count > 0)
            throw new InputException("corrections", new Message("Có {0} dòng đính chính không phải dòng hiện hành của quyết định được sửa đổi.", wrong.Count));
        return corrections.Select(c => (lines.Single(l => l.Id == c.AwardRecordId), c.NomineeName.Trim())).ToList();
    }
}
