using Commendations.Common.Errors;
using Commendations.Features.Exports;
using Commendations.Features.Registry;
using MediatR;

namespace Commendations.Web.Api;

/// <summary>Spreadsheet downloads: <c>?format=xlsx</c> (default) or <c>?format=csv</c>.</summary>
public static class ExportEndpoints
{
    public static void MapExportEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/exports").WithTags("Exports");

        group.MapGet("/campaigns/{id:guid}/nominations", async (IMediator m, Guid id, string? format, CancellationToken ct) =>
            File(await m.Send(new ExportCampaignNominations(id, Parse(format)), ct)))
            .ProducesFile(FileResponses.Xlsx, FileResponses.Csv)
            .WithSummary("Export a campaign's nominations as .xlsx or CSV");

        group.MapGet("/registry", async (IMediator m, string? person, string? collective, Guid? unitId, string? awardForm, string? campaign,
                int? year, string? decision, bool? includeRevoked, string? format, CancellationToken ct) =>
            File(await m.Send(new ExportRegistry(new SearchRegistry(person, collective, unitId, awardForm, campaign, year, decision,
                includeRevoked ?? true, 1, SearchRegistry.MaxPageSize), Parse(format)), ct)))
            .ProducesFile(FileResponses.Xlsx, FileResponses.Csv)
            .WithSummary("Export the registry of awards as .xlsx or CSV, filtered like the search");
    }

    public static IResult File(ExportFile file) => TypedResults.File(file.Content, file.ContentType, file.FileName);

    public static ExportFormat Parse(string? format) => format?.Trim().ToLowerInvariant() switch
    {
        null or "" or "xlsx" => ExportFormat.Xlsx,
        "csv" => ExportFormat.Csv,
        _ => throw new InputException("format", new Common.Text.Message("Chọn định dạng xlsx hoặc csv.")),
    };
}
