using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Commendations.Web.Contracts;

/// <summary>
/// The OpenAPI document says what <see cref="StrictJson"/> enforces: text is a string (the control-character converter
/// would otherwise hide the type), and a field is required exactly when the reader requires it.
/// </summary>
public static class StrictSchemas
{
    public static Task Apply(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var nullable = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type);
        var type = nullable ?? context.JsonTypeInfo.Type;
        // A text field's nullability comes from its annotation (string? may be null or left out), as the reader applies it.
        var property = context.JsonPropertyInfo;
        var annotatedNullable = property is not null && (property.AssociatedParameter?.IsNullable ?? property.IsSetNullable);
        var orNull = nullable is not null || annotatedNullable ? JsonSchemaType.Null : (schema.Type ?? 0) & JsonSchemaType.Null;
        if (type == typeof(string))
            schema.Type = JsonSchemaType.String | orNull;
        else if (type == typeof(DateOnly))
            (schema.Type, schema.Format) = (JsonSchemaType.String | orNull, "date");
        else if (type == typeof(DateTimeOffset) || type == typeof(DateTime))
            (schema.Type, schema.Format) = (JsonSchemaType.String | orNull, "date-time");
        else if (context.JsonTypeInfo.Kind == System.Text.Json.Serialization.Metadata.JsonTypeInfoKind.Object && schema.Properties is { Count: > 0 })
        {
            schema.Required = context.JsonTypeInfo.Properties.Where(p => p.IsRequired).Select(p => p.Name).ToHashSet();
            schema.AdditionalPropertiesAllowed = false;
        }
        return Task.CompletedTask;
    }
}
