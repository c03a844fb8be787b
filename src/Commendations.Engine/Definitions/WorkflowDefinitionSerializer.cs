using System.Security.Cryptography;
using System.Text.Json;

namespace Commendations.Engine;

/// <summary>Canonical JSON of a definition and its content hash.</summary>
public static class WorkflowDefinitionSerializer
{
    /// <summary>
    /// Canonical JSON: indented (2 spaces), camelCase, properties in model order, nulls omitted, layout keys sorted.
    /// Parsing the output gives an equal definition.
    /// </summary>
    public static string Serialize(WorkflowDefinition definition) =>
        JsonSerializer.Serialize(Canonical(definition), WorkflowJson.Options);

    /// <summary>Lowercase hex SHA-256 of the compact canonical JSON without the layout: equal for semantically equal documents.</summary>
    public static string ContentHash(WorkflowDefinition definition)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(definition with { Layout = null }, WorkflowJson.Compact);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    private static WorkflowDefinition Canonical(WorkflowDefinition definition) =>
        definition.Layout is null
            ? definition
            : definition with { Layout = new SortedDictionary<string, LayoutPosition>(definition.Layout.ToDictionary(), StringComparer.Ordinal) };
}
