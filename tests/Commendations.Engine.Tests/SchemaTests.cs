using Commendations.Engine.Tests.Support;

namespace Commendations.Engine.Tests;

public class SchemaTests
{
    /// <summary>Set UPDATE_WORKFLOW_SCHEMA=1 to rewrite workflows/schema.json from the model instead of comparing.</summary>
    [Fact]
    public void Committed_schema_matches_the_model()
    {
        var path = Path.Combine(Repo.Workflows, "schema.json");
        var generated = WorkflowSchema.Generate();
        if (Environment.GetEnvironmentVariable("UPDATE_WORKFLOW_SCHEMA") == "1")
        {
            File.WriteAllText(path, generated);
        }

        File.Exists(path).Should().BeTrue("workflows/schema.json must be committed");
        File.ReadAllText(path).ReplaceLineEndings("\n").Should().Be(generated,
            "the schema is generated from the C# model; run UPDATE_WORKFLOW_SCHEMA=1 dotnet test tests/Commendations.Engine.Tests --filter SchemaTests");
    }

    [Fact]
    public void Schema_describes_every_step_type()
    {
        var schema = WorkflowSchema.Generate();
        foreach (var type in StepDefinition.TypeNames)
        {
            schema.Should().Contain($"\"{type}\"");
        }
    }
}
