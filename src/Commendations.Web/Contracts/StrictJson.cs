using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Commendations.Web.Contracts;

/// <summary>
/// Request bodies are read strictly, for every endpoint at once: a field the type does not have is refused, a
/// non-nullable field must be sent (a nullable one or one with a default may be left out), null is refused where the
/// type says it cannot be null, enums are their names only (never numbers), and text may not hold control characters.
/// Before this a ballot sent as <c>{}</c> or <c>{"choise":"No"}</c> was read as the enum's first value, Yes.
/// </summary>
public static class StrictJson
{
    public static void Apply(JsonSerializerOptions options)
    {
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.RespectNullableAnnotations = true;
        options.AllowTrailingCommas = false;
        options.ReadCommentHandling = JsonCommentHandling.Disallow;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
        options.Converters.Add(new TextWithoutControlCharactersConverter());
        DatesInRangeConverters.AddTo(options.Converters);
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(RequireNonNullableMembers);
    }

    /// <summary>
    /// A constructor parameter without a default whose type cannot be null is required. Responses are written leniently
    /// (IsGetNullable), so a response type's annotation can never turn an answer into a 500.
    /// </summary>
    private static void RequireNonNullableMembers(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object)
            return;
        foreach (var property in type.Properties)
        {
            if (!property.PropertyType.IsValueType)
                property.IsGetNullable = true;
            // Types without setters (anonymous response types) are only ever written.
            if (property.AssociatedParameter is { } parameter && property.Set is not null)
                property.IsRequired |= !parameter.HasDefaultValue && !parameter.IsNullable;
        }
    }
}
