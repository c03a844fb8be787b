using Commendations.Common.Errors;
using Commendations.Features.Imports;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Commendations.Web.Api;

/// <summary>
/// A unit's nominee list from Excel: the campaign's template, then one upload endpoint — <c>commit=false</c> (default)
/// previews (200, rows and every problem), <c>commit=true</c> imports all rows as drafts (201) or nothing (400 with every
/// problem by <c>rows[N].column</c>). Nothing is kept between the two: the file is sent again to commit.
/// </summary>
public static class ImportEndpoints
{
    public static void MapImportEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/campaigns/{id:guid}/imports").WithTags("Imports");

        group.MapGet("/template", async (IMediator m, Guid id, CancellationToken ct) =>
            ExportEndpoints.File(await m.Send(new GetNomineeListTemplate(id), ct)))
            .ProducesFile(FileResponses.Xlsx)
            .WithSummary("The .xlsx template of a nominee list for the campaign, with its dropdowns and instructions");

        group.MapPost("/", async (IMediator m, Guid id, IFormFile? file, [FromQuery] bool? commit, CancellationToken ct) =>
            {
                if (file is null)
                    throw new InputException("file", new Common.Text.Message("Chọn tệp Excel (.xlsx) để tải lên."));
                if (file.Length > ImportNomineeList.MaxBytes)
                    throw new InputException("file", new Common.Text.Message("Tệp lớn hơn {0} MB.", ImportNomineeList.MaxBytes / 1024 / 1024));
                await using var stream = new MemoryStream();
                await file.CopyToAsync(stream, ct);
                var outcome = await m.Send(new ImportNomineeList(id, file.FileName, stream.ToArray(), commit ?? false), ct);
                return outcome.Imported ? Results.Created($"/api/nominations?campaignId={id}", outcome) : Results.Ok(outcome);
            })
            // API clients authenticate with bearer tokens; the browser page posts its own form with an anti-forgery token.
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(ImportNomineeList.MaxBytes + 1024 * 1024))
            .Produces<ImportOutcome>()
            .Produces<ImportOutcome>(StatusCodes.Status201Created)
            .WithSummary("Preview a filled nominee list (every problem by row and column), or import it all or nothing as drafts");
    }
}
