using Commendations.Engine;

namespace Commendations.Web.Cli;

/// <summary>
/// `dotnet run --project src/Commendations.Web -- validate-workflow FILE...`: checks definition files
/// without a database, prints every problem as "file: path: sentence", exits 1 if any file is invalid.
/// </summary>
public static class ValidateWorkflowCommand
{
    public const string Name = "validate-workflow";

    public static int Run(IReadOnlyList<string> files, TextWriter output)
    {
        if (files.Count == 0)
        {
            output.WriteLine($"Usage: {Name} <file.json>...");
            return 2;
        }

        var invalid = 0;
        foreach (var file in files)
        {
            var path = ResolveFromCaller(file);
            if (!File.Exists(path))
            {
                output.WriteLine($"{file}: $: the file does not exist.");
                invalid++;
                continue;
            }
            var result = WorkflowDefinitionParser.Parse(File.ReadAllText(path));
            if (result.IsValid)
            {
                output.WriteLine($"{file}: valid ({result.Definition!.Id} v{result.Definition.Version}, {result.Definition.Steps.Count} steps).");
                continue;
            }
            invalid++;
            foreach (var problem in result.Problems)
                output.WriteLine($"{file}: {problem.Path}: {problem.Message}");
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
