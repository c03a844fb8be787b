using Commendations.Common.Errors;
using Commendations.Domain.Catalog;
using Commendations.Domain.Nominations;
using Commendations.Features.Nominations;
using Commendations.Seeding;
using Commendations.Testing;

namespace Commendations.Tests.Features.Nominations;

public class ReturnAndRejectionTests(LifecycleHarness app) : IClassFixture<LifecycleHarness>
{
    private readonly NominationSteps _steps = new(app);

    [Fact]
    public async Task A_return_sends_the_dossier_back_to_the_unit_and_resubmission_goes_through_the_committee_again()
    {
        var id = await _steps.SubmittedCollectiveAsync();
        await _steps.ActAsync(DemoAccounts.SteeringStandingMember, id, "approve");
        await _steps.ActAsync(DemoAccounts.SteeringDeputyHead, id, "return", "Thiếu giấy chứng nhận sáng kiến.");

        var returned = await app.Send(DemoAccounts.OfficerTanHoa, new GetNomination(id));
        returned.Status.Should().Be(NominationStatus.Returned);
        returned.Round.Should().Be(2);
        returned.CurrentStep.Should().Be("unit-proposal");
        returned.MyTurn.Should().NotBeNull("the officer must answer the return");
        returned.Timeline.Should().Contain(e => e.Action == "task.return" && e.Comment == "Thiếu giấy chứng nhận sáng kiến."
                                                && e.ActorName == DemoAccounts.SteeringDeputyHead.DisplayName);

        // The unit completes the dossier after the window closed: a resubmission answers the return, not the window.
        app.Clock.Set(TestClock.At(2026, 12, 14));
        await app.Send(DemoAccounts.OfficerTanHoa, new AddDocument(id, DocumentKind.Certificate, "chung-nhan-sang-kien.pdf", NominationSteps.Pdf));
        var resubmitted = await app.Send(DemoAccounts.OfficerTanHoa, new SubmitNomination(id, "Đã bổ sung."));

        resubmitted.Status.Should().Be(NominationStatus.InReview);
        resubmitted.Round.Should().Be(2);
        (await _steps.TurnOfAsync(DemoAccounts.SteeringStandingMember, id)).StepKey.Should().Be("committee-review");
        await _steps.ApproveByWholeCommitteeAsync(id);
        var detail = await app.Send(DemoAccounts.OfficerTanHoa, new GetNomination(id));
        detail.CurrentStep.Should().Be("public-disclosure");
        detail.Documents.Should().Contain(d => d.Kind == DocumentKind.Certificate && d.Round == 2);
        detail.Timeline.Should().Contain(e => e.Action == "nomination.resubmitted");
    }

    [Fact]
    public async Task A_rejection_by_the_second_member_ends_the_nomination_and_nobody_can_act_any_more()
    {
        var id = await _steps.SubmittedCollectiveAsync();
        await _steps.ActAsync(DemoAccounts.SteeringStandingMember, id, "approve");
        var task = (await _steps.TurnOfAsync(DemoAccounts.SteeringDeputyHead, id)).TaskId;

        var outcome = await app.Send(DemoAccounts.SteeringDeputyHead, new ActOnTask(task, "reject", "Không đạt tiêu chuẩn."));

        outcome.Status.Should().Be(NominationStatus.Rejected);
        (await app.Send(DemoAccounts.SteeringHead, new GetNomination(id))).MyTurn.Should().BeNull();
        var again = () => app.Send(DemoAccounts.SteeringDeputyHead, new ActOnTask(task, "approve", null));
        await again.Should().ThrowAsync<ConflictException>();
    }

    [Fact]
    public async Task A_return_or_rejection_without_a_reason_is_refused()
    {
        var id = await _steps.SubmittedCollectiveAsync();
        var task = (await _steps.TurnOfAsync(DemoAccounts.SteeringStandingMember, id)).TaskId;

        var reject = () => app.Send(DemoAccounts.SteeringStandingMember, new ActOnTask(task, "reject", " "));

        (await reject.Should().ThrowAsync<InputException>()).Which.Errors.Should().ContainKey("comment");
        (await app.Send(DemoAccounts.SteeringStandingMember, new GetNomination(id))).Status.Should().Be(NominationStatus.InReview);
    }

    [Fact]
    public async Task The_unit_can_withdraw_before_the_decision()
    {
        var id = await _steps.SubmittedCollectiveAsync();

        var outcome = await app.Send(DemoAccounts.OfficerTanHoa, new WithdrawNomination(id, "Đơn vị rút hồ sơ để hoàn thiện năm sau."));

        outcome.Status.Should().Be(NominationStatus.Withdrawn);
        (await app.Send(DemoAccounts.SteeringStandingMember, new GetInbox())).Should().NotContain(t => t.NominationId == id);
    }
}
