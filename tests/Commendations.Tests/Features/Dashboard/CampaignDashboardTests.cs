using Commendations.Common.Errors;
using Commendations.Engine;
using Commendations.Features.Dashboard;
using Commendations.Seeding;
using Commendations.Testing;
using Commendations.Tests.Features.Nominations;

namespace Commendations.Tests.Features.Dashboard;

/// <summary>The campaign dashboard over nominations moved through the real route on PostgreSQL.</summary>
public class CampaignDashboardTests(LifecycleHarness app) : IClassFixture<LifecycleHarness>
{
    private readonly NominationSteps _steps = new(app);

    [Fact]
    public async Task Counts_overdue_tasks_and_average_step_times_come_from_the_campaigns_nominations_and_tasks_in_each_users_scope()
    {
        var campaign = await _steps.CampaignAsync(DemoCatalog.CurrentThematicCampaign);
        // Tân Hòa: one draft, one approved by the first member after 2 working hours, one waiting; Đông Xuyên: one waiting.
        await _steps.DraftCollectiveAsync();
        var approved = await _steps.SubmittedCollectiveAsync();
        var waiting = await _steps.SubmittedCollectiveAsync();
        app.Clock.Set(app.Clock.GetUtcNow().AddHours(2));
        await _steps.ActAsync(DemoAccounts.SteeringStandingMember, approved, "approve");
        var other = await _steps.DraftCollectiveAsync(DemoAccounts.OfficerDongXuyen, "UBND phường Đông Xuyên");
        await _steps.AttachRequiredDocumentsAsync(other, DemoAccounts.OfficerDongXuyen);
        await app.Send(DemoAccounts.OfficerDongXuyen, new Commendations.Features.Nominations.SubmitNomination(other, null));

        var now = await app.Send(DemoAccounts.Leader, new GetCampaignDashboard(campaign));
        now.Code.Should().Be(DemoCatalog.CurrentThematicCampaign);
        now.Total.Should().Be(4);
        now.ByStatus.Should().Contain(new CountItem("InReview", 3)).And.Contain(new CountItem("Draft", 1));
        now.ByStep.Should().Contain(new CountItem("committee-review", 3) { Name = "Ban Chỉ đạo xem xét" }, "steps are named by the definition, not shown by key");
        now.OverdueTasks.Should().Be(0);
        now.OpenTasks.Should().Be(4); // three committee turns and the draft's own unit-proposal task
        var review = now.AverageByStep.Should().ContainSingle(d => d.StepKey == "committee-review").Subject;
        review.StepName.Should().Be("Ban Chỉ đạo xem xét");
        review.ClosedTasks.Should().Be(1);
        review.AverageHours.Should().Be(2);
        review.AverageWorkingDays.Should().BeApproximately(2.0 / 9, 0.06); // 09:00–11:00 of a 08:00–17:00 working day

        // A month later every open committee task is overdue: by step and by nominating unit.
        app.Clock.Set(app.Clock.GetUtcNow().AddDays(30));
        var later = await app.Send(DemoAccounts.Admin, new GetCampaignDashboard(campaign));
        later.OverdueByStep.Should().Contain(new CountItem("committee-review", 3) { Name = "Ban Chỉ đạo xem xét" });
        later.OverdueTasks.Should().Be(later.OverdueByStep.Sum(s => s.Count));
        later.OverdueByUnit.Sum(u => u.Count).Should().Be(later.OverdueTasks);
        later.OverdueByUnit.Single(u => u.UnitCode == DemoUnits.DongXuyen).Count.Should().Be(1);
        later.OverdueByUnit.Single(u => u.UnitCode == DemoUnits.TanHoa).Count.Should().BeGreaterThanOrEqualTo(2);

        // An officer sees their own unit only.
        var mine = await app.Send(DemoAccounts.OfficerDongXuyen, new GetCampaignDashboard(campaign));
        mine.Total.Should().Be(1);
        mine.OverdueByUnit.Should().ContainSingle().Which.UnitCode.Should().Be(DemoUnits.DongXuyen);
        mine.AverageByStep.Should().NotContain(d => d.StepKey == "committee-review"); // only Tân Hòa's dossier was reviewed

        var unknown = () => app.Send(DemoAccounts.Leader, new GetCampaignDashboard(Guid.NewGuid()));
        await unknown.Should().ThrowAsync<NotFoundException>();
        waiting.Should().NotBeEmpty();
    }

    [Fact]
    public void Working_days_skip_nights_weekends_and_holidays()
    {
        var calendar = new WorkingCalendar(holidays: [new DateOnly(2026, 12, 7)], extraWorkingDays: []);
        var friday = new DateTimeOffset(2026, 12, 4, 13, 0, 0, TimeSpan.FromHours(7));
        var tuesday = new DateTimeOffset(2026, 12, 8, 12, 30, 0, TimeSpan.FromHours(7));
        // Friday 13:00–17:00 (4 h), Monday a holiday, Tuesday 08:00–12:30 (4.5 h): 8.5 of 9 hours.
        GetCampaignDashboardHandler.WorkingDaysBetween(calendar, friday, tuesday).Should().BeApproximately(8.5 / 9, 1e-9);
        GetCampaignDashboardHandler.WorkingDaysBetween(calendar, tuesday, friday).Should().Be(0);
    }
}
