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
                .Matches("^[A-Z0-9][A-Z0-9-]*$").WithMessage("Use capital letters, digits and hyphens, e.g. PT-2026-QCDC.")
                .OverridePropertyName("code");
            RuleFor(c => c.Campaign.Name).NotEmpty().MaximumLength(500).OverridePropertyName("name");
            RuleFor(c => c.Campaign.Type).IsInEnum().OverridePropertyName("type");
            RuleFor(c => c.Campaign.PlanReference).MaximumLength(100).OverridePropertyName("planReference");
            RuleFor(c => c.Campaign.PeriodStart).NotEmpty().OverridePropertyName("periodStart");
            RuleFor(c => c.Campaign.PeriodEnd).NotEmpty()
                .GreaterThanOrEqualTo(c => c.Campaign.PeriodStart).WithMessage("The period ends on or after its start.")
                .OverridePropertyName("periodEnd");
            RuleFor(c => c.Campaign.DossierOpen).NotEmpty()
                .GreaterThanOrEqualTo(c => c.Campaign.PeriodStart).WithMessage("The dossier window opens on or after the period starts.")
                .OverridePropertyName("dossierOpen");
            RuleFor(c => c.Campaign.DossierClose).NotEmpty()
                .GreaterThanOrEqualTo(c => c.Campaign.DossierOpen).WithMessage("The dossier window closes on or after it opens.")
                .LessThanOrEqualTo(c => c.Campaign.PeriodEnd.AddYears(1)).WithMessage("The dossier window closes at most a year after the period ends.")
                .OverridePropertyName("dossierClose");
            RuleFor(c => c.Campaign.Awards).NotEmpty().WithMessage("Allow at least one award form.")
                .Must(a => a is null || a.Select(x => x.AwardFormId).Distinct().Count() == a.Count).WithMessage("Each award form is allowed once.")
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
        var errors = new Dictionary<string, string[]>();
        if (await db.Campaigns.AnyAsync(c => c.Code == input.Code && c.Id != request.CampaignId, cancellationToken))
            errors["code"] = [$"A campaign with code '{input.Code}' already exists."];
        var formIds = input.Awards.Select(a => a.AwardFormId).ToList();
        var known = await db.AwardForms.Where(a => formIds.Contains(a.Id)).Select(a => a.Id).ToListAsync(cancellationToken);
        var workflowIds = input.Awards.Select(a => a.WorkflowDefinitionId).Distinct().ToList();
        var published = await db.WorkflowDefinitions.Where(d => workflowIds.Contains(d.DefinitionId) && d.Status == DefinitionStatus.Published)
            .Select(d => d.DefinitionId).Distinct().ToListAsync(cancellationToken);
        for (var i = 0; i < input.Awards.Count; i++)
        {
            if (!known.Contains(input.Awards[i].AwardFormId))
                errors[$"awards[{i}].awardFormId"] = ["This award form does not exist."];
            if (!published.Contains(input.Awards[i].WorkflowDefinitionId))
                errors[$"awards[{i}].workflowDefinitionId"] = [$"Workflow '{input.Awards[i].WorkflowDefinitionId}' has no published version."];
        }

        Campaign campaign;
        object? before = null;
        if (request.CampaignId is { } id)
        {
            campaign = await db.Campaigns.SingleOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new NotFoundException("Campaign", id);
            before = Snapshot(campaign);
            var removed = campaign.Awards.Select(a => a.AwardFormId).Except(formIds).ToList();
            if (removed.Count > 0 && await db.Nominations.AnyAsync(n => n.CampaignId == id && removed.Contains(n.AwardFormId), cancellationToken))
                errors["awards"] = ["An award form that already has nominations in this campaign cannot be removed."];
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
