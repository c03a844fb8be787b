using Commendations.Common.Errors;
using Commendations.Domain.Incidents;
using Commendations.Features.Admin.Users;
using Commendations.Features.Incidents;
using Commendations.Seeding;
using Commendations.Testing;
using Commendations.Tests.Features.Nominations;
using Commendations.Tests.Features.Registry;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Tests.Features.Incidents;

/// <summary>Routes that cannot move on by themselves are listed for administrators at once, with the reason in words, and leave the list when the cause goes.</summary>
public class IncidentTests(LifecycleHarness app) : IClassFixture<LifecycleHarness>
{
    private readonly NominationSteps _steps = new(app);

    [Fact]
    public async Task Locking_the_account_whose_turn_it_is_opens_an_incident_at_once_and_unlocking_resolves_it()
    {
        var id = await _steps.SubmittedCollectiveAsync();
        var member = app.UserId(DemoAccounts.SteeringStandingMember);

        await app.Send(DemoAccounts.Admin, new SetUserLock(member, true));

        var incident = (await app.Send(DemoAccounts.Admin, new ListIncidents())).Single(i => i.NominationId == id);
        incident.Kind.Should().Be(IncidentKind.AssigneeLocked);
        incident.KindName.Should().Be("Người được giao bị khóa tài khoản");
        incident.Reason.Should().Be("Việc \"Ban Chỉ đạo xem xét\" được giao cho Hoàng Văn Dũng, tài khoản này đang bị khóa.");
        incident.FirstSeenAt.Should().Be(app.Clock.GetUtcNow(), "found when the account was locked, not at the next sweep");
        incident.Repairs.Select(r => r.Name).Should().Contain("Mở khóa tài khoản");

        // The sweep finds it again: still one incident, first seen when it began.
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        (await app.Send(Commendations.Common.Security.FixedCurrentUser.System, new SweepIncidents())).Opened.Should().Be(0);
        (await app.Send(DemoAccounts.Admin, new ListIncidents())).Where(i => i.NominationId == id).Should().ContainSingle()
            .Which.FirstSeenAt.Should().Be(incident.FirstSeenAt);
        (await app.Send(DemoAccounts.Admin, new CountOpenIncidents())).Should().BeGreaterThan(0);

        await app.Send(DemoAccounts.Admin, new SetUserLock(member, false));

        (await app.Send(DemoAccounts.Admin, new ListIncidents())).Should().NotContain(i => i.NominationId == id);
        await using var db = app.CreateDbContext();
        (await db.Incidents.SingleAsync(i => i.NominationId == id)).ResolvedAt.Should().Be(app.Clock.GetUtcNow());
    }

    [Fact]
    public async Task A_committee_with_no_active_member_left_is_an_incident_with_its_repairs_until_a_member_is_back()
    {
        var id = await _steps.SubmittedCollectiveAsync();
        DemoAccounts.Account[] steering = [DemoAccounts.SteeringStandingMember, DemoAccounts.SteeringDeputyHead, DemoAccounts.SteeringHead];
        try
        {
            foreach (var member in steering)
                await app.Send(DemoAccounts.Admin, new SetUserLock(app.UserId(member), true));

            var incident = (await app.Send(DemoAccounts.Admin, new ListIncidents()))
                .Should().ContainSingle(i => i.NominationId == id && i.Kind == IncidentKind.CommitteeUnresolved).Subject;
            incident.KindName.Should().Be("Hội đồng / Ban không còn thành viên");
            incident.Reason.Should().Contain("Ban Chỉ đạo xem xét");
            incident.Repairs.Select(r => r.Name).Should().Contain(["Bổ sung thành viên Hội đồng / Ban", "Chuyển hồ sơ sang bước khác"]);
            incident.Repairs.Should().Contain(r => r.Link == $"/de-nghi/{id}/lo-trinh#move");

            // One member back is enough for the turn to be given: the incident goes at once.
            await app.Send(DemoAccounts.Admin, new SetUserLock(app.UserId(DemoAccounts.SteeringHead), false));
            (await app.Send(DemoAccounts.Admin, new ListIncidents())).Should().NotContain(i => i.NominationId == id && i.Kind == IncidentKind.CommitteeUnresolved);
        }
        finally
        {
            foreach (var member in steering)
                await app.Send(DemoAccounts.Admin, new SetUserLock(app.UserId(member), false));
        }
    }

    [Fact]
    public async Task A_decision_nobody_active_can_take_is_an_incident_naming_the_role_and_the_step()
    {
        var ids = await new AwardSteps(app).AtDecisionAsync(1, 0, "SC");
        await app.Send(DemoAccounts.Admin, new SetUserLock(app.UserId(DemoAccounts.Leader), true));
        try
        {
            var incident = (await app.Send(DemoAccounts.Admin, new ListIncidents())).Single(i => i.NominationId == ids[0]);
            incident.Kind.Should().Be(IncidentKind.NoEligibleAssignee);
            incident.Reason.Should().Contain("lãnh đạo tỉnh").And.Contain("Quyết định khen thưởng").And.NotContain("provincialLeader");
        }
        finally
        {
            await app.Send(DemoAccounts.Admin, new SetUserLock(app.UserId(DemoAccounts.Leader), false));
        }
    }

    [Fact]
    public async Task A_disclosure_is_scheduled_by_its_own_transaction_and_one_whose_end_was_lost_is_an_incident()
    {
        // Waits are rows written with the transition (no outbox, no Quartz job): the disclosure's end is there at once.
        var id = (await new AwardSteps(app).InDisclosureAsync(1, 0, "WS"))[0];
        await using (var db = app.CreateDbContext())
        {
            var wait = await db.StepWaits.SingleAsync(w => w.NominationId == id);
            wait.Until.Should().BeAfter(app.Clock.GetUtcNow(), "the disclosure ends working days from now");
        }
        app.Clock.Advance(TimeSpan.FromMinutes(15));
        await app.Send(Commendations.Common.Security.FixedCurrentUser.System, new SweepIncidents());
        (await app.Send(DemoAccounts.Admin, new ListIncidents())).Should().NotContain(i => i.NominationId == id);

        // A store that lost the row (restored from an inconsistent backup, edited by hand): nothing would end the wait.
        await using (var db = app.CreateDbContext())
            await db.StepWaits.Where(w => w.NominationId == id).ExecuteDeleteAsync();
        await app.Send(Commendations.Common.Security.FixedCurrentUser.System, new SweepIncidents());

        var incident = (await app.Send(DemoAccounts.Admin, new ListIncidents())).Single(i => i.NominationId == id);
        incident.Kind.Should().Be(IncidentKind.WaitNotScheduled);
        incident.Reason.Should().Be("Bước chờ \"Công khai, lấy ý kiến\" chưa được hẹn giờ kết thúc: hồ sơ sẽ không tự chuyển sang bước sau.");
    }

    [Fact]
    public async Task Only_administrators_see_incidents_or_sweep()
    {
        var read = () => app.Send(DemoAccounts.OfficerTanHoa, new ListIncidents());
        var sweep = () => app.Send(DemoAccounts.SteeringHead, new SweepIncidents());

        await read.Should().ThrowAsync<ForbiddenException>();
        await sweep.Should().ThrowAsync<ForbiddenException>();
    }
}
