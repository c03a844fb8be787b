using System.Text.Json.Nodes;
using Commendations.Domain.Workflows;
using Commendations.Engine;
using Commendations.Features.Definitions;
using Commendations.Seeding;
using Commendations.Testing;
using Commendations.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Commendations.Tests.Workflow;

/// <summary>
/// Who owns a definition: shipped files seed an empty database and offer upgrades; they never take a number an
/// administrator used, start-up never fails because of it, and each shipped content is offered once.
/// </summary>
public class DefinitionOwnershipTests(LifecycleHarness app) : IClassFixture<LifecycleHarness>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("workflows-").FullName;
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 3, 0, 0, TimeSpan.Zero);

    private static string Shipped(string file) => File.ReadAllText(Path.Combine(TestCluster.RepositoryRoot, "workflows", file));

    private async Task StartAsync(string folder)
    {
        await using var services = new ServiceCollection().AddLogging().AddCommendations(app.ConnectionString, demoScopes: true).AddTestAuditKey().BuildServiceProvider();
        await DatabaseInitializer.ImportReferenceDataAsync(services, folder);
    }

    private async Task<List<WorkflowDefinitionRecord>> VersionsAsync(string id)
    {
        await using var db = app.CreateDbContext();
        return await db.WorkflowDefinitions.AsNoTracking().Where(d => d.DefinitionId == id).OrderBy(d => d.Version).ToListAsync();
    }

    [Fact]
    public async Task The_shipped_files_are_published_once_and_starting_again_changes_nothing()
    {
        await using var db = app.CreateDbContext();

        var again = await WorkflowFileImporter.ImportAsync(db, null, Path.Combine(TestCluster.RepositoryRoot, "workflows"), Now, default);

        again.Should().Be(new WorkflowFileImporter.Outcome(0, 0), "the template database already imported them at start-up");
        var stored = await db.WorkflowDefinitions.Where(d => d.Version == 1).ToListAsync();
        stored.Select(d => d.DefinitionId).Should().Contain(["bang-khen-chuyen-de", "csdt-tinh"]);
        stored.Where(d => d.DefinitionId is "bang-khen-chuyen-de" or "csdt-tinh").Should().OnlyContain(d =>
            d.Status == DefinitionStatus.Published && d.Origin == DefinitionOrigin.Shipped && d.ShippedVersion == 1 && d.ContentHash.Length == 64);
    }

    [Fact]
    public async Task An_installation_whose_administrator_published_v3_starts_and_gets_the_shipped_v3_offered_as_draft_v4()
    {
        const string id = "csdt-tinh";
        // The administrator's own v3 (copied from the shipped v2, one deadline changed), published through the use cases.
        var draft = await app.Send(DemoAccounts.Admin, new CreateDraft(id, 2, null));
        var view = await app.Send(DemoAccounts.Admin, new GetDefinitionVersion(id, draft.Version));
        var mine = JsonNode.Parse(view.Content)!.AsObject();
        mine["steps"]![1]!["deadline"]!["workingDays"] = 15;
        await app.Send(DemoAccounts.Admin, new SaveDraft(id, draft.Version, mine.ToJsonString(), view.RowVersion));
        await app.Send(DemoAccounts.Admin, new PublishDefinition(id, draft.Version));
        draft.Version.Should().Be(3);
        // A later release ships its own v3 (a longer appraisal) beside v1 and v2.
        File.WriteAllText(Path.Combine(_folder, "csdt-tinh.v1.json"), Shipped("csdt-tinh.v1.json"));
        File.WriteAllText(Path.Combine(_folder, "csdt-tinh.v2.json"), Shipped("csdt-tinh.v2.json"));
        File.WriteAllText(Path.Combine(_folder, "csdt-tinh.v3.json"), Shipped("csdt-tinh.v2.json")
            .Replace("\"version\": 2", "\"version\": 3").Replace("\"workingDays\": 20", "\"workingDays\": 25"));

        await StartAsync(_folder);
        await StartAsync(_folder);

        var versions = await VersionsAsync(id);
        versions.Select(v => (v.Version, v.Status, v.Origin)).Should().Equal(
            (1, DefinitionStatus.Published, DefinitionOrigin.Shipped),
            (2, DefinitionStatus.Published, DefinitionOrigin.Shipped),
            (3, DefinitionStatus.Published, DefinitionOrigin.Administrator),
            (4, DefinitionStatus.Draft, DefinitionOrigin.Shipped));
        versions[2].Content.Should().Contain("15", "the administrator's v3 is untouched");
        versions[3].ShippedVersion.Should().Be(3);
        WorkflowDefinitionParser.Parse(versions[3].Content).Definition!.Version.Should().Be(4, "the offered draft carries its own number");
        var listed = (await app.Send(DemoAccounts.Admin, new ListDefinitions(id))).Single().Versions.Single(v => v.Version == 4);
        listed.Should().BeEquivalentTo(new { Origin = DefinitionOrigin.Shipped, ShippedVersion = 3, Status = DefinitionStatus.Draft });
        await using var db = app.CreateDbContext();
        (await db.ShippedDefinitionImports.Where(i => i.DefinitionId == id && i.ShippedVersion == 3).ToListAsync())
            .Should().ContainSingle().Which.Should().BeEquivalentTo(new { Outcome = ShippedImportOutcome.Offered, StoredVersion = 4 });
        (await db.AuditEntries.CountAsync(e => e.Stream == DefinitionAdmin.Stream(id) && e.Action == "definition.shipped-offered")).Should().Be(1);

        // Starting again: the offered content is not offered again.
        await StartAsync(_folder);
        (await VersionsAsync(id)).Should().HaveCount(4);
    }

    [Fact]
    public async Task An_installation_that_stored_only_v1_is_offered_the_shipped_v2_with_its_reentry_deadline_as_a_draft()
    {
        const string id = "khen-thuong-tap-the";
        await using (var db = app.CreateDbContext())
        {
            // As an installation of the release before v2: v1 published and in force, v2 never seen.
            await db.ShippedDefinitionImports.Where(i => i.DefinitionId == id && i.ShippedVersion == 2).ExecuteDeleteAsync();
            await db.WorkflowDefinitions.Where(d => d.DefinitionId == id && d.Version == 2).ExecuteDeleteAsync();
        }

        await StartAsync(Path.Combine(TestCluster.RepositoryRoot, "workflows"));
        await StartAsync(Path.Combine(TestCluster.RepositoryRoot, "workflows"));

        var versions = await VersionsAsync(id);
        versions.Select(v => (v.Version, v.Status, v.Origin, v.ShippedVersion)).Should().Equal(
            (1, DefinitionStatus.Published, DefinitionOrigin.Shipped, 1),
            (2, DefinitionStatus.Draft, DefinitionOrigin.Shipped, 2));
        var offered = WorkflowDefinitionParser.Parse(versions[1].Content).Definition!;
        offered.ProposalStep()!.Deadline!.OnReentry.Should().BeEquivalentTo(new { WorkingDays = 5 }, o => o.ExcludingMissingMembers());
        var listed = (await app.Send(DemoAccounts.Admin, new ListDefinitions(id))).Single().Versions;
        listed.Single(v => v.Version == 1).StatusName.Should().Be("Đang áp dụng", "nothing changes for running or new nominations until it is published");
        await using var check = app.CreateDbContext();
        (await check.AuditEntries.CountAsync(e => e.Stream == DefinitionAdmin.Stream(id) && e.Action == "definition.shipped-offered")).Should().Be(1);
    }

    [Fact]
    public async Task An_installation_from_before_meanings_is_annotated_once_and_offered_the_new_shipped_version()
    {
        const string id = "bang-khen-chuyen-de";
        var old = File.ReadAllText(Path.Combine(TestCluster.RepositoryRoot, "tests", "Commendations.Engine.Tests", "Scenarios", "definitions", "bang-khen-chuyen-de.v1.json"));
        var oldDefinition = WorkflowDefinitionParser.Parse(old).Definition!;
        await using (var db = app.CreateDbContext())
        {
            // As an installation upgraded from the previous release: v1 stored as it shipped then, no upgrade recorded.
            var v1 = await db.WorkflowDefinitions.SingleAsync(d => d.DefinitionId == id && d.Version == 1);
            await db.DefinitionUpgrades.Where(u => u.RecordId == v1.Id).ExecuteDeleteAsync();
            await db.ShippedDefinitionImports.Where(i => i.DefinitionId == id).ExecuteDeleteAsync();
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                UPDATE workflow_definitions SET content = {WorkflowDefinitionSerializer.Serialize(oldDefinition)},
                       content_hash = {WorkflowDefinitionSerializer.ContentHash(oldDefinition)} WHERE id = {v1.Id}
                """);
        }

        await StartAsync(Path.Combine(TestCluster.RepositoryRoot, "workflows"));
        await StartAsync(Path.Combine(TestCluster.RepositoryRoot, "workflows"));

        var versions = await VersionsAsync(id);
        var annotated = WorkflowDefinitionParser.Parse(versions[0].Content).Definition!;
        annotated.ProposalStep()!.Key.Should().Be("unit-proposal");
        annotated.SubmitAction()!.Name.Should().Be("submit");
        annotated.StepsMeaning(StepMeaning.Disclosure).Single().Key.Should().Be("public-disclosure");
        annotated.AwardActionAt("decision")!.Name.Should().Be("award");
        DefinitionMeanings.MeaningOf(annotated.FindStep("appraisal"), "return").Should().Be(ActionMeaning.ReturnForSupplement);
        DefinitionMeanings.MeaningOf(annotated.FindStep("decision"), "reject").Should().Be(ActionMeaning.Reject);
        annotated.FindStep("committee-review")!.Title!.Vi.Should().Be("Ban Chỉ đạo xem xét");
        WorkflowDefinitionSerializer.ContentHash(LegacyMeanings.Strip(annotated))
            .Should().Be(WorkflowDefinitionSerializer.ContentHash(LegacyMeanings.Strip(oldDefinition)), "only meanings and names were added");
        versions[0].Status.Should().Be(DefinitionStatus.Published);

        await using var check = app.CreateDbContext();
        var upgrade = await check.DefinitionUpgrades.SingleAsync(u => u.RecordId == versions[0].Id);
        upgrade.Should().BeEquivalentTo(new { Outcome = LegacyDefinitionUpgrade.Annotated, FromHash = WorkflowDefinitionSerializer.ContentHash(oldDefinition), ToHash = versions[0].ContentHash },
            o => o.ExcludingMissingMembers());
        upgrade.Changes.Should().Contain("unit-proposal.meaning = Proposal");
        (await check.AuditEntries.CountAsync(e => e.Stream == DefinitionAdmin.Stream(id) && e.Action == "definition.meanings-annotated")).Should().Be(1);
        // The shipped v1 of this release (meanings, titles, a real escalation role) differs: offered once, as the next
        // number (v2 is the shipped v2, already stored).
        versions.Where(v => v.Status == DefinitionStatus.Draft && v.Origin == DefinitionOrigin.Shipped)
            .Should().ContainSingle().Which.ShippedVersion.Should().Be(1);
    }

    [Fact]
    public async Task An_invalid_shipped_file_is_an_error_listing_its_problems()
    {
        File.WriteAllText(Path.Combine(_folder, "broken.json"), "{ \"id\": \"broken\", \"steps\": [] ");
        await using var db = app.CreateDbContext();

        var import = () => WorkflowFileImporter.ImportAsync(db, null, _folder, Now, default);

        (await import.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain("broken.json").And.Contain("JSON sai cú pháp");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
