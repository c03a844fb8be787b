using System.Globalization;
using System.Text.Json;

namespace Commendations.Engine.Tests.Support;

/// <summary>
/// The application's English message catalog (src/Commendations/Resources/Messages.en.json), read as a file: the engine
/// writes Vietnamese templates, and these tests read them as an English reader would (a missing translation fails).
/// </summary>
public static class EnglishCatalog
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Templates = new(() =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path)) ?? []);

    public static string Path => System.IO.Path.Combine(Repo.Root, "src", "Commendations", "Resources", "Messages.en.json");

    public static IReadOnlyDictionary<string, string> All => Templates.Value;

    /// <summary>The problem in English; fails when its template has no translation.</summary>
    public static string English(this ValidationProblem problem)
    {
        Templates.Value.Should().ContainKey(problem.Template, "every engine template needs its English in the catalog");
        var template = Templates.Value[problem.Template];
        return problem.Args.Length == 0 ? template : string.Format(CultureInfo.InvariantCulture, template, problem.Args);
    }
}
