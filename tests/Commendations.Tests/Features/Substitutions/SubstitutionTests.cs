using Commendations.Common.Errors;
using Commendations.Domain.Catalog;
using Commendations.Domain.Notifications;
using Commendations.Domain.Nominees;
using Commendations.Engine;
using Commendations.Features.Nominations;
using Commendations.Features.Substitutions;
using Commendations.Seeding;
using Commendations.Testing;
using Commendations.Tests.Features.Nominations;
using Commendations.Tests.Scheduling;
using Microsoft.EntityFrameworkCore;
using CastVote = Commendations.Features.Nominations.CastVote;
using ActOnTask = Commendations.Features.Nominations.ActOnTask;

namespace Commendations.Tests.Features.Substitutions;

/// <summary>
/// The steering committee's standing member (Hoàng Văn Dũng) is away; a council colleague of the same unit (Bùi Văn Phúc)
/// covers his review turns "thay mặt", only within the dates set, and never his council ballot.
/// </summary>
public class SubstitutionTests(LifecycleHarness app) : IClassFixture<LifecycleHarness>, IAsyncLifetime
{
    private readonly NominationSteps _steps = new(app);
    private static readonly DemoAccounts.Account Away = DemoAccounts.SteeringStandingMember;
    private static readonly DemoAccounts.Account Cover = DemoAccounts.CouncilMember5;
    private static readonly DateOnly Today = new(2026, 12, 1);
    private readonly List<Guid> _set = [];

    public Task InitializeAsync()
    {
        app.Clock.Set(TestClock.At(2026, 12, 1));
        return Task.CompletedTask;
    }

    /// <summary>Each test's substitutions are revoked after it, so the next test's ranges do not overlap them.</summary>
    public async Task DisposeAsync()
    {
        app.Clock.Set(TestClock.At(2026, 12, 1));
        foreach (var id in _set)
            await app.Send(DemoAccounts.Admin, new RevokeSubstitution(id));
    }

    private async Task<SubstitutionView> AwayAsync(DateOnly from, DateOnly to)
    {
        var view = await app.Send(Away, new SetMySubstitute(app.UserId(Cover), from, to, "Đi học lớp bồi dưỡng"));
        _set.Add(view.Id);
        return view;
    }

    [Fact]
    public async Task The_substitute_sees_and_acts_on_the_away_members_turn_and_the_timeline_audit_and_notices_say_on_whose_behalf()
    {
        var set = await AwayAsync(Today, Today.AddDays(4));
        set.Status.Should().Be(SubstitutionStatus.Active);
        set.SubstituteName.Should().Be(Cover.DisplayName);
        await using var rig = SchedulerRig.Create(app.ConnectionString, app.Clock);
        var id = await _steps.SubmittedCollectiveAsync();
        await rig.DispatchAllAsync();

        var inbox = await app.Send(Cover, new GetInbox());
        inbox.Should().ContainSingle(i => i.NominationId == id).Which.OnBehalfOf.Should().Be(Away.DisplayName);
        (await app.Send(Cover, new GetWorkWaitingCount())).Count.Should().Be(inbox.Count, "the menu counts what the inbox lists");
        var turn = await _steps.TurnOfAsync(Cover, id);
        turn.OnBehalfOf.Should().Be(Away.DisplayName);

        await app.Send(Cover, new ActOnTask(turn.TaskId, "approve", "Đồng ý, thay mặt đồng chí Dũng."));

        var detail = await app.Send(DemoAccounts.SteeringDeputyHead, new GetNomination(id));
        detail.MyTurn.Should().NotBeNull("the standing member's turn is done; the review goes on");
        detail.Timeline.Should().Contain(e => e.ActionLabel != null && e.ActorName == Cover.DisplayName && e.OnBehalfOf == Away.DisplayName);
        await using var db = app.CreateDbContext();
        var task = await db.Tasks.AsNoTracking().SingleAsync(t => t.Id == turn.TaskId);
        task.AssigneeUserId.Should().Be(app.UserId(Away), "the task stays the member's; the substitute acted in his place");
        var instance = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.NominationId == id);
        InstanceState.FromJson(instance.State).History.Should().Contain(h => h.Event == HistoryEvent.Acted && h.TaskId != null
            && h.ActorUserId == app.UserId(Away).ToString() && h.SubstituteUserId == app.UserId(Cover).ToString());
        var audit = await db.AuditEntries.AsNoTracking().Where(e => e.Stream == $"nomination:{id}" && e.Action.StartsWith("task.")).ToListAsync();
        audit.Should().ContainSingle(e => e.Data.Contains("onBehalfOf")).Which.Data.Should().Contain(app.UserId(Away).ToString());

