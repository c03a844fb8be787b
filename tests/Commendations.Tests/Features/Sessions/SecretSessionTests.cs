using System.Text;
using System.Text.Json;
using Commendations.Common.Errors;
using Commendations.Domain.Nominations;
using Commendations.Domain.Sessions;
using Commendations.Engine;
using Commendations.Features.Exports;
using Commendations.Features.Nominations;
using Commendations.Features.Sessions;
using Commendations.Seeding;
using Commendations.Testing;
using Commendations.Tests.Features.Nominations;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Tests.Features.Sessions;

/// <summary>
/// Issue 15 E2: a council session on nominations whose council vote is secret (<see cref="E2Workflows"/>: the appraiser's
/// finding "needs the council" leads there; a branch after it reads the tally). The stored rows — session ballots, the
/// ballot box, the instance state, tasks, audit, outbox — and the exports never link a member to a choice; the tally and
/// the outcome are exact; a cast secret ballot is final.
/// </summary>
public class SecretSessionTests(LifecycleHarness app) : IClassFixture<LifecycleHarness>
{
    private readonly NominationSteps _steps = new(app);
    private readonly CouncilSteps _council = new(app);
    private static readonly IReadOnlyList<DemoAccounts.Account> Members = DemoAccounts.CouncilInOrder;
    private static readonly DemoAccounts.Account Secretary = DemoAccounts.SteeringStandingMember;

