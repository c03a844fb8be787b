using Commendations.Common.Errors;
using Commendations.Domain.Catalog;
using Commendations.Domain.Nominations;
using Commendations.Domain.Nominees;
using Commendations.Engine;
using Commendations.Features.Campaigns;
using Commendations.Features.Nominations;
using Commendations.Seeding;
using Commendations.Testing;
using CastVote = Commendations.Features.Nominations.CastVote;

namespace Commendations.Tests.Features.Nominations;

/// <summary>The shipped emulation-fighter route: appraisal, then a council vote (quorum 80 %, pass 90 % of all members).</summary>
public class CouncilVoteTests(LifecycleHarness app) : IClassFixture<LifecycleHarness>
{
    private readonly NominationSteps _steps = new(app);

    private static readonly IReadOnlyList<DemoAccounts.Account> Council = DemoAccounts.CouncilInOrder;

    private async Task<Guid> AtCouncilVoteAsync()
    {
        var campaign = await _steps.CampaignAsync(DemoCatalog.CurrentRegularCampaign);
        var id = await app.Send(DemoAccounts.OfficerTanHoa, new CreateNomination(campaign, DemoCatalog.ProvincialEmulationFighter,
            NomineeKind.Individual, new PersonInput("Nguyễn Thị Hồng Nhung", Gender.Female, 1972, "Trưởng thôn Bến Đình"), null,
            "Ba năm liền chiến sĩ thi đua cơ sở; sáng kiến áp dụng toàn tỉnh."));
        await _steps.AttachRequiredDocumentsAsync(id);
        await app.Send(DemoAccounts.OfficerTanHoa, new AddDocument(id, DocumentKind.Minutes, "bien-ban.pdf", NominationSteps.Pdf));
        await app.Send(DemoAccounts.OfficerTanHoa, new SubmitNomination(id, null));
        await _steps.ActAsync(DemoAccounts.Appraiser, id, "forward", "Đủ điều kiện trình Hội đồng.");
        return id;
    }

    [Fact]
    public async Task A_unanimous_council_passes_the_nomination_to_the_decision()
    {
        var id = await AtCouncilVoteAsync();
        (await _steps.TurnOfAsync(DemoAccounts.SteeringHead, id)).StepType.Should().Be("vote");

        foreach (var member in Council)
            await app.Send(member, new CastVote(id, VoteChoice.Yes, null));

        var detail = await app.Send(DemoAccounts.Leader, new GetNomination(id));
        detail.CurrentStep.Should().Be("decision");
        detail.MyTurn!.Actions.Should().Contain("award");
        detail.Timeline.Count(e => e.Action == "vote.cast").Should().Be(9);
    }

    [Fact]
    public async Task Eight_yes_of_nine_is_below_ninety_percent_of_the_membership_and_fails()
    {
        var id = await AtCouncilVoteAsync();

        foreach (var member in Council.Take(8))
            await app.Send(member, new CastVote(id, VoteChoice.Yes, null));
        var last = await app.Send(Council[8], new CastVote(id, VoteChoice.No, null));

        last.Status.Should().Be(NominationStatus.Rejected);
    }

    [Fact]
    public async Task A_member_votes_once_and_a_non_member_cannot_vote()
    {
        var id = await AtCouncilVoteAsync();
        await app.Send(Council[0], new CastVote(id, VoteChoice.Yes, null));

        var twice = () => app.Send(Council[0], new CastVote(id, VoteChoice.No, null));
        var officer = () => app.Send(DemoAccounts.OfficerTanHoa, new CastVote(id, VoteChoice.Yes, null));

        (await twice.Should().ThrowAsync<ConflictException>()).Which.Code.Should().Be("already-voted");
        await officer.Should().ThrowAsync<ForbiddenException>();
    }

    [Fact]
    public async Task Campaign_progress_counts_by_status_and_step_and_officers_see_only_their_unit()
    {
        var id = await AtCouncilVoteAsync();
        var campaign = await _steps.CampaignAsync(DemoCatalog.CurrentRegularCampaign);

        var reviewer = await app.Send(DemoAccounts.Appraiser, new GetCampaignProgress(campaign));
        var stranger = await app.Send(DemoAccounts.OfficerDongXuyen, new GetCampaignProgress(campaign));

        reviewer.ByStatus["InReview"].Should().BeGreaterThanOrEqualTo(1);
        reviewer.ByStep["council-vote"].Should().BeGreaterThanOrEqualTo(1);
        reviewer.Total.Should().Be(reviewer.ByStatus.Values.Sum());
        stranger.Total.Should().Be(0);
        id.Should().NotBeEmpty();
    }
}
