using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Common.Text;
using Commendations.Features.Exports;
using Commendations.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Imports;

/// <summary>The nominee-list template of a campaign, its dropdown offering the award forms the campaign allows.</summary>
[Allowed(Roles.EmulationOfficer)]
public sealed record GetNomineeListTemplate(Guid CampaignId) : IQuery<ExportFile>;

public sealed class GetNomineeListTemplateHandler(CommendationsDbContext db) : IRequestHandler<GetNomineeListTemplate, ExportFile>
{
    public async Task<ExportFile> Handle(GetNomineeListTemplate request, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == request.CampaignId, cancellationToken)
                       ?? throw new NotFoundException(Things.Campaign);
        var allowed = campaign.Awards.Select(a => a.AwardFormId).ToList();
        var forms = await db.AwardForms.AsNoTracking().Where(f => allowed.Contains(f.Id)).OrderBy(f => f.Name).ToListAsync(cancellationToken);
        return new ExportFile(NomineeListTemplate.Write(campaign.Name, forms), Exporter.XlsxContentType, $"mau-danh-sach-{campaign.Code}.xlsx");
    }
}
