using Commendations.Common.Text;
using Commendations.Audit;
using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Domain.Campaigns;
using Commendations.Domain.Workflows;
using Commendations.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Commendations.Common.Behaviours;

namespace Commendations.Features.Admin.Campaigns;

/// <summary>
/// An administrator creates (no <see cref="CampaignId"/>) or edits a campaign: code, name, type, period, dossier window
/// and the allowed award forms with quotas and the workflow definition that routes them. The window must lie sensibly:
/// open on or before close, not before the period starts and at most a year after it ends; each workflow definition
/// needs a published version. An award form that already has nominations cannot be taken out of the campaign.
/// </summary>
[Allowed(Roles.Administrator)]
public sealed record SaveCampaign(Guid? CampaignId, CampaignInput Campaign) : ICommand<Guid>;

public sealed class SaveCampaignValidator : AbstractValidator<SaveCampaign>
{
    public SaveCampaignValidator()
    {
        RuleFor(c => c.Campaign).NotNull();
        When(c => c.Campaign is not null, () =>
        {
            RuleFor(c => c.Campaign.Code).NotEmpty().MaximumLength(Campaign.CodeMaxLength)
                .Matches("^[A-Z0-9][A-Z0-9-]*$").WithMessage(new Message("Dùng chữ in hoa không dấu, chữ số và gạch nối, ví dụ PT-2026-QCDC."))
                .OverridePropertyName("code");
            RuleFor(c => c.Campaign.Name).NotEmpty().MaximumLength(500).OverridePropertyName("name");
            RuleFor(c => c.Campaign.Type).IsInEnum().OverridePropertyName("type");
            RuleFor(c => c.Campaign.PlanReference).MaximumLength(100).OverridePropertyName("planReference");
            RuleFor(c => c.Campaign.PeriodStart).NotEmpty().OverridePropertyName("periodStart");
            RuleFor(c => c.Campaign.PeriodEnd).NotEmpty()
                .GreaterThanOrEqualTo(c => c.Campaign.PeriodStart).WithMessage(new Message("Ngày kết thúc không được trước ngày bắt đầu."))
                .OverridePropertyName("periodEnd");
            RuleFor(c => c.Campaign.DossierOpen).NotEmpty()
                .GreaterThanOrEqualTo(c => c.Campaign.PeriodStart).WithMessage(new Message("Ngày bắt đầu nhận hồ sơ không được trước ngày bắt đầu phong trào."))
                .OverridePropertyName("dossierOpen");
            RuleFor(c => c.Campaign.DossierClose).NotEmpty()
                .GreaterThanOrEqualTo(c => c.Campaign.DossierOpen).WithMessage(new Message("Hạn nộp hồ sơ không được trước ngày bắt đầu nhận hồ sơ."))
                .LessThanOrEqualTo(c => c.Campaign.PeriodEnd.AddYears(1)).WithMessage(new Message("Hạn nộp hồ sơ chậm nhất một năm sau ngày kết thúc phong trào."))
                .OverridePropertyName("dossierClose");
            RuleFor(c => c.Campaign.Awards).NotEmpty().WithMessage(new Message("Chọn ít nhất một hình thức khen thưởng."))
                .Must(a => a is null || a.Select(x => x.AwardFormId).Distinct().Count() == a.Count).WithMessage(new Message("Mỗi hình thức khen thưởng chỉ chọn một lần."))
                .OverridePropertyName("awards");
            RuleForEach(c => c.Campaign.Awards).ChildRules(award =>
            {
                award.RuleFor(a => a.AwardFormId).NotEmpty();
                award.RuleFor(a => a.WorkflowDefinitionId).NotEmpty().MaximumLength(100);
                award.RuleFor(a => a.QuotaCollectives).GreaterThanOrEqualTo(0);
                award.RuleFor(a => a.QuotaIndividuals).GreaterThanOrEqualTo(0);
            }).OverridePropertyName("awards");
        });
    }
}

