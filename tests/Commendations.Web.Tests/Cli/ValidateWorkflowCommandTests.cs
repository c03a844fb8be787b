using System.Text.Json;
using System.Text.Json.Nodes;
using Commendations.Features.Definitions;
using Commendations.Testing;
using Commendations.Web.Cli;

namespace Commendations.Web.Tests.Cli;

/// <summary>`validate-workflow` checks files without a database; with an exported organisation, as publication would.</summary>
public class ValidateWorkflowCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("validate-").FullName;
    private static string Shipped(string file) => Path.Combine(TestCluster.RepositoryRoot, "workflows", file);

    private static readonly OrganisationExport Organisation = new(
        ["emulationOfficer", "committeeMember", "appraiser", "provincialLeader", "administrator"],
        new Dictionary<string, string> { ["appraisal"] = "so-noi-vu-tdkt", ["province"] = "ubnd-tinh" },
        [new("emulationOfficer", "nominating"), new("emulationOfficer", "*"), new("appraiser", "appraisal"), new("appraiser", "*"),
         new("provincialLeader", "province"), new("provincialLeader", "*")],
        [new("bcd-qcdc", "Ban Chỉ đạo", 3, true, true), new("hdtdkt", "Hội đồng", 9, true, true)]);

    private (int Code, string Output) Run(params string[] args)
    {
        var output = new StringWriter();
        return (ValidateWorkflowCommand.Run(args, output), output.ToString());
    }

    [Fact]
    public void The_shipped_files_are_valid_against_an_exported_organisation()
    {
        var organisation = Path.Combine(_folder, "organisation.json");
        File.WriteAllText(organisation, JsonSerializer.Serialize(Organisation, JsonSerializerOptions.Web));

        var (code, output) = Run("--organisation", organisation, Shipped("bang-khen-chuyen-de.v1.json"), Shipped("csdt-tinh.v1.json"));

        code.Should().Be(0, output);
        output.Should().Contain("All 2 file(s) are valid.");
    }

    [Fact]
    public void A_role_nobody_has_is_reported_at_its_path_in_the_chosen_language_only_with_the_organisation()
    {
        var organisation = Path.Combine(_folder, "organisation.json");
        File.WriteAllText(organisation, JsonSerializer.Serialize(Organisation, JsonSerializerOptions.Web));
        var document = JsonNode.Parse(File.ReadAllText(Shipped("csdt-tinh.v1.json")))!;
        document["steps"]![1]!["assignee"]!["role"] = "inspector";
        var file = Path.Combine(_folder, "csdt-tinh.v9.json");
        File.WriteAllText(file, document.ToJsonString());

        Run(file).Code.Should().Be(0, "without an organisation only the document is checked");
        var (code, output) = Run("--organisation", organisation, file);
        code.Should().Be(1);
        output.Should().Contain("$.steps[1].assignee.role: Vai trò 'inspector' không tồn tại trong hệ thống");
        Run("--organisation", organisation, "--lang", "en", file).Output.Should().Contain("$.steps[1].assignee.role: The role 'inspector' does not exist in this system");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
