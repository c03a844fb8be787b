namespace Commendations.Engine.Tests.Support;

/// <summary>Paths in the repository, found by walking up to Commendations.sln.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Workflows => Path.Combine(Root, "workflows");

    public static string Scenarios => Path.Combine(Root, "tests", "Commendations.Engine.Tests", "Scenarios");

    public static WorkflowDefinition LoadDefinition(string path)
    {
        var result = WorkflowDefinitionParser.Parse(File.ReadAllText(path));
        result.Problems.Should().BeEmpty($"{path} should be valid");
        return result.Definition!;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Commendations.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Commendations.sln not found above " + AppContext.BaseDirectory);
    }
}
