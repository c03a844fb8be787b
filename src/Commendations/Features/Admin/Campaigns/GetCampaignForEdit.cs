using Commendations.Common.Text;
using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Domain.Campaigns;
using Commendations.Domain.Workflows;
using Commendations.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Admin.Campaigns;

/// <summary>A campaign as its editor shows it (award forms by id), and the choices the editor offers.</summary>
[Allowed(Roles.Administrator)]
public sealed record GetCampaignForEdit(Guid? CampaignId) : IQuery<CampaignEditor>;

public sealed record CampaignEditor(CampaignInput? Campaign, IReadOnlyList<AwardFormChoice> AwardForms, IReadOnlyList<WorkflowChoice> PublishedWorkflows);

/// <summary>A published route an award can follow: its id (what is saved) and the name of its version in force (what is shown).</summary>
public sealed record WorkflowChoice(string Id, string Name);

public sealed record AwardFormChoice(Guid Id, string Code, string Name);

/// <summary>What an administrator saves (create when <c>Id</c> is null).</summary>
public sealed record CampaignInput(string Code, string Name, CampaignType Type, string? PlanReference, DateOnly PeriodStart,
    DateOnly PeriodEnd, DateOnly DossierOpen, DateOnly DossierClose, IReadOnlyList<CampaignAwardInput> Awards);

public sealed record CampaignAwardInput(Guid AwardFormId, string WorkflowDefinitionId, int? QuotaCollectives, int? QuotaIndividuals);

public sealed class GetCampaignForEditHandler(CommendationsDbContext db) : IRequestHandler<GetCampaignForEdit, CampaignEditor>
{
    public async Task<CampaignEditor> Handle(GetCampaignForEdit request, CancellationToken cancellationToken)
    {
        CampaignInput? input = null;
        if (request.CampaignId is { } id)
        {
            var c = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, cancellationToken)
                    ?? throw new NotFoundException(Things.Campaign);
            input = new CampaignInput(c.Code, c.Name, c.Type, c.PlanReference, c.PeriodStart, c.PeriodEnd, c.DossierOpen, c.DossierClose,
                c.Awards.Select(a => new CampaignAwardInput(a.AwardFormId, a.WorkflowDefinitionId, a.QuotaCollectives, a.QuotaIndividuals)).ToList());
        }
        var forms = await db.AwardForms.AsNoTracking().OrderBy(a => a.Code).Select(a => new AwardFormChoice(a.Id, a.Code, a.Name)).ToListAsync(cancellationToken);
        var published = await db.WorkflowDefinitions.AsNoTracking().Where(d => d.Status == DefinitionStatus.Published)
            .Select(d => new { d.DefinitionId, d.Version, d.Name }).ToListAsync(cancellationToken);
        var workflows = published.GroupBy(d => d.DefinitionId).Select(g => g.MaxBy(d => d.Version)!)
            .Select(d => new WorkflowChoice(d.DefinitionId, d.Name)).OrderBy(w => w.Name, StringComparer.Create(Languages.Vietnamese, true)).ToList();
        return new CampaignEditor(input, forms, workflows);
    }
}
