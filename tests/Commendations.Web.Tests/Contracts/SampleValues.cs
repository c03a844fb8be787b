using System.Text.Json.Nodes;

namespace Commendations.Web.Tests.Contracts;

/// <summary>A well-formed value for any schema of the document: enough to bind, so what answers next is the app's own rules.</summary>
public sealed class SampleValues(OpenApiDocument document)
{
    public JsonNode? For(JsonObject schema, int depth = 0)
    {
        schema = document.Resolve(schema);
        if (schema["enum"] is JsonArray values)
            return values.First(v => v is not null)!.DeepClone();
        var type = OpenApiDocument.TypeOf(schema);
        if (type is null && (schema["properties"] is not null || schema["allOf"] is not null))
            type = "object";
        return type switch
        {
            "object" when depth < 6 => Object(schema, depth),
            "object" => new JsonObject(),
            "array" when schema["items"] is JsonObject items => new JsonArray(For(items, depth + 1)),
            "array" => new JsonArray(),
            "integer" => 1,
            "number" => 1,
            "boolean" => false,
            "string" => schema["format"]?.GetValue<string>() switch
            {
                "uuid" => Guid.NewGuid().ToString(),
                "date" => "2026-12-01",
                "date-time" => "2026-12-01T09:00:00+07:00",
                _ => "Văn bản mẫu",
            },
            // A schema that says nothing (free JSON, e.g. a simulation scenario) takes an object.
            _ => new JsonObject(),
        };
    }

    private JsonObject Object(JsonObject schema, int depth)
    {
        var result = new JsonObject();
        foreach (var (name, property, _) in document.Properties(schema))
            result[name] = For(property, depth + 1);
        return result;
    }

    /// <summary>A route or query value of the parameter's type.</summary>
    public string Text(JsonObject schema) => For(schema) switch
    {
        JsonValue value => value.ToString(),
        var other => other?.ToJsonString() ?? "",
    };
}
