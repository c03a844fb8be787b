using Commendations.Domain.Nominations;
using Commendations.Features.Nominations;
using Commendations.Seeding;
using Commendations.Testing;

namespace Commendations.Tests.Features.Nominations;

/// <summary>The shipped certificate-of-merit route, through the use cases, on real PostgreSQL.</summary>
public class NominationRouteTests(LifecycleHarness app) : IClassFixture<LifecycleHarness>
{
    private readonly NominationSteps _steps = new(app);

    [Fact]
    public async Task A_collective_travels_the_whole_route_to_Awarded_and_the_timeline_shows_every_step()
    {
        var id = await _steps.SubmittedCollectiveAsync();
        (await app.Send(DemoAccounts.OfficerTanHoa, new GetNomination(id))).Status.Should().Be(NominationStatus.InReview);

        await _steps.ApproveByWholeCommitteeAsync(id);
        (await app.Send(DemoAccounts.OfficerTanHoa, new GetNomination(id))).CurrentStep.Should().Be("public-disclosure");
        await _steps.EndDisclosureAsync(id);
        await _steps.ActAsync(DemoAccounts.Appraiser, id, "forward", "Hồ sơ đầy đủ, đủ điều kiện.");
        var decision = await _steps.DecideAsync("215/QĐ-UBND", id);

        decision.Awarded.Should().Be(1);
        var detail = await app.Send(DemoAccounts.OfficerTanHoa, new GetNomination(id));
        detail.Status.Should().Be(NominationStatus.Awarded);
        detail.DecisionId.Should().Be(decision.DecisionId);
        detail.OpenTasks.Should().BeEmpty();
        detail.Timeline.Select(e => e.StepKey).Where(s => s is not null).Distinct().Should().ContainInOrder(
            "unit-proposal", "committee-review", "public-disclosure", "appraisal", "decision", "awarded");
        detail.Timeline.Where(e => e.Action == "task.approve").Select(e => e.ActorName).Should().Equal(
            NominationSteps.SteeringInOrder.Select(m => m.DisplayName));
        detail.Timeline.Should().Contain(e => e.Action == "nomination.submitted" && e.ActorName == DemoAccounts.OfficerTanHoa.DisplayName && e.Comment == "Kính trình Ban Chỉ đạo.");
        detail.Timeline.Should().Contain(e => e.Action == "decision.issued" && e.ActorName == DemoAccounts.Leader.DisplayName);
        detail.Timeline.Select(e => e.At).Should().BeInAscendingOrder();
    }

    [Fact]
    public async Task An_individual_travels_the_same_route()
    {
        var id = await _steps.DraftIndividualAsync();
        await _steps.AttachRequiredDocumentsAsync(id);
        await app.Send(DemoAccounts.OfficerTanHoa, new SubmitNomination(id, null));
        await _steps.ApproveByWholeCommitteeAsync(id);
        await _steps.EndDisclosureAsync(id);
        await _steps.ActAsync(DemoAccounts.Appraiser, id, "forward");
        await _steps.DecideAsync("216/QĐ-UBND", id);

        var detail = await app.Send(DemoAccounts.OfficerTanHoa, new GetNomination(id));
        detail.Status.Should().Be(NominationStatus.Awarded);
        detail.NomineeName.Should().Be("Trần Thị Mỹ Duyên");
    }

    [Fact]
    public async Task Committee_members_get_their_turn_strictly_in_rank_order()
    {
        var id = await _steps.SubmittedCollectiveAsync();

        var inboxes = new List<int>();
        foreach (var member in NominationSteps.SteeringInOrder)
            inboxes.Add((await app.Send(member, new GetInbox())).Count(t => t.NominationId == id));

        inboxes.Should().Equal(1, 0, 0);
        var first = await _steps.TurnOfAsync(DemoAccounts.SteeringStandingMember, id);
        first.Actions.Should().BeEquivalentTo("approve", "return", "reject");
        first.DueAt.Should().BeAfter(app.Clock.GetUtcNow());
        await _steps.ActAsync(DemoAccounts.SteeringStandingMember, id, "approve");
        (await app.Send(DemoAccounts.SteeringDeputyHead, new GetInbox())).Should().Contain(t => t.NominationId == id);
        (await app.Send(DemoAccounts.SteeringStandingMember, new GetInbox())).Should().NotContain(t => t.NominationId == id);
    }
}
