using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Html;

namespace Commendations.Web.Ui;

/// <summary>
/// JSON placed inside a <c>&lt;script type="application/json"&gt;</c> block and read with JSON.parse. Every &lt;, &gt;, &amp;
/// and quote inside strings is written as a \u escape, so no text of a definition (<c>&lt;/script&gt;</c>,
/// <c>&lt;!--&lt;script&gt;</c>) can end the block or change how the HTML parser reads it. Vietnamese letters stay readable.
/// </summary>
public static class JsonForHtml
{
    public static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = Options.Encoder };

    public static IHtmlContent Serialize<T>(T value) => new HtmlString(JsonSerializer.Serialize(value, Options));

    /// <summary>Re-writes stored JSON text (a definition, a scenario) with the same values and the safe escaping.</summary>
    public static IHtmlContent Embed(string json)
    {
        using var document = JsonDocument.Parse(json);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            document.WriteTo(writer);
        return new HtmlString(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
