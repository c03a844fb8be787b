using Commendations.Common.Errors;
using Commendations.Domain.Nominations;
using Commendations.Features.Nominations;
using Commendations.Features.Repairs;
using Commendations.Seeding;
using Commendations.Testing;
using Commendations.Tests.Features.Registry;

namespace Commendations.Tests.Features.Repairs;

/// <summary>An administrator ends a disclosure early by a legal decision: previewed first, then applied with the reason kept.</summary>
public class EndWaitEarlyTests(LifecycleHarness app) : IClassFixture<LifecycleHarness>
{
    private const string Reason = "Quyết định số 12/QĐ-UBND rút ngắn thời gian công khai.";

    [Fact]
    public async Task The_preview_changes_nothing_and_applying_moves_the_nomination_on_with_the_reason_in_its_history()
    {
        var id = (await new AwardSteps(app).InDisclosureAsync(1, 0, "EW"))[0];

        var preview = await app.Send(DemoAccounts.Admin, new EndWaitEarly(id, Reason));
        preview.Applied.Should().BeFalse();
        preview.WaitName.Should().Be("Công khai, lấy ý kiến");
        preview.NextStepName.Should().Be("Thẩm định");
        preview.WaitUntil.Should().BeAfter(app.Clock.GetUtcNow());
        (await app.Send(DemoAccounts.OfficerTanHoa, new GetNomination(id))).CurrentStepName.Should().Be("Công khai, lấy ý kiến");

        (await app.Send(DemoAccounts.Admin, new EndWaitEarly(id, Reason, Apply: true))).Applied.Should().BeTrue();

        var detail = await app.Send(DemoAccounts.OfficerTanHoa, new GetNomination(id));
        detail.Status.Should().Be(NominationStatus.InReview);
        detail.CurrentStepName.Should().Be("Thẩm định");
        detail.Timeline.Should().Contain(e => e.Action == EndWaitEarlyHandler.AuditAction && e.Comment == Reason && e.ActorName == DemoAccounts.Admin.DisplayName);
        var route = await app.Send(DemoAccounts.Admin, new GetRouteView(id));
        route.Passages.Should().Contain(p => p.What == "Kết thúc thời gian chờ trước hạn" && p.Comment == Reason && p.Actor == DemoAccounts.Admin.DisplayName);
        route.Timers.Should().NotContain(t => t.Kind == "waitEnds");
    }

    [Fact]
    public async Task Without_a_reason_not_at_a_wait_or_not_an_administrator_it_is_refused_and_nothing_changes()
    {
        var id = (await new AwardSteps(app).InDisclosureAsync(1, 0, "ER"))[0];

        var noReason = () => app.Send(DemoAccounts.Admin, new EndWaitEarly(id, " ", Apply: true));
        (await noReason.Should().ThrowAsync<InputException>()).Which.Errors.Keys.Should().Contain("reason");
        var notAdmin = () => app.Send(DemoAccounts.SteeringHead, new EndWaitEarly(id, Reason, Apply: true));
        await notAdmin.Should().ThrowAsync<ForbiddenException>();
        (await app.Send(DemoAccounts.OfficerTanHoa, new GetNomination(id))).CurrentStepName.Should().Be("Công khai, lấy ý kiến");

        // An unresolved complaint keeps the disclosure open: it is handled first.
        var citizen = new Commendations.Common.Security.FixedCurrentUser(Guid.NewGuid(), "Khách", new HashSet<string>(), null, "203.0.113.9");
        await app.Send(citizen, new Commendations.Features.Disclosure.SendDisclosureComment(id, null, null,
            "Tập thể này đang có đơn thư chưa giải quyết.", true, null, app.Clock.GetUtcNow().AddMinutes(-2), "203.0.113.9"));
        var complained = () => app.Send(DemoAccounts.Admin, new EndWaitEarly(id, Reason, Apply: true));
        (await complained.Should().ThrowAsync<ConflictException>()).Which.Code.Should().Be("open-complaint");
        (await app.Send(DemoAccounts.OfficerTanHoa, new GetNomination(id))).CurrentStepName.Should().Be("Công khai, lấy ý kiến");

        var other = (await new AwardSteps(app).InDisclosureAsync(1, 0, "EQ"))[0];
        await app.Send(DemoAccounts.Admin, new EndWaitEarly(other, Reason, Apply: true));
        var again = () => app.Send(DemoAccounts.Admin, new EndWaitEarly(other, Reason, Apply: true));
        (await again.Should().ThrowAsync<ConflictException>()).Which.Code.Should().Be("not-waiting");
    }
}