        (await app.Send(DemoAccounts.Admin, new GetRouteView(id))).Passages
            .Should().Contain(p => p.Actor == $"{Cover.DisplayName} (thay mặt {Away.DisplayName})", "the route view names both too");
        await rig.DispatchAllAsync();
        var notes = await db.Notifications.AsNoTracking().ToListAsync();
        notes.Where(n => n.Kind == NotificationKinds.SubstitutionSet && n.DedupeKey.StartsWith($"substitution:{set.Id:N}")).Select(n => n.RecipientUserId)
            .Should().BeEquivalentTo([app.UserId(Away), app.UserId(Cover)], "both are told when the cover is set");
        notes.Should().Contain(n => n.NominationId == id && n.Kind == NotificationKinds.TaskCovered && n.RecipientUserId == app.UserId(Cover)
            && n.Title.Contains(Away.DisplayName));
        notes.Should().Contain(n => n.NominationId == id && n.Kind == NotificationKinds.TaskAssigned && n.RecipientUserId == app.UserId(Away)
            && n.Body.Contains(Cover.DisplayName), "the away member's own notice says who covers it");
    }

    [Fact]
    public async Task Outside_the_range_the_substitute_is_refused_and_the_task_stays_open()
    {
        await AwayAsync(Today.AddDays(9), Today.AddDays(11));
        var id = await _steps.SubmittedCollectiveAsync();
        (await app.Send(Cover, new GetInbox())).Should().NotContain(i => i.NominationId == id, "the cover has not begun");
        await using var db = app.CreateDbContext();
        var task = await db.Tasks.AsNoTracking().SingleAsync(t => t.NominationId == id && t.Status == Domain.Workflows.WorkflowTaskStatus.Open);

        var early = () => app.Send(Cover, new ActOnTask(task.Id, "approve", null));
        var refused = (await early.Should().ThrowAsync<ForbiddenException>()).Which;
        refused.Code.Should().Be(Substitutes.OutOfRange);
        refused.Text.Format().Should().Contain("10/12/2026").And.Contain("12/12/2026");

        app.Clock.Set(TestClock.At(2026, 12, 14));
        (await early.Should().ThrowAsync<ForbiddenException>()).Which.Code.Should().Be(Substitutes.OutOfRange, "the cover has ended");
        (await db.Tasks.AsNoTracking().SingleAsync(t => t.Id == task.Id)).Status.Should().Be(Domain.Workflows.WorkflowTaskStatus.Open);
    }

    [Fact]
    public async Task A_substitute_cannot_cast_the_away_members_council_ballot_but_sees_that_it_waits()
    {
        var campaign = await _steps.CampaignAsync(DemoCatalog.CurrentRegularCampaign);
        var id = await app.Send(DemoAccounts.OfficerTanHoa, new CreateNomination(campaign, DemoCatalog.ProvincialEmulationFighter,
            NomineeKind.Individual, new PersonInput("Nguyễn Thị Hồng Nhung", Gender.Female, 1972, "Trưởng thôn Bến Đình"), null,
            "Ba năm liền chiến sĩ thi đua cơ sở; sáng kiến áp dụng toàn tỉnh."));
        await _steps.AttachRequiredDocumentsAsync(id);
        await app.Send(DemoAccounts.OfficerTanHoa, new AddDocument(id, DocumentKind.Minutes, "bien-ban.pdf", NominationSteps.Pdf));
        await app.Send(DemoAccounts.OfficerTanHoa, new SubmitNomination(id, null));
        await _steps.ActAsync(DemoAccounts.Appraiser, id, "forward", "Đủ điều kiện trình Hội đồng.");
        await AwayAsync(Today, Today.AddDays(2));

        await app.Send(Cover, new CastVote(id, VoteChoice.Yes, null)); // his own ballot
        var forAway = () => app.Send(Cover, new CastVote(id, VoteChoice.Yes, "Thay mặt đồng chí Dũng"));

        (await forAway.Should().ThrowAsync<ConflictException>()).Which.Code.Should().Be(RuntimeErrors.PersonalVote);
        (await app.Send(Cover, new GetNomination(id))).MyTurn.Should().BeNull("a covered ballot is not the substitute's turn");
        (await app.Send(Cover, new GetInbox())).Should().ContainSingle(i => i.NominationId == id)
            .Which.Should().Match<InboxItem>(i => i.PersonalBallot && i.OnBehalfOf == Away.DisplayName);
        await app.Send(Away, new CastVote(id, VoteChoice.Yes, null)); // the member still votes in person
        (await app.Send(Away, new GetNomination(id))).Timeline.Count(e => e.Action == "vote.cast").Should().Be(2);
    }

    [Fact]
    public async Task The_minutes_name_an_absent_members_substitute_as_not_voting_for_them()
    {
        var id = await new Sessions.CouncilSteps(app).AtCouncilVoteAsync(DemoCatalog.ProvincialEmulationFighter, "Ứng viên thay thế");
        var away = DemoAccounts.CouncilMember8;
        var cover = await app.Send(DemoAccounts.Admin, new SetSubstituteFor(app.UserId(away), app.UserId(DemoAccounts.CouncilMember6), Today, Today.AddDays(3), null));
        _set.Add(cover.Id);
        var secretary = DemoAccounts.SteeringStandingMember;
        var sessionId = await app.Send(secretary, new Commendations.Features.Sessions.OpenSession(DemoCatalog.Council, "Phiên họp xét danh hiệu",
            TestClock.At(2026, 12, 2), null, [id]));
        await app.Send(secretary, new Commendations.Features.Sessions.RecordAttendance(sessionId, app.UserId(DemoAccounts.CouncilMember6),
            Domain.Sessions.AttendanceStatus.Present));

        var minutes = await app.Send(secretary, new Commendations.Features.Sessions.GetSession(sessionId));

        minutes.Attendance.Single(a => a.MemberUserId == app.UserId(away)).SubstituteName.Should().Be(DemoAccounts.CouncilMember6.DisplayName);
        minutes.Attendance.Where(a => a.MemberUserId != app.UserId(away)).Should().OnlyContain(a => a.SubstituteName == null);
    }

    [Fact]
    public async Task Bad_ranges_and_people_are_refused_and_nothing_is_recorded()
    {
        var me = app.UserId(DemoAccounts.SteeringDeputyHead);
        var colleague = app.UserId(DemoAccounts.SteeringHead);
        async Task<IReadOnlyDictionary<string, string[]>> Refused(Func<Task> send) =>
            (await send.Should().ThrowAsync<InputException>()).Which.Errors;

        (await Refused(() => app.Send(DemoAccounts.SteeringDeputyHead, new SetMySubstitute(me, Today, Today, null)))).Keys.Should().Equal("substituteUserId");
        (await Refused(() => app.Send(DemoAccounts.SteeringDeputyHead, new SetMySubstitute(colleague, Today.AddDays(-1), Today, null)))).Keys.Should().Equal("from");
        (await Refused(() => app.Send(DemoAccounts.SteeringDeputyHead, new SetMySubstitute(colleague, Today.AddDays(3), Today.AddDays(2), null)))).Keys.Should().Equal("to");
        (await Refused(() => app.Send(DemoAccounts.SteeringDeputyHead, new SetMySubstitute(colleague, Today, Today.AddDays(90), null)))).Keys.Should().Equal("to");
        (await Refused(() => app.Send(DemoAccounts.SteeringDeputyHead, new SetMySubstitute(app.UserId(DemoAccounts.OfficerTanHoa), Today, Today, null))))
            .Keys.Should().Equal(["substituteUserId"], "an officer of another unit, without the reviewing role, cannot open the dossiers");
        (await app.Send(DemoAccounts.SteeringDeputyHead, new ListMySubstituteCandidates())).Should().Contain(c => c.UserId == colleague)
            .And.NotContain(c => c.UserId == me || c.UserId == app.UserId(DemoAccounts.OfficerTanHoa));

        var first = await app.Send(DemoAccounts.SteeringDeputyHead, new SetMySubstitute(colleague, Today.AddDays(1), Today.AddDays(3), null));
        _set.Add(first.Id);
        var overlap = () => app.Send(DemoAccounts.Admin, new SetSubstituteFor(me, app.UserId(DemoAccounts.CouncilMember5), Today.AddDays(3), Today.AddDays(5), null));
        (await overlap.Should().ThrowAsync<ConflictException>()).Which.Code.Should().Be("substitution-overlaps");
        var notAdmin = () => app.Send(DemoAccounts.SteeringHead, new SetSubstituteFor(me, app.UserId(DemoAccounts.CouncilMember5), Today.AddDays(6), Today.AddDays(7), null));
        await notAdmin.Should().ThrowAsync<ForbiddenException>();
        var stranger = () => app.Send(DemoAccounts.CouncilMember9, new RevokeSubstitution(first.Id));
        await stranger.Should().ThrowAsync<NotFoundException>("only the person away, whoever set it, or an administrator may revoke it");

        await using var db = app.CreateDbContext();
        (await db.Substitutions.CountAsync(s => s.PrincipalUserId == me)).Should().Be(1);
        (await app.Send(DemoAccounts.Admin, new ListSubstitutions())).Should().Contain(s => s.Id == first.Id && s.Status == SubstitutionStatus.Upcoming);
    }

    [Fact]
    public async Task An_administrator_sets_a_substitute_for_someone_and_revoking_ends_the_cover_at_once()
    {
        var set = await app.Send(DemoAccounts.Admin, new SetSubstituteFor(app.UserId(Away), app.UserId(Cover), Today, Today.AddDays(1), "Ốm đột xuất"));
        var id = await _steps.SubmittedCollectiveAsync();
        (await app.Send(Cover, new GetInbox())).Should().Contain(i => i.NominationId == id);
        (await app.Send(Away, new ListMySubstitutions())).Should().ContainSingle(s => s.Id == set.Id);

        var revoked = await app.Send(Away, new RevokeSubstitution(set.Id));

        revoked.Status.Should().Be(SubstitutionStatus.Revoked);
        (await app.Send(Cover, new GetInbox())).Should().NotContain(i => i.NominationId == id);
        var again = () => app.Send(Away, new RevokeSubstitution(set.Id));
        (await again.Should().ThrowAsync<ConflictException>()).Which.Code.Should().Be("substitution-over");
    }

    [Fact]
    public async Task Two_overlapping_covers_sent_at_once_save_one_and_the_database_refuses_a_second_active_range()
    {
        // Sent together, both may pass the use case's own check; PostgreSQL keeps one (the other is told why, never a 500).
        var first = app.Send(Away, new SetMySubstitute(app.UserId(Cover), Today.AddDays(40), Today.AddDays(44), null));
        var second = app.Send(Away, new SetMySubstitute(app.UserId(DemoAccounts.SteeringDeputyHead), Today.AddDays(42), Today.AddDays(46), null));
        var outcomes = await Task.WhenAll(Outcome(first), Outcome(second));
        outcomes.Count(o => o.View is not null).Should().Be(1);
        // Which refusal depends on where the two meet: the exclusion constraint (overlap), or the person's row both
        // transactions update (concurrent change) — either way a clear refusal, one cover saved.
        outcomes.Single(o => o.View is null).Refusal!.Code.Should().BeOneOf("substitution-overlaps", "concurrent-change");
        _set.Add(outcomes.Single(o => o.View is not null).View!.Id);

        // Written straight to the table (past every check in code): the exclusion constraint refuses it.
        await using var db = app.CreateDbContext();
        db.Substitutions.Add(new Domain.Substitutions.Substitution(app.UserId(Away), app.UserId(DemoAccounts.SteeringDeputyHead),
            Today.AddDays(44), Today.AddDays(50), null, app.UserId(DemoAccounts.Admin), app.Clock.GetUtcNow()));
        var save = () => db.SaveChangesAsync();
        var refused = await save.Should().ThrowAsync<DbUpdateException>();
        Commendations.Persistence.DatabaseRefusals.Refusal(refused.Which).Should().BeOfType<ConflictException>().Which.Code.Should().Be("substitution-overlaps");
    }

    private static async Task<(SubstitutionView? View, ConflictException? Refusal)> Outcome(Task<SubstitutionView> request)
    {
        try
        {
            return (await request, null);
        }
        catch (ConflictException refusal)
        {
            return (null, refusal);
        }
    }
}
