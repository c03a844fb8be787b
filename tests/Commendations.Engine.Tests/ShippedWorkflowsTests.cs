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
    /// <summary>
    /// A returned dossier is due five working days after the return (workflows/README.md, "Returned dossiers"): that is
    /// all v2 changes — v1 stays as installations stored it.
    /// </summary>
    [Theory]
    [InlineData("bang-khen-chuyen-de")]
    [InlineData("csdt-tinh")]
    [InlineData("khen-thuong-tap-the")]
    public void Version_2_of_a_route_with_a_return_adds_only_a_five_working_day_reentry_deadline_to_the_units_step(string id)
    {
        var v1 = Repo.LoadDefinition(Path.Combine(Repo.Workflows, $"{id}.v1.json"));
        var v2 = Repo.LoadDefinition(Path.Combine(Repo.Workflows, $"{id}.v2.json"));

        var change = DefinitionDiff.Compare(v1, v2, includeLayout: true).Should().ContainSingle().Subject;

        change.Should().BeEquivalentTo(new { StepKey = v2.ProposalStep()!.Key, Path = "deadline.onReentry.workingDays", After = "5" },
            o => o.ExcludingMissingMembers());
        change.Description.Should().Be($"Bước “{v2.ProposalStep()!.Key}”: Thời hạn khi vào lại bước (ngày làm việc) được đặt là 5.");
        v2.ProposalStep()!.Deadline!.CampaignDate.Should().Be("dossierClose", "the first submission is still due when the window closes");
    }
}
