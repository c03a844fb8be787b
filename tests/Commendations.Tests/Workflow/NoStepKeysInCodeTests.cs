using System.Text.Json;
using System.Text.RegularExpressions;

namespace Commendations.Tests.Workflow;

/// <summary>
/// The definitions contract: the definition says what a step means, and application code never names a step key or an
/// action name — it asks the definition (meanings, step types). This reads the application's C# sources and fails on a
/// string literal equal to a key or action name of a shipped route or template. The engine's outcome vocabulary, which
/// shares some words with end-step keys (rejected, awarded, withdrawn…), is named through <c>Engine.Outcomes</c> and
/// <c>EndResult</c>, never written out; the legacy upgrade table names the old keys on purpose.
/// </summary>
public partial class NoStepKeysInCodeTests
{
    /// <summary>Files allowed to name some of those words, and why.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        // The registry's query parameter for a decision number.
        ["Index.cshtml.cs"] = ["decision"],
    };

    [Fact]
    public void Application_code_names_no_step_key_or_action_name_of_a_shipped_route()
    {
        var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../.."));
        var names = ShippedNames(Path.Combine(root, "workflows"));
        names.Should().Contain(["unit-proposal", "submit", "council-vote"], "the shipped routes are read");

        var found = new List<string>();
        foreach (var project in new[] { "src/Commendations", "src/Commendations.Web" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, project), "*.cs", SearchOption.AllDirectories)
                         .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                                     && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")))
            {
                var allowed = Allowed.GetValueOrDefault(Path.GetFileName(file), []);
                if (allowed.Contains("*"))
                    continue;
                var lineNumber = 0;
                foreach (var line in File.ReadLines(file))
                {
                    lineNumber++;
                    if (line.TrimStart().StartsWith("//", StringComparison.Ordinal) || line.TrimStart().StartsWith("///", StringComparison.Ordinal))
                        continue;
                    foreach (Match literal in Literal().Matches(line))
                    {
                        var word = literal.Groups[1].Value;
                        if (names.Contains(word) && !allowed.Contains(word))
                            found.Add($"{Path.GetRelativePath(root, file)}:{lineNumber}: \"{word}\"");
                    }
                }
            }
        }
        found.Should().BeEmpty("application code asks the definition what a step means instead of naming it");
    }

    /// <summary>Every step key and action name of the shipped routes and templates, nested steps included.</summary>
    private static HashSet<string> ShippedNames(string workflows)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(workflows, "*.json", SearchOption.AllDirectories).Where(f => !f.EndsWith("schema.json", StringComparison.Ordinal)))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            Collect(document.RootElement, names);
        }
        return names;
    }

    private static void Collect(JsonElement element, HashSet<string> names)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (element.TryGetProperty("steps", out var steps) && steps.ValueKind == JsonValueKind.Array)
                {
                    foreach (var step in steps.EnumerateArray())
                    {
                        if (step.TryGetProperty("key", out var key) && key.ValueKind == JsonValueKind.String) names.Add(key.GetString()!);
                        if (step.TryGetProperty("actions", out var actions) && actions.ValueKind == JsonValueKind.Array)
                        {
                            foreach (var action in actions.EnumerateArray())
                            {
                                if (action.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String) names.Add(name.GetString()!);
                            }
                        }
                    }
                }
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name != "layout") Collect(property.Value, names);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray()) Collect(item, names);
                break;
        }
    }

    [GeneratedRegex("\"([a-z][a-z0-9-]*)\"")]
    private static partial Regex Literal();
}
