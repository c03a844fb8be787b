using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Commendations.Web.Tests.Contracts;

/// <summary>A request that is wrong in exactly one way, and how.</summary>
public sealed record BadCase(string What, Func<HttpRequestMessage> Request);

/// <summary>
/// Generates, for one operation, requests that a careless client or an attacker would send: empty and non-object
/// bodies, missing required fields, unknown fields, wrong types, control characters, huge text, out-of-range numbers
/// and dates, enum values that are not names — in the body, in forms, in the query string and in the route.
/// </summary>
public sealed class BadInputs(OpenApiDocument document, SampleValues samples, Func<ApiOperation, ApiParameter, string> routeValue)
{
    // Beyond every text limit of the app (the largest, a workflow definition document, is 1,000,000 characters).
    public const int HugeLength = 1_000_001;
    private static readonly string Huge = new('ê', HugeLength);
    private const string WithNul = "Nội dung\u0000ẩn";

    public IEnumerable<BadCase> For(ApiOperation operation)
    {
        foreach (var bad in QueryCases(operation))
            yield return bad;
        foreach (var bad in RouteCases(operation))
            yield return bad;
        if (operation.BodyContentType == "application/json" && operation.BodySchema is { } schema)
        {
            foreach (var bad in JsonCases(operation, schema))
                yield return bad;
        }
        if (operation.BodyContentType == "multipart/form-data" && operation.BodySchema is { } form)
        {
            foreach (var bad in FormCases(operation, form))
                yield return bad;
        }
    }

    private IEnumerable<BadCase> QueryCases(ApiOperation operation)
    {
        foreach (var parameter in operation.Parameters.Where(p => p.In == "query"))
        {
            var schema = document.Resolve(parameter.Schema);
            var values = new List<(string, string)> { ("NUL", WithNul), ("huge", Huge) };
            switch (OpenApiDocument.TypeOf(schema))
            {
                case "integer":
                    values.AddRange([("not a number", "abc"), ("overflow", "99999999999"), ("negative", "-5"), ("far too large", "1000000")]);
                    break;
                case "boolean":
                    values.Add(("not a boolean", "perhaps"));
                    break;
                case "string" when schema["format"]?.GetValue<string>() is "uuid":
                    values.Add(("not a uuid", "123"));
                    break;
            }
            if (schema["enum"] is not null)
                values.AddRange([("enum by number", "1"), ("unknown enum", "Maybe"), ("negative enum", "-1")]);
            foreach (var (what, value) in values)
            {
                var query = Query(operation, parameter.Name, value);
                yield return new BadCase($"query {parameter.Name}: {what}", () => Build(operation, query, null));
            }
        }
    }

    private IEnumerable<BadCase> RouteCases(ApiOperation operation)
    {
        // Only free-text route values (a definition id, a campaign code, a date): typed ones ({id:guid}) never match junk.
        foreach (var parameter in operation.Parameters.Where(p => p.In == "path" && OpenApiDocument.TypeOf(document.Resolve(p.Schema)) is "string" or null
                                                                  && document.Resolve(p.Schema)["format"] is null))
        {
            // NUL itself never reaches the app in a path (Kestrel and the test host refuse it): another control character does.
            foreach (var (what, value) in new[] { ("control character", "ma\u0001so"), ("huge", new string('a', 5000)), ("out of range date", "9999-12-31") })
                yield return new BadCase($"route {parameter.Name}: {what}", () => Build(operation, "", null, (parameter.Name, value)));
        }
    }

    private IEnumerable<BadCase> JsonCases(ApiOperation operation, JsonObject schema)
    {
        var sample = samples.For(schema);
        if (operation.BodyRequired)
        {
            yield return new BadCase("no body", () => Build(operation, "", new StringContent("", Encoding.UTF8, "application/json")));
            yield return new BadCase("body null", () => Build(operation, "", Json("null")));
        }
        yield return new BadCase("body is an array", () => Build(operation, "", Json("[]")));
        yield return new BadCase("body is a number", () => Build(operation, "", Json("42")));
        yield return new BadCase("malformed JSON", () => Build(operation, "", Json("{\"a\":")));
        if (sample is not JsonObject body)
            yield break;
        var required = document.Properties(schema).Where(p => p.Required).Select(p => p.Name).ToList();
        if (required.Count > 0)
        {
            yield return new BadCase("empty object", () => Build(operation, "", Json("{}")));
            foreach (var name in required)
                yield return new BadCase($"{name} missing", () => Build(operation, "", Json(Without(body, name))));
        }
        yield return new BadCase("unknown field", () => Build(operation, "", Json(With(body, "unexpectedField", "x"))));
        yield return new BadCase("misspelt field", () => Build(operation, "", Json(With(body, "choise", "No"))));
        foreach (var (path, value, propertySchema) in Leaves(body, schema))
        {
            foreach (var (what, replacement) in Replacements(propertySchema, value))
                yield return new BadCase($"{path}: {what}", () => Build(operation, "", Json(Replace(body, path, replacement))));
        }
    }

