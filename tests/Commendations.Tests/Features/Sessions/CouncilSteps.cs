using System.Text.Json.Nodes;
using Commendations.Domain.Catalog;
using Commendations.Domain.Nominees;
using Commendations.Domain.Workflows;
using Commendations.Engine;
using Commendations.Features.Nominations;
using Commendations.Seeding;
using Commendations.Testing;
using Commendations.Tests.Features.Nominations;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Tests.Features.Sessions;

/// <summary>
/// Nominations waiting for the 9-member council's vote: the shipped emulation-fighter route (pass 90 %) and, added here,
/// a grassroots-fighter route with an 80 % threshold (DOMAIN.md: ≥80 % for grassroots emulation fighters and flags).
/// </summary>
public sealed class CouncilSteps(LifecycleHarness app)
{
    public const string EightyPercentRoute = "csdt-co-so-hoi-dong";
    public const string GrassrootsFighter = "csdt-co-so";

    private readonly NominationSteps _steps = new(app);

    public async Task AddEightyPercentRouteAsync()
    {
        await using var db = app.CreateDbContext();
        if (await db.WorkflowDefinitions.AnyAsync(d => d.DefinitionId == EightyPercentRoute))
            return;
        var json = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(TestCluster.RepositoryRoot, "workflows", "csdt-tinh.v1.json")))!.AsObject();
        json["id"] = EightyPercentRoute;
        json["name"] = "Chiến sĩ thi đua cơ sở – Hội đồng (80 %)";
        json["appliesTo"]!["awardForms"] = new JsonArray(GrassrootsFighter);
        json["steps"]!.AsArray().Single(s => (string?)s!["key"] == "council-vote")!["passThreshold"] = 0.8;
        var parsed = WorkflowDefinitionParser.Parse(json.ToJsonString());
        parsed.Problems.Should().BeEmpty();
        var definition = parsed.Definition!;
        var record = new WorkflowDefinitionRecord(definition.Id, definition.Version, definition.Name, WorkflowDefinitionSerializer.Serialize(definition),
            WorkflowDefinitionSerializer.ContentHash(definition), "test", app.Clock.GetUtcNow());
        record.Publish("test", app.Clock.GetUtcNow());
        db.WorkflowDefinitions.Add(record);
        var form = await db.AwardForms.SingleAsync(a => a.Code == GrassrootsFighter);
        var campaign = await db.Campaigns.SingleAsync(c => c.Code == DemoCatalog.CurrentRegularCampaign);
        campaign.Allow(form.Id, EightyPercentRoute, null, 50);
        await db.SaveChangesAsync();
    }

    /// <summary>Created, submitted and forwarded by the appraiser: now at the council vote.</summary>
    public async Task<Guid> AtCouncilVoteAsync(string awardForm, string name)
    {
        var campaign = await _steps.CampaignAsync(DemoCatalog.CurrentRegularCampaign);
        var id = await app.Send(DemoAccounts.OfficerTanHoa, new CreateNomination(campaign, awardForm, NomineeKind.Individual,
            new PersonInput(name, Gender.Male, 1980, "Chuyên viên"), null, $"Thành tích của {name}."));
        await _steps.AttachRequiredDocumentsAsync(id);
        await app.Send(DemoAccounts.OfficerTanHoa, new AddDocument(id, DocumentKind.Minutes, "bien-ban.pdf", NominationSteps.Pdf));
        await app.Send(DemoAccounts.OfficerTanHoa, new SubmitNomination(id, null));
        await _steps.ActAsync(DemoAccounts.Appraiser, id, "forward", "Trình Hội đồng.");
        return id;
    }
}
