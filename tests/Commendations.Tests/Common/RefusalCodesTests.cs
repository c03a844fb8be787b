using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Commendations.Common.Errors;
using Commendations.Common.Text;
using Commendations.Engine;

namespace Commendations.Tests.Common;

/// <summary>
/// Every refusal code a client can receive has its Vietnamese and English text in the one catalogue
/// (<see cref="RefusalCodes"/>, English in Resources/Messages.en.json), and docs/refusals.md lists exactly that catalogue.
/// </summary>
public partial class RefusalCodesTests
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    [Fact]
    public void Every_refusal_code_has_a_vietnamese_and_an_english_text()
    {
        RefusalCodes.All.Should().HaveCountGreaterThan(100);
        RefusalCodes.All.Select(e => e.Code).Should().OnlyHaveUniqueItems();
        RefusalCodes.All.Where(e => string.IsNullOrWhiteSpace(e.Text.Format(Vietnamese))).Select(e => e.Code).Should().BeEmpty();
        RefusalCodes.All.Where(e => !MessageCatalog.EnglishTemplates.ContainsKey(e.Text.Template)).Select(e => $"{e.Code}: {e.Text.Template}")
            .Should().BeEmpty("every code's text needs its English");
    }

    [Fact]
    public void Every_code_the_engine_declares_is_in_the_catalogue()
    {
        var engineCodes = new[] { typeof(RuntimeErrors), typeof(SimulationErrors), typeof(MigrationProblems) }
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

        engineCodes.Should().HaveCountGreaterThan(40);
        engineCodes.Where(c => RefusalCodes.TextOf(c) is null).Should().BeEmpty();
    }

    [Fact]
    public void Every_code_the_application_refuses_with_is_in_the_catalogue()
    {
        var codes = SourceFiles()
            .SelectMany(f => CodeInSource().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Code: m.Groups["code"].Value)))
            .ToList();

        codes.Select(c => c.Code).Distinct().Should().HaveCountGreaterThan(30);
        codes.Where(c => RefusalCodes.TextOf(c.Code) is null).Select(c => $"{c.File}: {c.Code}").Distinct().Should().BeEmpty();
    }

    /// <summary>Set UPDATE_DOCS=1 to rewrite docs/refusals.md from the catalogue.</summary>
    [Fact]
    public void The_documented_list_of_refusals_is_the_catalogue()
    {
        var path = Path.Combine(Root, "docs", "refusals.md");
        var expected = RefusalsDocument();
        if (Environment.GetEnvironmentVariable("UPDATE_DOCS") == "1")
            File.WriteAllText(path, expected);

        File.ReadAllText(path).ReplaceLineEndings("\n").Should().Be(expected, "docs/refusals.md is generated from RefusalCodes (UPDATE_DOCS=1)");
    }

    public static string RefusalsDocument()
    {
        var text = new StringBuilder();
        text.Append("# Refusal codes\n\n");
        text.Append("Every refusal carries a stable `code` (ProblemDetails `code`, engine and migration problems) and a sentence in the\n");
        text.Append("reader's language: Vietnamese by default, English with the *English* link or `Accept-Language: en`. The ProblemDetails\n");
        text.Append("`title` is the code's text below; `detail` (or the field's entry in `errors`) says exactly what was refused, naming\n");
        text.Append("documents, fields, steps and people as people call them — never an id, a key or an internal code.\n\n");
        text.Append("Generated from `src/Commendations/Common/Errors/RefusalCodes.cs` and `src/Commendations/Resources/Messages.en.json`\n");
        text.Append("by `RefusalCodesTests` (`UPDATE_DOCS=1 dotnet test tests/Commendations.Tests --filter RefusalCodesTests`); the test\n");
        text.Append("fails when this file and the catalogue differ.\n\n");
        text.Append("| Code | Tiếng Việt | English |\n|---|---|---|\n");
        foreach (var (code, message) in RefusalCodes.All)
            text.Append($"| `{code}` | {Cell(message.Format(Vietnamese))} | {Cell(message.Format(English))} |\n");
        return text.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|");

    private static string Root => Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../.."));

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}Commendations.Engine{Path.DirectorySeparatorChar}"));

    /// <summary>
    /// A code as the source gives it: the first argument of a conflict or 422, the code argument of a 403, a ProblemDetails'
    /// <c>["code"]</c>, a <c>Code</c> constant, a database refusal's code, a status's default code, a sign-in refusal's code.
    /// </summary>
    [GeneratedRegex("""(?:(?:ConflictException|UnprocessableException)\(\s*|ForbiddenException\([^;]*?,\s*|\["code"\]\s*=\s*|const string Code = |=\s*\(\s*|\d{3} => |(?:SignInRefused|TooManyRequests)\([^;]*?,\s*)"(?<code>[a-z][a-z_]*(?:-[a-z_]+)*)"\s*[,);]""", RegexOptions.Singleline)]
    private static partial Regex CodeInSource();
}