    private IEnumerable<BadCase> FormCases(ApiOperation operation, JsonObject schema)
    {
        var fields = document.Properties(schema).ToList();
        var fileField = fields.FirstOrDefault(f => document.Resolve(f.Schema)["properties"] is null && f.Schema["$ref"]?.ToString().EndsWith("IFormFile") == true).Name
                        ?? fields.FirstOrDefault(f => f.Name == "file").Name;
        var textFields = fields.Where(f => f.Name != fileField).ToList();
        // Written by hand: HttpClient's own multipart content refuses control characters in a file name, a client need not.
        HttpContent Form(Dictionary<string, string> values, string? fileName, bool withFile = true)
        {
            const string boundary = "----bad-input-walk";
            var body = new StringBuilder();
            foreach (var (name, value) in values)
                body.Append($"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n");
            var bytes = new List<byte>(Encoding.UTF8.GetBytes(body.ToString()));
            if (withFile && fileField is not null)
            {
                bytes.AddRange(Encoding.UTF8.GetBytes($"--{boundary}\r\nContent-Disposition: form-data; name=\"{fileField}\"; filename=\"{fileName ?? "mau.pdf"}\"\r\n" +
                                                      "Content-Type: application/pdf\r\n\r\n"));
                bytes.AddRange(Api.ApiJourney.Pdf);
                bytes.AddRange("\r\n"u8.ToArray());
            }
            bytes.AddRange(Encoding.UTF8.GetBytes($"--{boundary}--\r\n"));
            var content = new ByteArrayContent(bytes.ToArray());
            content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={boundary}");
            return content;
        }
        var good = textFields.ToDictionary(f => f.Name, f => samples.Text(f.Schema));
        yield return new BadCase("no form", () => Build(operation, "", new StringContent("", Encoding.UTF8, "application/json")));
        yield return new BadCase("form without the file", () => Build(operation, "", Form(good, null, withFile: false)));
        yield return new BadCase("file name with NUL", () => Build(operation, "", Form(good, "ho\u0000so.pdf")));
        yield return new BadCase("file name huge", () => Build(operation, "", Form(good, new string('a', 5000) + ".pdf")));
        foreach (var field in textFields)
        {
            yield return new BadCase($"form {field.Name} missing", () => Build(operation, "", Form(good.Where(g => g.Key != field.Name).ToDictionary(), null)));
            foreach (var value in new[] { WithNul, Huge, "-1", "Maybe" })
                yield return new BadCase($"form {field.Name}: {Describe(value)}", () => Build(operation, "", Form(new Dictionary<string, string>(good) { [field.Name] = value }, null)));
        }
    }

    private static string Describe(string value) => value.Length > 20 ? "huge" : value.Contains('\0') ? "NUL" : value;

    /// <summary>Each leaf value in the sample body (one level into nested objects and the first array item) with its schema.</summary>
    private IEnumerable<(string Path, JsonNode? Value, JsonObject Schema)> Leaves(JsonObject body, JsonObject schema, string prefix = "", int depth = 0)
    {
        foreach (var (name, propertySchema, _) in document.Properties(schema))
        {
            var path = prefix.Length == 0 ? name : $"{prefix}.{name}";
            var value = body[name];
            yield return (path, value, propertySchema);
            if (depth < 2 && value is JsonObject nested)
            {
                foreach (var leaf in Leaves(nested, propertySchema, path, depth + 1))
                    yield return leaf;
            }
            if (depth < 2 && value is JsonArray { Count: > 0 } array && array[0] is JsonObject item
                && document.Resolve(propertySchema)["items"] is JsonObject itemSchema)
            {
                foreach (var leaf in Leaves(item, itemSchema, path + "[0]", depth + 1))
                    yield return leaf;
            }
        }
    }

