using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Commendations.Web.Tests.Contracts;

/// <summary>One operation of the app's OpenAPI document, with its parameters and body schema ($refs resolved on demand).</summary>
public sealed record ApiOperation(string Method, string Path, IReadOnlyList<ApiParameter> Parameters, string? BodyContentType, JsonObject? BodySchema, bool BodyRequired)
{
    public string Name => $"{Method} {Path}";

    public bool ChangesState => Method != "GET";

    public override string ToString() => Name;
}

public sealed record ApiParameter(string Name, string In, JsonObject Schema, bool Required);

/// <summary>Reads the OpenAPI document the app serves (so every endpoint it maps is walked, none forgotten).</summary>
public sealed class OpenApiDocument(JsonObject document)
{
    public IReadOnlyList<ApiOperation> Operations { get; } = Read(document);

    public static async Task<OpenApiDocument> LoadAsync(HttpClient client) =>
        new((await client.GetFromJsonAsync<JsonObject>("/api/openapi/v1.json"))!);

    /// <summary>The schema with its $ref (and a nullable oneOf wrapper) followed.</summary>
    public JsonObject Resolve(JsonObject schema)
    {
        while (true)
        {
            if (schema["$ref"]?.GetValue<string>() is { } reference)
            {
                schema = document["components"]!["schemas"]![reference.Split('/')[^1]]!.AsObject();
                continue;
            }
            if (schema["oneOf"] is JsonArray oneOf && oneOf.OfType<JsonObject>().FirstOrDefault(s => s["type"]?.ToString() != "null") is { } notNull)
            {
                schema = notNull;
                continue;
            }
            return schema;
        }
    }

    /// <summary>The properties of an object schema, including those spread over allOf (multipart forms).</summary>
    public IEnumerable<(string Name, JsonObject Schema, bool Required)> Properties(JsonObject schema)
    {
        schema = Resolve(schema);
        var required = (schema["required"] as JsonArray)?.Select(r => r!.GetValue<string>()).ToHashSet() ?? [];
        var parts = (schema["allOf"] as JsonArray)?.OfType<JsonObject>().Append(schema) ?? [schema];
        foreach (var part in parts)
        {
            if (Resolve(part)["properties"] is not JsonObject properties)
                continue;
            foreach (var (name, value) in properties)
                yield return (name, value!.AsObject(), required.Contains(name));
        }
    }

    public static string? TypeOf(JsonObject schema) => schema["type"] switch
    {
        JsonArray types => types.Select(t => t!.GetValue<string>()).FirstOrDefault(t => t != "null"),
        JsonValue type => type.GetValue<string>(),
        _ => null,
    };

    private static List<ApiOperation> Read(JsonObject document)
    {
        var operations = new List<ApiOperation>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var parameters = (operation!["parameters"] as JsonArray ?? [])
                    .Select(p => new ApiParameter(p!["name"]!.GetValue<string>(), p["in"]!.GetValue<string>(),
                        p["schema"]?.AsObject() ?? [], p["required"]?.GetValue<bool>() == true))
                    .ToList();
                var content = operation["requestBody"]?["content"]?.AsObject();
                var (contentType, schema) = content?.FirstOrDefault() is { Key: { } key } first
                    ? (key, first.Value?["schema"]?.AsObject())
                    : (null, null);
                var bodyRequired = operation["requestBody"]?["required"]?.GetValue<bool>() == true;
                operations.Add(new ApiOperation(method.ToUpperInvariant(), path, parameters, contentType, schema, bodyRequired));
            }
        }
        return operations;
    }
}
