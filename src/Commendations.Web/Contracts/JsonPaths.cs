using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Commendations.Web.Contracts;

/// <summary>Finds the .NET type a JSON path of a request body points at, so a refusal can say what value was expected.</summary>
public static class JsonPaths
{
    public static Type? TypeAt(Type? root, string path, JsonSerializerOptions options)
    {
        if (root is null)
            return null;
        var type = root;
        foreach (var segment in Segments(path))
        {
            var info = options.GetTypeInfo(type);
            if (segment == "[]")
            {
                type = info.ElementType;
            }
            else
            {
                type = info.Kind == JsonTypeInfoKind.Dictionary
                    ? info.ElementType
                    : info.Properties.FirstOrDefault(p => p.Name == segment)?.PropertyType;
            }
            if (type is null)
                return null;
        }
        return type;
    }

    /// <summary>"$.awards[2].quota" → awards, [], quota.</summary>
    private static IEnumerable<string> Segments(string path)
    {
        foreach (var part in path.TrimStart('$').Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var bracket = part.IndexOf('[');
            var name = bracket < 0 ? part : part[..bracket];
            if (name.Length > 0)
                yield return name.Trim('\'', '[', ']');
            for (var i = bracket; i >= 0 && i < part.Length; i = part.IndexOf('[', i + 1))
                yield return "[]";
        }
    }
}
