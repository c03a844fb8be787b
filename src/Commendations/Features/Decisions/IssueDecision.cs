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
    /// <summary>The register numbers assigned, in order (awardees, then corrections).</summary>
    public IReadOnlyList<string> RegisterNumbers { get; init; } = [];
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
    CommendationsDbContext db, NominationWorkflow workflow, ICurrentUser user, AuditTrail audit, TimeProvider clock, DefinitionSemantics semantics)
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
        var tasks = await DecisionTasksAsync(request.NominationIds, cancellationToken);
        var notReady = nominations.Where(n => !tasks.ContainsKey(n.Id)).Select(n => n.NomineeName).ToList();
        if (notReady.Count > 0)
            throw new ConflictException("not-at-decision", new Message("Các hồ sơ chưa đến bước quyết định khen thưởng: {0}.", Message.List(notReady)));

        if (request.AmendsDecisionId is { } amended && !await db.Decisions.AnyAsync(d => d.Id == amended, cancellationToken))
            throw new InputException("amendsDecisionId", new Message("Không tìm thấy quyết định được sửa đổi."));
        var corrected = await CorrectedLinesAsync(request, cancellationToken);
        await CampaignQuotas.EnsureWithinAsync(db, nominations, cancellationToken);

        var decision = new Decision(number, request.Date, request.SignerName.Trim(), request.SignerTitle.Trim(), request.Citation.Trim(), user.UserId,
            clock.GetUtcNow(), request.AmendsDecisionId, request.Capacity ?? SignerCapacities.Infer(request.SignerTitle));
        db.Decisions.Add(decision);
        foreach (var nomination in nominations)
        {
            var (task, award) = tasks[nomination.Id];
            await workflow.ExecuteAsync(nomination, new Engine.ActOnTask(task.TaskKey, NominationWorkflow.ActorFor(user), award, decision.Number), cancellationToken);
            if (nomination.Status != NominationStatus.Awarded)
                throw new ConflictException("not-awarded", new Message("Quy trình của {0} không kết thúc bằng khen thưởng sau khi ký quyết định.", nomination.NomineeName));
            nomination.RecordDecision(decision.Id);
            await audit.RecordAsync(AuditTrail.NominationStream(nomination.Id), "decision.issued", task.StepKey, null,
                new { decision = decision.Number, date = request.Date.ToString("dd/MM/yyyy") }, cancellationToken);
        }
        var numbers = await RegisterAsync(decision, request, nominations, corrected, cancellationToken);
        await audit.RecordAsync("decisions", "decision.issued", null, request.Citation,
            new { decision = decision.Number, nominations = request.NominationIds, amends = request.AmendsDecisionId, registerNumbers = numbers }, cancellationToken);
        return new DecisionIssued(decision.Id, decision.Number, nominations.Count) { RegisterNumbers = numbers };
    }

    /// <summary>
    /// Each nomination's open task at a decision step of its definition, with that step's award action (the decision
    /// number is its comment) — whatever the definition calls the step and the action.
    /// </summary>
    private async Task<Dictionary<Guid, (WorkflowTask Task, string Award)>> DecisionTasksAsync(IReadOnlyList<Guid> nominationIds, CancellationToken cancellationToken)
    {
        var open = await (from t in db.Tasks
                          join i in db.WorkflowInstances on t.InstanceId equals i.Id
                          where nominationIds.Contains(t.NominationId) && t.Status == WorkflowTaskStatus.Open
                          select new { Task = t, i.DefinitionId, i.DefinitionVersion }).ToListAsync(cancellationToken);
        var result = new Dictionary<Guid, (WorkflowTask, string)>();
        foreach (var row in open)
        {
            var definition = await semantics.OfAsync(row.DefinitionId, row.DefinitionVersion, cancellationToken);
            if (DefinitionSemantics.AwardActionAt(definition, row.Task.StepKey) is { } award)
                result.TryAdd(row.Task.NominationId, (row.Task, award));
        }
        return result;
    }

    /// <summary>
    /// A decision is dated on the day it is signed: not after today (Vietnam time), not before its campaigns began, not
    /// before the decision it amends. A slip here would date a legal act wrongly and number it in the wrong year.
    /// </summary>
    private async Task EnsureDateAsync(IssueDecision request, List<Nomination> nominations, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);
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

    /// <summary>Registry lines in the printed order — collectives, then individuals, alphabetical — then corrections.</summary>
    private async Task<List<string>> RegisterAsync(Decision decision, IssueDecision request, List<Nomination> nominations,
        List<(AwardRecord Line, string Name)> corrected, CancellationToken cancellationToken)
    {
        var unitIds = nominations.Select(n => n.UnitId).Distinct().ToList();
        var formIds = nominations.Select(n => n.AwardFormId).Distinct().ToList();
        var campaignIds = nominations.Select(n => n.CampaignId).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
        var forms = await db.AwardForms.AsNoTracking().Where(a => formIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
        var campaigns = await db.Campaigns.AsNoTracking().Where(c => campaignIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var personIds = nominations.Where(n => n.PersonId != null).Select(n => n.PersonId!.Value).ToList();
        var collectiveIds = nominations.Where(n => n.CollectiveId != null).Select(n => n.CollectiveId!.Value).ToList();
        var identities = (await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).Select(p => new { p.Id, p.IdentityId }).ToListAsync(cancellationToken))
            .Concat(await db.Collectives.AsNoTracking().Where(c => collectiveIds.Contains(c.Id)).Select(c => new { c.Id, c.IdentityId }).ToListAsync(cancellationToken))
            .ToDictionary(x => x.Id, x => x.IdentityId);
        Guid? IdentityOf(Nomination n) => (n.PersonId ?? n.CollectiveId) is { } id && identities.TryGetValue(id, out var identity) ? identity : null;
        var vietnamese = StringComparer.Create(new("vi-VN"), true);
        var lines = nominations
            .OrderBy(n => n.Kind == NomineeKind.Collective ? 0 : 1).ThenBy(n => n.NomineeName, vietnamese).ThenBy(n => n.Id)
            .Select(n => new AwardRecordData(n.Id, n.Kind, n.PersonId, n.CollectiveId, n.NomineeName, n.UnitId, units[n.UnitId],
                n.AwardFormId, forms[n.AwardFormId].Code, forms[n.AwardFormId].Name, n.CampaignId, campaigns[n.CampaignId].Code, campaigns[n.CampaignId].Name)
            { NomineeIdentityId = IdentityOf(n) })
            .Concat(corrected.Select(c => c.Line.Data.WithName(c.Name)))
            .ToList();
        foreach (var (line, _) in corrected)
            line.SupersedeBy(decision.Id);

        var series = request.Series ?? RegisterNumbers.DefaultSeries;
        var first = await RegisterNumbers.ReserveAsync(db, series, decision.Date.Year, lines.Count, cancellationToken);
        var records = lines.Select((data, i) => new AwardRecord(data, decision.Id, decision.Number, decision.Date, series, first + i, clock.GetUtcNow())).ToList();
        db.AwardRecords.AddRange(records);
        return records.Select(r => r.RegisterNumber).ToList();
    }
}