    /// <summary>A collective on the E2 route, submitted, approved by the committee, disclosed and sent to the council by the appraiser.</summary>
    private async Task<Guid> AtSecretCouncilVoteAsync(string name)
    {
        app.Clock.Set(TestClock.At(2026, 12, 1));
        var id = await _steps.DraftCollectiveAsync(name: name);
        await _steps.AttachRequiredDocumentsAsync(id);
        await app.Send(DemoAccounts.OfficerTanHoa, new SubmitNomination(id, null));
        await _steps.ApproveByWholeCommitteeAsync(id);
        await _steps.EndDisclosureAsync(id);
        var turn = await _steps.TurnOfAsync(DemoAccounts.Appraiser, id);
        turn.Asks.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Action = "forward", Name = "finding" });
        await app.Send(DemoAccounts.Appraiser, new Commendations.Features.Nominations.ActOnTask(turn.TaskId, "forward", "Đề nghị Hội đồng xét.")
        {
            Outputs = new Dictionary<string, JsonElement> { ["finding"] = JsonSerializer.SerializeToElement("needsCouncil") },
        });
        (await app.Send(DemoAccounts.Leader, new GetNomination(id))).CurrentStep.Should().Be("council-vote");
        return id;
    }

    [Fact]
    public async Task A_secret_session_stores_no_members_choice_anywhere_and_counts_exactly()
    {
        await using (var db = app.CreateDbContext())
            await E2Workflows.PublishCertificateAsync(db, app.Clock.GetUtcNow());
        var a = await AtSecretCouncilVoteAsync("UBND xã Bến Đình");
        var b = await AtSecretCouncilVoteAsync("UBND phường Đông Xuyên");
        var memberIds = Members.Select(app.UserId).ToList();

        // The direct vote is refused at a secret step: the ballot is cast in the session.
        var direct = () => app.Send(Members[0], new Commendations.Features.Nominations.CastVote(a, VoteChoice.Yes, null));
        (await direct.Should().ThrowAsync<ConflictException>()).Which.Code.Should().Be("secret-vote-in-session");
        (await app.Send(Members[0], new GetNomination(a))).MyTurn!.SecretVote.Should().BeTrue();

        var sessionId = await app.Send(Secretary, new OpenSession(DemoCatalog.Council, "Phiên họp bỏ phiếu kín", TestClock.At(2026, 12, 20), "Hội trường"));
        // Members 1–7 present, member 8 absent with a written ballot, member 9 recused from A only.
        for (var i = 0; i < 7; i++)
            await app.Send(Secretary, new RecordAttendance(sessionId, memberIds[i], AttendanceStatus.Present));
        await app.Send(Secretary, new RecordAttendance(sessionId, memberIds[7], AttendanceStatus.AbsentWithWrittenVote, "Đi công tác"));
        await app.Send(Secretary, new RecordAttendance(sessionId, memberIds[8], AttendanceStatus.Recused, "Người thân của tập thể được đề nghị", [a]));

        // A: 6 yes, 1 no in the room, the written ballot yes → 7 yes, 1 no, 1 recused. B: 6 yes, 2 no, 1 abstain.
        VoteChoice[] onA = [VoteChoice.Yes, VoteChoice.No, VoteChoice.Yes, VoteChoice.Yes, VoteChoice.Yes, VoteChoice.Yes, VoteChoice.Yes];
        VoteChoice[] onB = [VoteChoice.No, VoteChoice.Yes, VoteChoice.Abstain, VoteChoice.Yes, VoteChoice.Yes, VoteChoice.No, VoteChoice.Yes, VoteChoice.Yes, VoteChoice.Yes];
        for (var i = 0; i < 7; i++)
            await app.Send(Members[i], new CastSessionBallot(sessionId, a, onA[i]));
        await app.Send(Secretary, new CastSessionBallot(sessionId, a, VoteChoice.Yes, memberIds[7]));
        for (var i = 0; i < 9; i++)
        {
            if (i == 7) await app.Send(Secretary, new CastSessionBallot(sessionId, b, onB[i], memberIds[7]));
            else await app.Send(Members[i], new CastSessionBallot(sessionId, b, onB[i]));
        }

        // A secret ballot is final, and so is the attendance that made it count.
        var change = () => app.Send(Members[1], new CastSessionBallot(sessionId, a, VoteChoice.Yes));
        (await change.Should().ThrowAsync<ConflictException>()).Which.Code.Should().Be("secret-ballot-cast");
        var recuseAfterVoting = () => app.Send(Secretary, new RecordAttendance(sessionId, memberIds[1], AttendanceStatus.Recused, "Xung đột", [a]));
        (await recuseAfterVoting.Should().ThrowAsync<ConflictException>()).Which.Code.Should().Be("secret-ballot-cast");
        var recuseBallot = () => app.Send(Members[8], new CastSessionBallot(sessionId, a, VoteChoice.Recuse));
        await recuseBallot.Should().ThrowAsync<ConflictException>("member 9 is recused from A");

        // Before the close there are no counts at all: only how many have voted.
        var open = await app.Send(Secretary, new GetSession(sessionId));
        open.Items.Should().OnlyContain(i => i.Secret && i.CountsHidden && i.Yes == 0 && i.No == 0 && i.Abstain == 0);
        open.Items.Single(i => i.NominationId == a).BallotsRecorded.Should().Be(8);
        var mySheet = await app.Send(Members[1], new GetBallotSheet(sessionId));
        mySheet.Mine!.Choices.Should().BeEmpty();
        mySheet.Mine.SecretCast.Should().BeEquivalentTo([a, b]);
        mySheet.Mine.MayVoteOn.Should().BeEmpty();
        await using (var db = app.CreateDbContext())
        {
            (await db.Set<SessionBallot>().AsNoTracking().Where(x => x.SessionId == sessionId).ToListAsync()).Should().HaveCount(17)
                .And.OnlyContain(x => x.Choice == null, "a session ballot row is a receipt: who voted, not what");
            var box = await db.SealedBallots.AsNoTracking().Where(x => x.SessionId == sessionId).ToListAsync();
            box.Should().HaveCount(17);
            box.Select(x => Convert.ToHexString(x.Sealed)).Should().OnlyHaveUniqueItems("the same choice seals to different bytes each time");
            box.Select(x => x.Id.Version).Should().OnlyContain(v => v == 4, "random ids tell nothing of the order of casting");
        }
        (await BallotLeaks.FindAsync(app.ConnectionString, memberIds)).Should().BeEmpty();

        var result = await app.Send(Secretary, new CloseSession(sessionId));

        result.Items.Should().OnlyContain(i => i.Outcome == AgendaOutcome.Passed);
        var minutes = await app.Send(DemoAccounts.Appraiser, new GetSession(sessionId));
        var itemA = minutes.Items.Single(i => i.NominationId == a);
        (itemA.Yes, itemA.No, itemA.Abstain, itemA.Recused, itemA.NotVoting, itemA.CountsHidden).Should().Be((7, 1, 0, 1, 0, false));
        itemA.EngineTally.Should().Be("yes 7, no 1, abstain 0, recused 1, members 9, denominator 9");
        var itemB = minutes.Items.Single(i => i.NominationId == b);
        (itemB.Yes, itemB.No, itemB.Abstain, itemB.Recused, itemB.NotVoting).Should().Be((6, 2, 1, 0, 0));
        // The minutes say the vote was secret, and carry their particulars: the committee's chair and secretary by default,
        // the end at the close; the secretary numbers them (05/BB-…, never 5/BB-…) and records the real end time.
        minutes.AnySecret.Should().BeTrue();
        minutes.Chair.Should().Be(new MinutesSigner(app.UserId(DemoAccounts.SteeringHead), DemoAccounts.SteeringHead.DisplayName, "Chủ tịch Hội đồng"));
        minutes.Secretary!.UserId.Should().Be(app.UserId(Secretary));
        minutes.EndedAt.Should().Be(minutes.ClosedAt);
        minutes.Recipients.Should().Equal("Chủ tịch, các Phó Chủ tịch Hội đồng;", "Sở Nội vụ (Phòng Thi đua, khen thưởng);", "Lưu: VT, HĐTĐKT.");
        minutes.Place.Should().Be("Lam Giang");
        var unpadded = () => app.Send(Secretary, new RecordMinutesDetails(sessionId, "5/BB-HĐTĐKT", null, null, null));
        (await unpadded.Should().ThrowAsync<InputException>()).Which.Errors["number"].Single().Should().Contain("05/BB-HĐTĐKT");
        var notSecretary = () => app.Send(Members[1], new RecordMinutesDetails(sessionId, "05/BB-HĐTĐKT", null, null, null));
        await notSecretary.Should().ThrowAsync<ForbiddenException>();
        var beforeStart = () => app.Send(Secretary, new RecordMinutesDetails(sessionId, null, null, null, TestClock.At(2026, 12, 19)));
        (await beforeStart.Should().ThrowAsync<InputException>()).Which.Errors.Should().ContainKey("endedAt");
        await app.Send(Secretary, new RecordMinutesDetails(sessionId, "05/BB-HĐTĐKT", null, null, TestClock.At(2026, 12, 20).AddHours(2)));
        var numbered = await app.Send(DemoAccounts.Appraiser, new GetSession(sessionId));
        (numbered.MinutesNumber, numbered.EndedAt).Should().Be(("05/BB-HĐTĐKT", TestClock.At(2026, 12, 20).AddHours(2)));
        // The route's branch reads the tally: 7 yes go on to the decision, 6 yes (passed, but under 7) are rejected.
        (await app.Send(DemoAccounts.Leader, new GetNomination(a))).CurrentStep.Should().Be("decision");
        (await app.Send(DemoAccounts.Leader, new GetNomination(b))).Status.Should().Be(NominationStatus.Rejected);

        await using (var db = app.CreateDbContext())
        {
            (await db.SealedBallots.AsNoTracking().CountAsync(x => x.SessionId == sessionId)).Should().Be(0, "the box is emptied at the close");
            var state = InstanceState.FromJson(await db.WorkflowInstances.Where(i => i.NominationId == a).Select(i => i.State).SingleAsync());
            state.LastVote.Should().BeEquivalentTo(new { Yes = 7, No = 1, Abstain = 0, Recused = 1, Members = 9, Outcome = "passed" });
            state.History.Where(h => h.Event == HistoryEvent.Voted).Should().HaveCount(9).And.OnlyContain(h => h.Outcome == "voted");
            (await db.Tasks.AsNoTracking().Where(t => t.NominationId == a && t.StepKey == "council-vote").Select(t => t.Outcome).Distinct().ToListAsync())
                .Should().Equal("voted");
        }
        (await BallotLeaks.FindAsync(app.ConnectionString, memberIds)).Should().BeEmpty("no stored row links a member to a choice");

        var csv = await app.Send(Secretary, new ExportSessionVotes(sessionId, ExportFormat.Csv));
        var text = Encoding.UTF8.GetString(csv.Content);
        text.Should().Contain("UBND xã Bến Đình").And.Contain(",7,1,0,1,0,9,");
        foreach (var member in Members)
            text.Should().NotContain(member.Title, "the vote table has counts, not members");

        // The control: an open vote in a session stores each member's choice with them, and the check sees it.
        await _council.AddEightyPercentRouteAsync();
        var openVote = await _council.AtCouncilVoteAsync(CouncilSteps.GrassrootsFighter, "Ứng viên công khai");
        var openSession = await app.Send(Secretary, new OpenSession(DemoCatalog.Council, "Phiên họp công khai", TestClock.At(2026, 12, 21), null, [openVote]));
        await app.Send(Secretary, new RecordAttendance(openSession, memberIds[0], AttendanceStatus.Present));
        await app.Send(Members[0], new CastSessionBallot(openSession, openVote, VoteChoice.Yes));
        (await BallotLeaks.FindAsync(app.ConnectionString, memberIds)).Should().Contain(l => l.StartsWith("session_ballots"));
    }
}