public sealed class SaveCampaignHandler(CommendationsDbContext db, AuditTrail audit) : IRequestHandler<SaveCampaign, Guid>
{
    public async Task<Guid> Handle(SaveCampaign request, CancellationToken cancellationToken)
    {
        var input = request.Campaign;
        var errors = new Dictionary<string, Message[]>();
        if (await db.Campaigns.AnyAsync(c => c.Code == input.Code && c.Id != request.CampaignId, cancellationToken))
            errors["code"] = [new Message("Đã có phong trào mang mã {0}.", input.Code)];
        var formIds = input.Awards.Select(a => a.AwardFormId).ToList();
        var known = await db.AwardForms.Where(a => formIds.Contains(a.Id)).Select(a => a.Id).ToListAsync(cancellationToken);
        var workflowIds = input.Awards.Select(a => a.WorkflowDefinitionId).Distinct().ToList();
        var published = await db.WorkflowDefinitions.Where(d => workflowIds.Contains(d.DefinitionId) && d.Status == DefinitionStatus.Published)
            .Select(d => d.DefinitionId).Distinct().ToListAsync(cancellationToken);
        // A workflow is named by its name (the latest version's), never by its id; one nobody knows is named generically.
        var workflowNames = (await db.WorkflowDefinitions.AsNoTracking().Where(d => workflowIds.Contains(d.DefinitionId))
                .OrderBy(d => d.Version).Select(d => new { d.DefinitionId, d.Name }).ToListAsync(cancellationToken))
            .GroupBy(d => d.DefinitionId).ToDictionary(g => g.Key, g => g.Last().Name);
        for (var i = 0; i < input.Awards.Count; i++)
        {
            if (!known.Contains(input.Awards[i].AwardFormId))
                errors[$"awards[{i}].awardFormId"] = [new Message("Không có hình thức khen thưởng này.")];
            if (!published.Contains(input.Awards[i].WorkflowDefinitionId))
                errors[$"awards[{i}].workflowDefinitionId"] = [workflowNames.TryGetValue(input.Awards[i].WorkflowDefinitionId, out var workflowName)
                    ? new Message("Quy trình “{0}” chưa có phiên bản được ban hành.", workflowName)
                    : new Message("Không có quy trình này.")];
        }

        Campaign campaign;
        object? before = null;
        if (request.CampaignId is { } id)
        {
            campaign = await db.Campaigns.SingleOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new NotFoundException(Things.Campaign);
            before = Snapshot(campaign);
            var removed = campaign.Awards.Select(a => a.AwardFormId).Except(formIds).ToList();
            if (removed.Count > 0 && await db.Nominations.AnyAsync(n => n.CampaignId == id && removed.Contains(n.AwardFormId), cancellationToken))
                errors["awards"] = [new Message("Không bỏ được hình thức khen thưởng đã có hồ sơ đề nghị trong phong trào này.")];
        }
        else
        {
            campaign = new Campaign(input.Code, input.Name.Trim(), input.Type, input.PeriodStart, input.PeriodEnd, input.DossierOpen, input.DossierClose);
            db.Campaigns.Add(campaign);
        }
        if (errors.Count > 0)
            throw new InputException(errors);

        campaign.Edit(input.Code, input.Name.Trim(), input.Type, input.PeriodStart, input.PeriodEnd, input.DossierOpen, input.DossierClose,
            string.IsNullOrWhiteSpace(input.PlanReference) ? null : input.PlanReference.Trim());
        campaign.ReplaceAwards(input.Awards.Select(a => new CampaignAward(a.AwardFormId, a.WorkflowDefinitionId, a.QuotaCollectives, a.QuotaIndividuals)));
        await audit.RecordAsync(AdminAccess.CampaignsStream, request.CampaignId is null ? "campaign.created" : "campaign.changed",
            data: new { campaign.Id, Before = before, After = Snapshot(campaign) }, cancellationToken: cancellationToken);
        return campaign.Id;
    }

    private static object Snapshot(Campaign c) => new
    {
        c.Code, c.Name, Type = c.Type.ToString(), c.PlanReference, c.PeriodStart, c.PeriodEnd, c.DossierOpen, c.DossierClose,
        Awards = c.Awards.Select(a => new { a.AwardFormId, a.WorkflowDefinitionId, a.QuotaCollectives, a.QuotaIndividuals }).ToList(),
    };
}
