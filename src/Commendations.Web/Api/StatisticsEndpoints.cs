using Commendations.Features.Statistics;
using MediatR;

namespace Commendations.Web.Api;

/// <summary>The yearly commendation statistics: on screen (JSON) and as a workbook in the statutory forms' layout.</summary>
public static class StatisticsEndpoints
{
    public static void MapStatisticsEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/statistics").WithTags("Statistics");
        group.MapGet("/", (IMediator m, int year, Guid? unitId, CancellationToken ct) => m.Send(new GetStatistics(year, unitId), ct))
            .WithSummary("Commendation statistics of a reporting year for the province or one unit, from the registry");
        group.MapGet("/xlsx", async (IMediator m, int year, Guid? unitId, CancellationToken ct) =>
            ExportEndpoints.File(await m.Send(new ExportStatistics(year, unitId), ct)))
            .ProducesFile(FileResponses.Xlsx)
            .WithSummary("The same statistics as an .xlsx workbook in the report forms' layout");
    }
}
