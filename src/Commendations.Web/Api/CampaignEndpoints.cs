using Commendations.Features.Campaigns;
using MediatR;

namespace Commendations.Web.Api;

public static class CampaignEndpoints
{
    public static void MapCampaignEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/campaigns").WithTags("Campaigns");
        group.MapGet("/", (IMediator m, CancellationToken ct) => m.Send(new ListCampaigns(), ct))
            .WithSummary("Campaigns the caller may propose in or follow");
        group.MapGet("/{id:guid}/progress", (IMediator m, Guid id, CancellationToken ct) => m.Send(new GetCampaignProgress(id), ct))
            .WithSummary("A campaign's progress: nominations per step and unit");
        // The commendation office's appraisal report to the leader, as a PDF or an editable .docx draft.
        group.MapGet("/{id:guid}/appraisal-report.{format}", async (IMediator m, Guid id, string format, Guid? awardFormId, CancellationToken ct) =>
            ExportEndpoints.File(await m.Send(new Commendations.Features.Documents.Appraisal.GetAppraisalReportDocument(id, awardFormId, format), ct)))
            .ProducesFile(FileResponses.Pdf, FileResponses.Docx)
            .WithSummary("A campaign's appraisal report (báo cáo kết quả thẩm định) as PDF or .docx");
    }
}
