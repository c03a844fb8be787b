using Commendations.Common.Errors;
using Commendations.Features.Definitions;
using Commendations.Features.Nominations;
using Commendations.Seeding;
using Commendations.Testing;
using Commendations.Tests.Features.Nominations;

namespace Commendations.Tests.Features.Definitions;

public class ListRunningInstancesTests(LifecycleHarness app) : IClassFixture<LifecycleHarness>
{
    private readonly NominationSteps _steps = new(app);

    [Fact]
    public async Task Lists_the_nominations_running_on_a_version_with_their_current_step_and_refuses_non_administrators()
    {
        var running = await _steps.SubmittedCollectiveAsync();
        var draft = await _steps.DraftCollectiveAsync(name: "Trạm Y tế xã Tân Hòa");

        var onV2 = await app.Send(DemoAccounts.Admin, new ListRunningInstances("bang-khen-chuyen-de", 2));
        var onV9 = await app.Send(DemoAccounts.Admin, new ListRunningInstances("bang-khen-chuyen-de", 9));
        var officer = () => app.Send(DemoAccounts.OfficerTanHoa, new ListRunningInstances("bang-khen-chuyen-de", 1));

        onV2.Should().Contain(i => i.NominationId == running && i.CurrentStep == "committee-review" && i.CampaignCode == DemoCatalog.CurrentThematicCampaign);
        onV2.Should().NotContain(i => i.NominationId == draft && i.CurrentStep == "committee-review");
        onV9.Should().BeEmpty();
        await officer.Should().ThrowAsync<ForbiddenException>();
    }
}
