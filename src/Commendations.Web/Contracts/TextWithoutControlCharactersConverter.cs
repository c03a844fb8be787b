using System.Text.Json;
using System.Text.Json.Serialization;

namespace Commendations.Web.Contracts;

/// <summary>Every string read from a JSON body (values and dictionary keys) is checked for control characters.</summary>
public sealed class TextWithoutControlCharactersConverter : JsonConverter<string>
{
    public const string Problem = "control-characters";

    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Checked(reader.GetString());

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Checked(reader.GetString())!;

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value);

    private static string? Checked(string? text) =>
        ControlCharacters.Contains(text) ? throw new JsonException(Problem) : text;
}
