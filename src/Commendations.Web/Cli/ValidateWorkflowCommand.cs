using System.Globalization;
using System.Text.Json;
using Commendations.Engine;
using Commendations.Features.Definitions;

namespace Commendations.Web.Cli;

/// <summary>
/// `dotnet run --project src/Commendations.Web -- validate-workflow [--organisation org.json] [--lang en] FILE...`: checks
/// definition files without a database, prints every problem as "file: path: sentence" (Vietnamese, or English with
/// <c>--lang en</c>), exits 1 if any file is invalid. With an organisation exported by an administrator
/// (<c>GET /api/admin/organisation</c>) the files are checked as publication would check them on that installation:
/// roles and who holds them, scopes, committees, and the meanings the application relies on. Sub-route calls are checked
/// against the files given, as if they were the published definitions.
/// </summary>
public static class ValidateWorkflowCommand
{
    public const string Name = "validate-workflow";

    public static int Run(IReadOnlyList<string> args, TextWriter output)
    {
        var files = new List<string>();
        string? organisationFile = null;
        var culture = CultureInfo.GetCultureInfo("vi-VN");
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--organisation" && i + 1 < args.Count) organisationFile = args[++i];
            else if (args[i] == "--lang" && i + 1 < args.Count) culture = CultureInfo.GetCultureInfo(args[++i] == "en" ? "en-US" : "vi-VN");
            else files.Add(args[i]);
        }
        if (files.Count == 0)
        {
            output.WriteLine($"Usage: {Name} [--organisation <organisation.json>] [--lang vi|en] <file.json>...");
            return 2;
        }

        ValidationContext? context = null;
        if (organisationFile is not null)
        {
            try
            {
                context = JsonSerializer.Deserialize<OrganisationExport>(File.ReadAllText(ResolveFromCaller(organisationFile)), JsonSerializerOptions.Web)
                    ?.ToValidationContext();
            }
            catch (Exception e) when (e is JsonException or IOException or NotSupportedException)
            {
                output.WriteLine($"{organisationFile}: $: {e.Message}");
                return 2;
            }
        }

        // The files given stand for the published definitions: sub-route calls between them are checked (the callee is
        // among them, no cycle, every result it can reach has a transition); a callee that is not among them is reported.
        var texts = new Dictionary<string, string>();
        foreach (var file in files)
        {
            var path = ResolveFromCaller(file);
            if (File.Exists(path))
                texts[file] = File.ReadAllText(path);
        }
        var readable = texts.Values.Select(text => WorkflowDefinitionParser.Parse(text).Definition).OfType<WorkflowDefinition>().ToList();
        var latest = readable.GroupBy(d => d.Id).Select(g => g.MaxBy(d => d.Version)!).ToList();
        context = (context ?? new ValidationContext()) with { PublishedDefinitions = new CalleeDefinitions(latest, readable.Except(latest)) };

        var invalid = 0;
        foreach (var file in files)
        {
            if (!texts.TryGetValue(file, out var text))
            {
                output.WriteLine($"{file}: $: the file does not exist.");
                invalid++;
                continue;
            }
            var result = DefinitionValidation.Of(text, context);
            if (result.IsValid)
            {
                output.WriteLine($"{file}: valid ({result.Definition!.Id} v{result.Definition.Version}, {result.Definition.Steps.Count} steps).");
                continue;
            }
            invalid++;
            foreach (var problem in result.Problems)
                output.WriteLine($"{file}: {problem.Path}: {result.MessageOf(problem).Format(culture)}");
        }
        output.WriteLine(invalid == 0 ? $"All {files.Count} file(s) are valid." : $"{invalid} of {files.Count} file(s) are invalid.");
        return invalid == 0 ? 0 : 1;
    }

    /// <summary>`dotnet run --project` starts the app in the project folder; relative paths are meant from the caller's shell (PWD).</summary>
    private static string ResolveFromCaller(string file)
    {
        if (Path.IsPathRooted(file) || File.Exists(file))
            return file;
        var callerDirectory = Environment.GetEnvironmentVariable("PWD");
        return callerDirectory is null ? file : Path.GetRelativePath(Directory.GetCurrentDirectory(), Path.Combine(callerDirectory, file));
    }
}
