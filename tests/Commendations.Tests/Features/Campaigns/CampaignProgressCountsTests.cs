using Commendations.Domain.Nominations;
using Commendations.Features.Campaigns;
using Commendations.Features.Nominations;
using Commendations.Scheduling;
using Commendations.Seeding;
using Commendations.Testing;
using Commendations.Tests.Features.Nominations;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Tests.Features.Campaigns;

/// <summary>
/// Campaign progress is read from counts a trigger keeps as nominations are created and move on; they must always equal
/// what counting the nominations themselves gives, for a reviewer and for an officer's own unit, before and after the
/// counts are folded together.
/// </summary>
public class CampaignProgressCountsTests(LifecycleHarness app) : IClassFixture<LifecycleHarness>
{
    private readonly NominationSteps _steps = new(app);

    [Fact]
    public async Task Progress_counts_follow_creation_submission_approval_withdrawal_and_survive_compaction()
    {
        var campaign = await _steps.CampaignAsync(DemoCatalog.CurrentThematicCampaign);
        await _steps.DraftCollectiveAsync(name: "Tiến độ — nháp");
        await _steps.DraftCollectiveAsync(DemoAccounts.OfficerDongXuyen, "Tiến độ — nháp Đông Xuyên");
        var submitted = await _steps.SubmittedCollectiveAsync();
        var approved = await _steps.SubmittedCollectiveAsync();
        await _steps.ApproveByWholeCommitteeAsync(approved);
        var withdrawn = await _steps.DraftCollectiveAsync(name: "Tiến độ — rút");
        await app.Send(DemoAccounts.OfficerTanHoa, new WithdrawNomination(withdrawn, "Đơn vị rút hồ sơ."));

        await ExpectCountsMatchNominationsAsync(campaign);
        await using (var db = app.CreateDbContext())
        {
            var before = await db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM campaign_progress_counts").SingleAsync();
            await CampaignProgressCounts.CompactAsync(db, default);
            var after = await db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM campaign_progress_counts").SingleAsync();
            after.Should().BeLessThan(before, "the +1/-1 rows of each move are folded together");
        }
        await ExpectCountsMatchNominationsAsync(campaign);
        submitted.Should().NotBe(approved);
    }

    private async Task ExpectCountsMatchNominationsAsync(Guid campaign)
    {
        var reviewer = await app.Send(DemoAccounts.Appraiser, new GetCampaignProgress(campaign));
        var officer = await app.Send(DemoAccounts.OfficerTanHoa, new GetCampaignProgress(campaign));
        await using var db = app.CreateDbContext();
        var tanHoa = app.User(DemoAccounts.OfficerTanHoa).UnitId;
        var all = await db.Nominations.Where(n => n.CampaignId == campaign).Select(n => new { n.UnitId, n.Status, n.CurrentStep }).ToListAsync();

        reviewer.ByStatus.Should().BeEquivalentTo(ByStatus(all.Select(n => n.Status)));
        reviewer.Total.Should().Be(all.Count);
        reviewer.ByStatus.Keys.Should().Contain(["Draft", "InReview", "Withdrawn"]);
        officer.ByStatus.Should().BeEquivalentTo(ByStatus(all.Where(n => n.UnitId == tanHoa).Select(n => n.Status)));
        officer.Total.Should().BeLessThan(reviewer.Total, "the other commune's draft is not the officer's");
        NominationStatus[] final = [NominationStatus.Awarded, NominationStatus.Rejected, NominationStatus.Withdrawn];
        reviewer.ByStep.Should().BeEquivalentTo(all.Where(n => n.CurrentStep != null && !final.Contains(n.Status))
            .GroupBy(n => n.CurrentStep!).ToDictionary(g => g.Key, g => g.Count()));
    }

    private static Dictionary<string, int> ByStatus(IEnumerable<NominationStatus> statuses) =>
        statuses.GroupBy(s => s.ToString()).ToDictionary(g => g.Key, g => g.Count());
}
