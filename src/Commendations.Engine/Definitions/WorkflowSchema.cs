using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;

namespace Commendations.Engine;

/// <summary>Generates <c>workflows/schema.json</c> from the C# model with the framework's <see cref="JsonSchemaExporter"/>.</summary>
public static class WorkflowSchema
{
    public static string Generate()
    {
        var exporterOptions = new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            // A custom converter hides the shape from the exporter: say what LocalizedTextConverter reads.
            TransformSchemaNode = (context, node) => context.TypeInfo.Type == typeof(LocalizedText) ? LocalizedTextSchema() : node,
        };
        var schema = WorkflowJson.Options.GetJsonSchemaAsNode(typeof(WorkflowDefinition), exporterOptions);
        if (schema is JsonObject root)
        {
            var ordered = new JsonObject
            {
                ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
                ["$id"] = "https://commendations.example/workflows/schema.json",
                ["title"] = "Commendations workflow definition",
                ["description"] = "Generated from Commendations.Engine.WorkflowDefinition by JsonSchemaExporter; do not edit by hand.",
            };
            foreach (var (name, value) in root.ToList())
            {
                root.Remove(name);
                ordered[name] = value;
            }
            schema = ordered;
        }
        return schema.ToJsonString(new JsonSerializerOptions { WriteIndented = true, IndentSize = 2, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    private static JsonNode LocalizedTextSchema() => new JsonObject
    {
        ["description"] = "Text people read: a string (Vietnamese), or Vietnamese and English.",
        ["anyOf"] = new JsonArray(
            new JsonObject { ["type"] = "string" },
            new JsonObject
            {
                ["type"] = "object",
                ["properties"] = new JsonObject { ["vi"] = new JsonObject { ["type"] = "string" }, ["en"] = new JsonObject { ["type"] = "string" } },
                ["required"] = new JsonArray("vi"),
                ["additionalProperties"] = false,
            }),
    };
}
