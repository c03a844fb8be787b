using Commendations.Common.Errors;
using Commendations.Domain.Catalog;
using Commendations.Domain.Nominations;
using Commendations.Features.Nominations;
using Commendations.Seeding;
using Commendations.Testing;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Tests.Features.Nominations;

/// <summary>What must be refused, with a reason, leaving everything as it was.</summary>
public class RefusalTests(LifecycleHarness app) : IClassFixture<LifecycleHarness>
{
    private readonly NominationSteps _steps = new(app);

    [Fact]
    public async Task A_member_acting_out_of_turn_is_refused_and_the_state_is_unchanged()
    {
        var id = await _steps.SubmittedCollectiveAsync();
        var firstMembersTask = (await _steps.TurnOfAsync(DemoAccounts.SteeringStandingMember, id)).TaskId;
        var before = await SnapshotAsync(id);

        var outOfTurn = () => app.Send(DemoAccounts.SteeringHead, new ActOnTask(firstMembersTask, "approve", "Tôi duyệt trước."));

        var refusal = (await outOfTurn.Should().ThrowAsync<ConflictException>()).Which;
        refusal.Code.Should().Be("not-your-turn");
        (await SnapshotAsync(id)).Should().Be(before);
    }

    [Fact]
    public async Task An_officer_of_another_unit_can_neither_read_nor_change_the_nomination()
    {
        var id = await _steps.DraftCollectiveAsync();

        var read = () => app.Send(DemoAccounts.OfficerDongXuyen, new GetNomination(id));
        var edit = () => app.Send(DemoAccounts.OfficerDongXuyen, new EditNomination(id, null, null, "Sửa trộm."));
        var upload = () => app.Send(DemoAccounts.OfficerDongXuyen, new AddDocument(id, DocumentKind.Other, "x.pdf", NominationSteps.Pdf));
        var submit = () => app.Send(DemoAccounts.OfficerDongXuyen, new SubmitNomination(id, null));
        var list = await app.Send(DemoAccounts.OfficerDongXuyen, new ListNominations());

        await read.Should().ThrowAsync<NotFoundException>();
        await edit.Should().ThrowAsync<NotFoundException>();
        await upload.Should().ThrowAsync<NotFoundException>();
        await submit.Should().ThrowAsync<NotFoundException>();
        list.Items.Should().NotContain(n => n.Id == id);
        (await app.Send(DemoAccounts.OfficerTanHoa, new GetNomination(id))).AchievementSummary.Should().NotBe("Sửa trộm.");
    }

    [Fact]
    public async Task Reviewers_do_not_see_drafts()
    {
        var id = await _steps.DraftCollectiveAsync();

        var read = () => app.Send(DemoAccounts.SteeringStandingMember, new GetNomination(id));

        await read.Should().ThrowAsync<NotFoundException>();
    }

    [Fact]
    public async Task Submission_outside_the_dossier_window_is_refused()
    {
        var id = await _steps.DraftCollectiveAsync();
        await _steps.AttachRequiredDocumentsAsync(id);
        app.Clock.Set(TestClock.At(2026, 12, 11, 8));

        var submit = () => app.Send(DemoAccounts.OfficerTanHoa, new SubmitNomination(id, null));

        (await submit.Should().ThrowAsync<ConflictException>()).Which.Code.Should().Be("dossier-window-closed");
        (await app.Send(DemoAccounts.OfficerTanHoa, new GetNomination(id))).Status.Should().Be(NominationStatus.Draft);
    }

    [Fact]
    public async Task Submission_without_the_required_documents_is_refused_and_names_what_is_missing()
    {
        var id = await _steps.DraftCollectiveAsync();
        await app.Send(DemoAccounts.OfficerTanHoa, new AddDocument(id, DocumentKind.SubmissionLetter, "to-trinh.pdf", NominationSteps.Pdf));

        var submit = () => app.Send(DemoAccounts.OfficerTanHoa, new SubmitNomination(id, null));

        (await submit.Should().ThrowAsync<InputException>()).Which.Errors["documents"].Single().Should().Contain("Báo cáo thành tích").And.NotContain("AchievementReport");
    }

    [Fact]
    public async Task Only_the_provincial_leader_issues_decisions()
    {
        var decide = () => app.Send(DemoAccounts.Appraiser, new Commendations.Features.Decisions.IssueDecision(
            "300/QĐ-UBND", new DateOnly(2027, 1, 5), "A", "B", "C", [Guid.NewGuid()]));

        await decide.Should().ThrowAsync<ForbiddenException>();
    }

    [Fact]
    public async Task A_decision_for_a_nomination_not_at_the_decision_step_is_refused_whole()
    {
        var id = await _steps.SubmittedCollectiveAsync();

        var decide = () => _steps.DecideAsync("301/QĐ-UBND", id);

        (await decide.Should().ThrowAsync<ConflictException>()).Which.Code.Should().Be("not-at-decision");
        await using var db = app.CreateDbContext();
        (await db.Decisions.AnyAsync(d => d.Number == "301/QĐ-UBND")).Should().BeFalse();
    }

    private async Task<string> SnapshotAsync(Guid id)
    {
        await using var db = app.CreateDbContext();
        var instance = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.NominationId == id);
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.NominationId == id).OrderBy(t => t.TaskKey)
            .Select(t => t.TaskKey + t.Status + t.Outcome).ToListAsync();
        var audit = await db.AuditEntries.CountAsync(e => e.Stream == Commendations.Audit.AuditTrail.NominationStream(id));
        return $"{instance.State}|{string.Join(",", tasks)}|{audit}";
    }
}
