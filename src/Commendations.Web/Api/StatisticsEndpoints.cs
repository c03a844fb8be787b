using System.Globalization;
using Commendations.Features.Statistics;
using MediatR;

namespace Commendations.Web.Api;

/// <summary>The yearly commendation statistics: on screen (JSON) and as a workbook in the statutory forms' layout.</summary>
public static class StatisticsEndpoints
{
    public static void MapStatisticsEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/statistics").WithTags("Statistics");
        group.MapGet("/", async (IMediator m, int year, Guid? unitId, CancellationToken ct) =>
                StatisticsView.Of(await m.Send(new GetStatistics(year, unitId), ct), CultureInfo.CurrentUICulture))
            .Produces<StatisticsView>()
            .WithSummary("Commendation statistics of a reporting year for the province or one unit, from the registry: forms 0601.N, 0602.N and 0603.N of Circular 02/2023/TT-BNV and two annexes");
        group.MapGet("/xlsx", async (IMediator m, int year, Guid? unitId, CancellationToken ct) =>
            ExportEndpoints.File(await m.Send(new ExportStatistics(year, unitId), ct)))
            .ProducesFile(FileResponses.Xlsx)
            .WithSummary("The same statistics as an .xlsx workbook in the report forms' layout");
    }
}
