using System.Text.Json;
using System.Text.Json.Serialization;

namespace Commendations.Engine;

/// <summary>
/// Text a person reads (a step's title, an action's label), in Vietnamese and optionally English. In JSON it is a string
/// (Vietnamese only) or <c>{ "vi": "...", "en": "..." }</c>. Without English it is written back as a plain string, so
/// documents written before English existed keep their canonical form and their content hash.
/// </summary>
[JsonConverter(typeof(LocalizedTextConverter))]
public sealed record LocalizedText
{
    public LocalizedText(string vi, string? en = null)
    {
        Vi = vi;
        En = string.IsNullOrWhiteSpace(en) ? null : en;
    }

    public string Vi { get; }
    public string? En { get; }

    /// <summary>The text in <paramref name="language"/> (two-letter code): English when asked and written, else Vietnamese.</summary>
    public string In(string language) => language == "en" && En is not null ? En : Vi;

    public static implicit operator LocalizedText(string vi) => new(vi);

    public override string ToString() => Vi;
}

/// <summary>Reads a string or a <c>{ vi, en }</c> object strictly; writes a string when there is no English.</summary>
public sealed class LocalizedTextConverter : JsonConverter<LocalizedText>
{
    private const string NotText = "Văn bản hiển thị phải là một chuỗi hoặc một đối tượng có \"vi\" và \"en\".";
    private const string NoVietnamese = "Văn bản hiển thị cần có tiếng Việt (\"vi\").";

    /// <summary>The sentences this converter refuses with (the parser reports them as they are).</summary>
    public static IReadOnlySet<string> Refusals { get; } = new HashSet<string> { NotText, NoVietnamese };

    public override LocalizedText Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
            return new LocalizedText(reader.GetString()!);
        if (reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException(NotText);
        string? vi = null, en = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            if (reader.TokenType != JsonTokenType.String)
                throw new JsonException(NotText);
            switch (name)
            {
                case "vi" when vi is null: vi = reader.GetString(); break;
                case "en" when en is null: en = reader.GetString(); break;
                default: throw new JsonException($"The JSON property '{name}' could not be mapped to LocalizedText.");
            }
        }
        return vi is null
            ? throw new JsonException(NoVietnamese)
            : new LocalizedText(vi, en);
    }

    public override void Write(Utf8JsonWriter writer, LocalizedText value, JsonSerializerOptions options)
    {
        if (value.En is null)
        {
            writer.WriteStringValue(value.Vi);
            return;
        }
        writer.WriteStartObject();
        writer.WriteString("vi", value.Vi);
        writer.WriteString("en", value.En);
        writer.WriteEndObject();
    }
}
