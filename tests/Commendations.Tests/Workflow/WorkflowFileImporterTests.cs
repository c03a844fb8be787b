using Commendations.Domain.Workflows;
using Commendations.Testing;
using Commendations.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Tests.Workflow;

public class WorkflowFileImporterTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("workflows-").FullName;
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 3, 0, 0, TimeSpan.Zero);

    private static string Shipped(string file) => File.ReadAllText(Path.Combine(TestCluster.RepositoryRoot, "workflows", file));

    [Fact]
    public async Task The_shipped_files_are_published_once_and_importing_again_changes_nothing()
    {
        await using var db = database.CreateDbContext();

        var again = await WorkflowFileImporter.ImportAsync(db, Path.Combine(TestCluster.RepositoryRoot, "workflows"), Now, default);

        again.Should().Be(0, "the template database already imported them at start-up");
        var stored = await db.WorkflowDefinitions.Where(d => d.Version == 1).ToListAsync();
        stored.Select(d => d.DefinitionId).Should().BeEquivalentTo("bang-khen-chuyen-de", "csdt-tinh", "khen-thuong-tap-the", "kiem-tra-ky-luat");
        stored.Should().OnlyContain(d => d.Status == DefinitionStatus.Published && d.PublishedAt != null && d.ContentHash.Length == 64);
    }

    [Fact]
    public async Task A_file_that_differs_from_the_published_version_with_the_same_number_is_an_error_and_imports_nothing()
    {
        File.WriteAllText(Path.Combine(_folder, "changed.json"), Shipped("csdt-tinh.v1.json").Replace("\"quorum\": 0.8", "\"quorum\": 0.5"));
        File.WriteAllText(Path.Combine(_folder, "new.json"), Shipped("csdt-tinh.v1.json").Replace("\"version\": 1", "\"version\": 7"));
        await using var db = database.CreateDbContext();

        var import = () => WorkflowFileImporter.ImportAsync(db, _folder, Now, default);

        (await import.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain("csdt-tinh v1 differs");
        (await db.WorkflowDefinitions.AnyAsync(d => d.Version == 7)).Should().BeFalse("nothing is half-imported");
    }

    [Fact]
    public async Task An_invalid_file_is_an_error_listing_its_problems()
    {
        File.WriteAllText(Path.Combine(_folder, "broken.json"), "{ \"id\": \"broken\", \"steps\": [] ");
        await using var db = database.CreateDbContext();

        var import = () => WorkflowFileImporter.ImportAsync(db, _folder, Now, default);

        (await import.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain("broken.json").And.Contain("Malformed JSON");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
