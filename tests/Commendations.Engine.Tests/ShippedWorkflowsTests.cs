using Commendations.Engine.Tests.Support;

namespace Commendations.Engine.Tests;

public class ShippedWorkflowsTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Repo.Workflows, "*.json").Where(f => Path.GetFileName(f) != "schema.json").Order())
        {
            data.Add(Path.GetFileName(file));
        }
        return data;
    }

    [Fact]
    public void The_two_required_definitions_are_shipped()
    {
        Directory.GetFiles(Repo.Workflows, "*.json").Select(Path.GetFileName).Should().Contain(["bang-khen-chuyen-de.v1.json", "csdt-tinh.v1.json"]);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_shipped_definition_is_valid_and_named_after_its_id_and_version(string file)
    {
        var result = WorkflowDefinitionParser.Parse(File.ReadAllText(Path.Combine(Repo.Workflows, file)));

        result.Problems.Should().BeEmpty();
        result.IsValid.Should().BeTrue();
        file.Should().Be($"{result.Definition!.Id}.v{result.Definition.Version}.json");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Canonical_json_round_trips_with_the_same_hash(string file)
    {
        var definition = Repo.LoadDefinition(Path.Combine(Repo.Workflows, file));

        var canonical = WorkflowDefinitionSerializer.Serialize(definition);
        var reparsed = WorkflowDefinitionParser.Parse(canonical);

        reparsed.Problems.Should().BeEmpty();
        WorkflowDefinitionSerializer.Serialize(reparsed.Definition!).Should().Be(canonical);
        WorkflowDefinitionSerializer.ContentHash(reparsed.Definition!).Should().Be(WorkflowDefinitionSerializer.ContentHash(definition))
            .And.MatchRegex("^[0-9a-f]{64}$");
    }

    [Fact]
    public void Layout_does_not_change_the_content_hash_but_semantics_do()
    {
        var definition = Repo.LoadDefinition(Path.Combine(Repo.Workflows, "bang-khen-chuyen-de.v1.json"));
        var hash = WorkflowDefinitionSerializer.ContentHash(definition);

        WorkflowDefinitionSerializer.ContentHash(definition with { Layout = null }).Should().Be(hash);
        WorkflowDefinitionSerializer.ContentHash(definition with { Name = "Other" }).Should().NotBe(hash);
    }
}
