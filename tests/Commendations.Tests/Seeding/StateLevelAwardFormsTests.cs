using Commendations.Domain.Workflows;
using Commendations.Engine;
using Commendations.Features.Statistics;
using Commendations.Seeding;
using Commendations.Testing;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Tests.Seeding;

/// <summary>
/// The demo catalogue's State-level awards (issue 22): the Prime Minister's certificate of merit, the Labour Order third
/// class and the national emulation fighter are proposed by the province on the shipped forwarding route, and the
/// statistics count them in form 0602.N, under the column of their kind — one catalogue for both.
/// </summary>
public class StateLevelAwardFormsTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Each_State_level_form_goes_through_the_forwarding_route_and_is_counted_in_the_State_level_table()
    {
        await using var db = database.CreateDbContext();
        // The version in force (the newest published), which is what a new nomination starts on.
        var inForce = await db.WorkflowDefinitions.AsNoTracking()
            .Where(d => d.DefinitionId == DemoCatalog.ForwardingWorkflow && d.Status == DefinitionStatus.Published)
            .OrderByDescending(d => d.Version).FirstAsync();
        var route = WorkflowDefinitionParser.Parse(inForce.Content).Definition!;
        var campaign = await db.Campaigns.AsNoTracking().SingleAsync(c => c.Code == DemoCatalog.CurrentRegularCampaign);
        var expected = new Dictionary<string, (string Name, string Row)>
        {
            [DemoCatalog.PrimeMinisterCertificate] = ("Bằng khen của Thủ tướng Chính phủ", "Bằng khen của Thủ tướng Chính phủ"),
            [DemoCatalog.LabourOrderThirdClass] = ("Huân chương Lao động hạng Ba", "Các loại huân chương, huy chương"),
            [DemoCatalog.NationalEmulationFighter] = ("Chiến sĩ thi đua toàn quốc", "Danh hiệu “Chiến sĩ thi đua toàn quốc”"),
        };
        foreach (var (code, (name, row)) in expected)
        {
            var form = await db.AwardForms.AsNoTracking().SingleAsync(f => f.Code == code);
            form.Name.Should().Be(name);
            StatisticsColumns.StateColumnOf(code)!.Name.Should().Be(row, $"{name} is counted in its column of form 0602.N");
            route.AppliesTo.AwardForms.Should().Contain(code, $"{name} may take the forwarding route");
            route.Steps.Should().Contain(s => s.Meaning == StepMeaning.Forwarding);
            campaign.Awards.Should().Contain(a => a.AwardFormId == form.Id && a.WorkflowDefinitionId == DemoCatalog.ForwardingWorkflow);
        }
        // The provincial forms are counted in form 0603.N, or in the annex when that form has no column for them.
        StatisticsColumns.StateColumnOf(DemoCatalog.CertificateOfMerit).Should().BeNull();
        StatisticsColumns.ProvincialColumnOf(DemoCatalog.CertificateOfMerit)!.Name.Should().Be("Bằng khen");
        StatisticsColumns.ProvincialColumnOf(DemoCatalog.ProvincialEmulationFighter)!.Name.Should().Be("Chiến sĩ thi đua cấp bộ, cấp tỉnh");
        StatisticsColumns.ProvincialColumnOf(DemoCatalog.ExcellentLabourCollective).Should().BeNull("form 0603.N has no column for it");
        StatisticsColumns.ProvincialColumnOf(DemoCatalog.PrimeMinisterCertificate).Should().BeNull("a State-level award is never counted in 0603.N");
    }
}