    private IEnumerable<(string What, JsonNode? Replacement)> Replacements(JsonObject propertySchema, JsonNode? value)
    {
        var schema = document.Resolve(propertySchema);
        var nullable = propertySchema["oneOf"] is not null || schema["type"] is JsonArray types && types.Any(t => t?.ToString() == "null");
        if (!nullable && schema.Count > 0)
            yield return ("null", null);
        if (schema["enum"] is not null)
        {
            yield return ("unknown enum name", "Maybe");
            yield return ("enum as number", 0);
            yield return ("enum as numeric text", "1");
            yield break;
        }
        switch (OpenApiDocument.TypeOf(schema))
        {
            case "string" when schema["format"]?.GetValue<string>() is "uuid":
                yield return ("not a uuid", "123");
                yield return ("number", 5);
                break;
            case "string" when schema["format"]?.GetValue<string>() is "date" or "date-time":
                yield return ("far future date", schema["format"]!.GetValue<string>() == "date" ? "9999-12-31" : "9999-12-31T00:00:00+07:00");
                yield return ("year one", schema["format"]!.GetValue<string>() == "date" ? "0001-01-01" : "0001-01-01T00:00:00+00:00");
                yield return ("not a date", "31/12/2026");
                break;
            case "string":
                yield return ("NUL character", WithNul);
                yield return ("huge text", Huge);
                yield return ("number instead of text", 123);
                yield return ("object instead of text", new JsonObject());
                break;
            case "integer":
                yield return ("overflow", JsonNode.Parse("99999999999"));
                yield return ("fraction", 1.5);
                yield return ("text instead of number", "x");
                break;
            case "number":
                yield return ("text instead of number", "x");
                yield return ("huge number", JsonNode.Parse("1e300"));
                break;
            case "boolean":
                yield return ("text instead of boolean", "perhaps");
                break;
            case "array":
                yield return ("text instead of list", "x");
                if (schema["items"] is JsonObject items && OpenApiDocument.TypeOf(document.Resolve(items)) == "string" && document.Resolve(items)["format"] is null)
                    yield return ("NUL in a list item", new JsonArray(WithNul));
                break;
            case "object" when value is JsonObject:
                yield return ("text instead of object", "x");
                yield return ("unknown nested field", With(value.AsObject(), "unexpectedField", 1));
                break;
        }
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static StringContent Json(JsonNode node) => Json(node.ToJsonString());

    private static JsonObject Without(JsonObject body, string name)
    {
        var copy = body.DeepClone().AsObject();
        copy.Remove(name);
        return copy;
    }

    private static JsonObject With(JsonObject body, string name, JsonNode? value)
    {
        var copy = body.DeepClone().AsObject();
        copy[name] = value;
        return copy;
    }

    private static JsonNode Replace(JsonObject body, string path, JsonNode? value)
    {
        var copy = body.DeepClone().AsObject();
        JsonNode target = copy;
        var parts = path.Replace("[0]", ".[0]").Split('.');
        foreach (var part in parts[..^1])
            target = part == "[0]" ? target.AsArray()[0]! : target[part]!;
        var last = parts[^1];
        if (last == "[0]")
            target.AsArray()[0] = value?.DeepClone();
        else
            target[last] = value?.DeepClone();
        return copy;
    }

    private string Query(ApiOperation operation, string name, string value) =>
        "?" + string.Join("&", operation.Parameters.Where(p => p.In == "query" && (p.Required || p.Name == name))
            .Select(p => $"{p.Name}={Uri.EscapeDataString(p.Name == name ? value : samples.Text(p.Schema))}"));

    private HttpRequestMessage Build(ApiOperation operation, string query, HttpContent? content, (string Name, string Value)? routeOverride = null)
    {
        var path = operation.Path;
        foreach (var parameter in operation.Parameters.Where(p => p.In == "path"))
        {
            var value = routeOverride is { } o && o.Name == parameter.Name ? o.Value : routeValue(operation, parameter);
            path = path.Replace("{" + parameter.Name + "}", Uri.EscapeDataString(value));
        }
        if (query.Length == 0)
            query = "?" + string.Join("&", operation.Parameters.Where(p => p.In == "query" && p.Required)
                .Select(p => $"{p.Name}={Uri.EscapeDataString(samples.Text(p.Schema))}"));
        return new HttpRequestMessage(new HttpMethod(operation.Method), path + (query == "?" ? "" : query)) { Content = content };
    }
}
