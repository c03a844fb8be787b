using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Commendations.Web.Contracts;

/// <summary>
/// Declares in the OpenAPI document the refusals every operation can answer with, all as the one ProblemDetails shape
/// (<c>code</c>, <c>field</c>, a title in the reader's language). They follow from the endpoint itself, so an endpoint
/// added later is described without anyone remembering to: 400 when it reads input, 401/403 when it needs a signed-in
/// user, 404 when its path names something, 409/422 when it changes state, 503 always (the database may be away).
/// An endpoint that refuses otherwise (429 of the rate-limited public comments) says so with <c>ProducesProblem</c>.
/// </summary>
public static class ProblemResponses
{
    public const string SchemaName = "Problem";

    public static Task Apply(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        if (description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) != true)
            return Task.CompletedTask;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        // Without [AllowAnonymous] the fallback policy asks for a signed-in user, also where no policy is named.
        var signedIn = !metadata.OfType<IAllowAnonymous>().Any();
        var readsInput = description.ParameterDescriptions.Any(p => p.Source.Id is "Body" or "Form" or "Query" or "Path" or "FormFile");
        var namesSomething = description.RelativePath.Contains('{');
        var changesState = description.HttpMethod is not "GET";

        var statuses = new List<int>();
        if (readsInput)
            statuses.Add(StatusCodes.Status400BadRequest);
        if (signedIn)
            statuses.AddRange([StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden]);
        if (namesSomething)
            statuses.Add(StatusCodes.Status404NotFound);
        if (changesState)
            statuses.AddRange([StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity]);
        statuses.Add(StatusCodes.Status503ServiceUnavailable);

        EnsureSchema(context.Document!);
        operation.Responses ??= [];
        foreach (var status in statuses)
        {
            var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (operation.Responses.TryGetValue(key, out var declared) && declared.Content is { Count: > 0 })
                continue;
            operation.Responses[key] = new OpenApiResponse
            {
                Description = Descriptions.GetValueOrDefault(status, "Refused"),
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(SchemaName, context.Document) },
                },
            };
        }
        // Responses the endpoint declared itself with ProducesProblem (e.g. 429) get the same shape.
        foreach (var (_, response) in operation.Responses.Where(r => r.Key.StartsWith('4') || r.Key.StartsWith('5')))
        {
            if (response is OpenApiResponse { Content: not null } concrete && concrete.Content.TryGetValue("application/problem+json", out var media))
                media.Schema = new OpenApiSchemaReference(SchemaName, context.Document);
        }
        return Task.CompletedTask;
    }

    private static readonly Dictionary<int, string> Descriptions = new()
    {
        [400] = "Invalid input: the field and why (code invalid-input or a field's own code)",
        [401] = "Not signed in",
        [403] = "The caller's role or unit may not do this",
        [404] = "Nothing with this id the caller may see",
        [409] = "In conflict with the current state (changed meanwhile, already done)",
        [422] = "Understood but refused by a rule (the code names the rule; see docs/refusals.md)",
        [503] = "The database is unavailable; try again later",
    };

    private static void EnsureSchema(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        if (document.Components.Schemas.ContainsKey(SchemaName))
            return;
        static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };
        document.Components.Schemas[SchemaName] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "RFC 9457 problem details, with the refusal's code and the field it concerns",
            Required = new HashSet<string> { "title", "status", "code" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = Text("A link describing the kind of problem"),
                ["title"] = Text("What went wrong, in the reader's language (Accept-Language: vi default, en)"),
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
                ["detail"] = Text("More about this occurrence, in the reader's language"),
                ["code"] = Text("A stable code for programs (see docs/refusals.md)"),
                ["field"] = Text("The input field concerned, as a JSON path, when there is one"),
                ["errors"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Description = "Every invalid field with its messages, when input was invalid",
                    AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
                },
                ["traceId"] = Text("The request's trace id, to quote to support"),
            },
        };
    }
}
