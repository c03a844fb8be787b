using System.Text;
using System.Text.Json.Nodes;
using Commendations.Common.Errors;
using Commendations.Features.Definitions;
using Commendations.Features.Definitions.Bpmn;
using MediatR;

namespace Commendations.Web.Api;

/// <summary>Administrators manage workflow definitions: versions, drafts, validation, diff, simulation, publication, migration.</summary>
public static class DefinitionEndpoints
{
    public sealed record DraftBody(int? FromVersion);
    public sealed record NewDefinitionBody(string DefinitionId, string Name, string TemplateKey, string? AwardFormCode = null);
    public sealed record SaveBody(string Content, uint RowVersion);
    public sealed record ContentBody(string Content);
    public sealed record ScenarioBody(string Name, JsonNode Scenario);
    public sealed record MigrationBody(int ToVersion, IReadOnlyList<Guid> NominationIds, Dictionary<string, string>? Mapping, string? Comment);

    public static void MapDefinitionEndpoints(this RouteGroupBuilder api)
    {
        // Administrators only, refused before a body is even read; each use case declares the same.
        var group = api.MapGroup("/definitions").WithTags("Workflow definitions").RequireAuthorization(Auth.Policies.Administrator);

        group.MapGet("/", (IMediator m, CancellationToken ct) => m.Send(new ListDefinitions(), ct))
            .WithSummary("Every route (workflow definition) with its versions");
        group.MapGet("/templates", (IMediator m, CancellationToken ct) => m.Send(new ListDefinitionTemplates(), ct))
            .WithSummary("The templates a new route can start from");
        // What the designer's step panel is built from: the engine's step-type catalogue and the organisation's pickers.
        group.MapGet("/step-types", (IMediator m, CancellationToken ct) => m.Send(new ListStepTypes(), ct))
            .WithSummary("The kinds of step the designer offers, with their settings");
        group.MapGet("/organisation", (IMediator m, CancellationToken ct) => m.Send(new GetDesignerOrganisation(), ct))
            .WithSummary("Units, roles and committees a route can name, for the designer");
        group.MapPost("/", (IMediator m, NewDefinitionBody body, CancellationToken ct) =>
            m.Send(new CreateDefinition(body.DefinitionId ?? "", body.Name ?? "", body.TemplateKey ?? "", body.AwardFormCode), ct))
            .WithSummary("Create a route from a template");
        group.MapGet("/{id}/versions/{version:int}", (IMediator m, string id, int version, CancellationToken ct) => m.Send(new GetDefinitionVersion(id, version), ct))
            .WithSummary("One version of a route, with its content and validation problems");
        group.MapGet("/{id}/versions/{version:int}/export", async (IMediator m, string id, int version, CancellationToken ct) =>
        {
            var view = await m.Send(new GetDefinitionVersion(id, version), ct);
            return TypedResults.File(Encoding.UTF8.GetBytes(view.Content), "application/json", $"{id}.v{version}.json");
        })
            .ProducesFile("application/json")
            .WithSummary("Download one version of a route as a JSON file");
        group.MapGet("/{id}/versions/{version:int}/bpmn", async (IMediator m, string id, int version, CancellationToken ct) =>
            TypedResults.File(await m.Send(new ExportBpmn(id, version), ct), "application/xml", $"{id}-v{version}.bpmn"))
            .ProducesFile("application/xml")
            .WithSummary("Download one version of a route as BPMN 2.0 XML");
        group.MapGet("/{id}/versions/{version:int}/publication-preview", (IMediator m, string id, int version, CancellationToken ct) =>
            m.Send(new PreviewPublication(id, version), ct))
            .WithSummary("What publishing this version would do: changes and running nominations affected");
        group.MapPost("/{id}/drafts", (IMediator m, string id, DraftBody body, CancellationToken ct) => m.Send(new CreateDraft(id, body.FromVersion, null), ct))
            .WithSummary("Start a draft from a published version");
        group.MapPost("/import", async (IMediator m, IFormFile file, CancellationToken ct) =>
        {
            using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8);
            return await m.Send(new ImportDefinition(await reader.ReadToEndAsync(ct)), ct);
        }).DisableAntiforgery()
            .WithSummary("Import a route from a JSON file as a draft");
        group.MapPut("/{id}/versions/{version:int}", (IMediator m, string id, int version, SaveBody body, CancellationToken ct) =>
            m.Send(new SaveDraft(id, version, body.Content, body.RowVersion), ct))
            .WithSummary("Save a draft version");
        group.MapPost("/validate", (IMediator m, ContentBody body, CancellationToken ct) => m.Send(new ValidateDefinition(body.Content), ct))
            .WithSummary("Validate a route's content against the organisation without saving");
        group.MapGet("/{id}/diff", (IMediator m, string id, int from, int to, CancellationToken ct) => m.Send(new DiffVersions(id, from, to), ct))
            .WithSummary("What changed between two versions, step by step");
        group.MapPost("/{id}/versions/{version:int}/simulate", (IMediator m, string id, int version, JsonNode scenario, CancellationToken ct) =>
            m.Send(new SimulateDefinition(id, version, scenario.ToJsonString()), ct))
            .WithSummary("Run a scenario through a version without touching any nomination");
        group.MapGet("/{id}/scenarios", (IMediator m, string id, CancellationToken ct) => m.Send(new ListScenarios(id), ct))
            .WithSummary("A route's saved simulation scenarios");
        group.MapPost("/{id}/scenarios", async (IMediator m, string id, ScenarioBody body, CancellationToken ct) =>
            new IdResponse(await m.Send(new SaveScenario(id, body.Name, body.Scenario.ToJsonString()), ct)))
            .WithSummary("Save a simulation scenario");
        group.MapPost("/{id}/versions/{version:int}/publish", (IMediator m, string id, int version, CancellationToken ct) =>
            m.Send(new PublishDefinition(id, version), ct))
            .WithSummary("Publish a draft version (it applies to new nominations)");
        group.MapPost("/{id}/versions/{version:int}/retire", async (IMediator m, string id, int version, CancellationToken ct) =>
        {
            await m.Send(new RetireDefinition(id, version), ct);
            return TypedResults.NoContent();
        })
            .WithSummary("Retire a version (no new nomination starts on it)");
        group.MapPost("/{id}/versions/{version:int}/rollback", (IMediator m, string id, int version, CancellationToken ct) =>
            m.Send(new RollBackDefinition(id, version), ct))
            .WithSummary("Roll back to an earlier published version");
        group.MapPost("/{id}/migrations/preview", (IMediator m, string id, MigrationBody body, CancellationToken ct) =>
            m.Send(new PreviewMigration(id, body.ToVersion, body.NominationIds ?? [], body.Mapping), ct))
            .WithSummary("Preview moving running nominations to another version");
        group.MapPost("/{id}/migrations", (IMediator m, string id, MigrationBody body, CancellationToken ct) =>
            m.Send(new MigrateSelectedInstances(id, body.ToVersion, body.NominationIds, body.Mapping, body.Comment), ct))
            .WithSummary("Move selected running nominations to another version");
    }
}
