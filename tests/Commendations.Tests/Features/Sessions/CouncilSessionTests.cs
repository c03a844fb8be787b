using Commendations.Common.Errors;
using Commendations.Domain.Nominations;
using Commendations.Domain.Sessions;
using Commendations.Engine;
using Commendations.Features.Nominations;
using Commendations.Features.Sessions;
using Commendations.Seeding;
using Commendations.Testing;

namespace Commendations.Tests.Features.Sessions;

/// <summary>
/// Issue 8: a council session of the 9-member council (hdtdkt) — one member absent with a written vote, one recused for a
/// conflict of interest on half the agenda — decides 20 nominations, 10 under a 90 % threshold and 10 under 80 %; the
/// engine decides each. A session without quorum decides nothing.
/// </summary>
public class CouncilSessionTests(LifecycleHarness app) : IClassFixture<LifecycleHarness>
{
    private readonly CouncilSteps _council = new(app);
    private static readonly IReadOnlyList<DemoAccounts.Account> Members = DemoAccounts.CouncilInOrder;
    private static readonly DemoAccounts.Account Secretary = DemoAccounts.SteeringStandingMember;
    private static readonly DemoAccounts.Account WrittenVoter = DemoAccounts.CouncilMember8;
    private static readonly DemoAccounts.Account Conflicted = DemoAccounts.CouncilMember9;

    /// <summary>Per agenda position: (yes, no) among those voting; the rest abstain. The first five have the conflicted member recused.</summary>
    private static readonly (int Yes, int No)[] Votes = [(8, 0), (7, 1), (8, 0), (7, 0), (8, 0), (9, 0), (8, 1), (7, 2), (9, 0), (8, 0)];
    private static readonly bool[] PassesAt80 = [true, false, true, false, true, true, true, false, true, true];
    private static readonly bool[] PassesAt90 = [false, false, false, false, false, true, false, false, true, false];

    [Fact]
    public async Task A_session_of_nine_with_a_written_vote_and_a_recusal_decides_twenty_nominations_at_80_and_90_percent()
    {
        await _council.AddEightyPercentRouteAsync();
        var at90 = new List<Guid>();
        var at80 = new List<Guid>();
        for (var k = 0; k < 10; k++)
        {
            at90.Add(await _council.AtCouncilVoteAsync(DemoCatalog.ProvincialEmulationFighter, $"Ứng viên A{k:D2}"));
            at80.Add(await _council.AtCouncilVoteAsync(CouncilSteps.GrassrootsFighter, $"Ứng viên B{k:D2}"));
        }
        var sessionId = await app.Send(Secretary, new OpenSession(DemoCatalog.Council, "Phiên họp xét danh hiệu thi đua năm 2026",
            TestClock.At(2026, 12, 3), "Hội trường UBND tỉnh", [.. at90, .. at80]));

        var recusedFrom = at90.Take(5).Concat(at80.Take(5)).ToList();
        foreach (var member in Members)
        {
            var (status, note, from) = member == WrittenVoter ? (AttendanceStatus.AbsentWithWrittenVote, "Đi công tác, gửi phiếu bằng văn bản", (List<Guid>?)null)
                : member == Conflicted ? (AttendanceStatus.Recused, "Có quan hệ gia đình với một số người được đề nghị", recusedFrom)
                : (AttendanceStatus.Present, null, null);
            await app.Send(Secretary, new RecordAttendance(sessionId, app.UserId(member), status, note, from));
        }

        foreach (var group in new[] { at90, at80 })
        {
            for (var k = 0; k < 10; k++)
            {
                var voters = k < 5 ? Members.Where(m => m != Conflicted).ToList() : Members.ToList();
                for (var i = 0; i < voters.Count; i++)
                {
                    var choice = i < Votes[k].Yes ? VoteChoice.Yes : i < Votes[k].Yes + Votes[k].No ? VoteChoice.No : VoteChoice.Abstain;
                    await app.Send(voters[i], new CastSessionBallot(sessionId, group[k], choice));
                }
            }
        }
        // Ballots are recorded, not yet counted: nothing moved before the close.
        (await app.Send(DemoAccounts.Leader, new GetNomination(at90[5]))).CurrentStep.Should().Be("council-vote");

        var result = await app.Send(Secretary, new CloseSession(sessionId));

        for (var k = 0; k < 10; k++)
        {
            result.Items.Single(i => i.NominationId == at90[k]).Outcome.Should().Be(PassesAt90[k] ? AgendaOutcome.Passed : AgendaOutcome.Failed, $"90 % item {k}");
            result.Items.Single(i => i.NominationId == at80[k]).Outcome.Should().Be(PassesAt80[k] ? AgendaOutcome.Passed : AgendaOutcome.Failed, $"80 % item {k}");
            var fighter = await app.Send(DemoAccounts.Leader, new GetNomination(at90[k]));
            fighter.CurrentStep.Should().Be(PassesAt90[k] ? "decision" : "rejected");
            (await app.Send(DemoAccounts.Leader, new GetNomination(at80[k]))).Status.Should().Be(PassesAt80[k] ? NominationStatus.InReview : NominationStatus.Rejected);
        }

        var minutes = await app.Send(DemoAccounts.Appraiser, new GetSession(sessionId));
        minutes.Status.Should().Be(SessionStatus.Closed);
        (minutes.MemberCount, minutes.PresentCount, minutes.WrittenVoteCount, minutes.RecusedCount).Should().Be((9, 7, 1, 1));
        var item = minutes.Items.Single(i => i.NominationId == at80[6]);
        (item.Yes, item.No, item.Abstain, item.Recused, item.NotVoting).Should().Be((8, 1, 0, 0, 0));
        var recusedItem = minutes.Items.Single(i => i.NominationId == at90[0]);
        (recusedItem.Yes, recusedItem.Recused).Should().Be((8, 1));
        recusedItem.EngineTally.Should().Contain("yes 8").And.Contain("recused 1").And.Contain("members 9");

        var late = () => app.Send(Members[0], new CastSessionBallot(sessionId, at90[0], VoteChoice.No));
        (await late.Should().ThrowAsync<ConflictException>()).Which.Code.Should().Be("session-closed");
    }

    [Fact]
    public async Task A_session_without_quorum_decides_nothing()
    {
        var ids = new List<Guid>();
        for (var k = 0; k < 3; k++)
            ids.Add(await _council.AtCouncilVoteAsync(DemoCatalog.ProvincialEmulationFighter, $"Ứng viên C{k}"));
        var sessionId = await app.Send(Secretary, new OpenSession(DemoCatalog.Council, "Phiên họp thiếu số lượng", TestClock.At(2026, 12, 4), null, ids));
        foreach (var member in Members.Take(6))
            await app.Send(Secretary, new RecordAttendance(sessionId, app.UserId(member), AttendanceStatus.Present));
        foreach (var member in Members.Take(6))
        foreach (var id in ids)
            await app.Send(member, new CastSessionBallot(sessionId, id, VoteChoice.Yes));

        var result = await app.Send(Secretary, new CloseSession(sessionId));

        result.Items.Should().HaveCount(3).And.OnlyContain(i => i.Outcome == AgendaOutcome.NoQuorum);
        foreach (var id in ids)
        {
            var detail = await app.Send(DemoAccounts.Leader, new GetNomination(id));
            detail.CurrentStep.Should().Be("council-vote");
            detail.Status.Should().Be(NominationStatus.InReview);
        }
        (await app.Send(Secretary, new GetSession(sessionId))).AbsentCount.Should().Be(3);
    }

    [Fact]
    public async Task Sessions_refuse_the_wrong_people_moments_and_input()
    {
        var id = await _council.AtCouncilVoteAsync(DemoCatalog.ProvincialEmulationFighter, "Ứng viên D");
        var notSecretary = () => app.Send(DemoAccounts.SteeringHead, new OpenSession(DemoCatalog.Council, "Phiên", TestClock.At(2026, 12, 5), null, [id]));
        var officer = () => app.Send(DemoAccounts.OfficerTanHoa, new OpenSession(DemoCatalog.Council, "Phiên", TestClock.At(2026, 12, 5), null, [id]));
        var bad = () => app.Send(Secretary, new OpenSession("", "", default, null, []));
        var notAtVote = () => app.Send(Secretary, new OpenSession(DemoCatalog.Council, "Phiên", TestClock.At(2026, 12, 5), null, [Guid.NewGuid()]));
        await notSecretary.Should().ThrowAsync<ForbiddenException>();
        await officer.Should().ThrowAsync<ForbiddenException>();
        (await bad.Should().ThrowAsync<InputException>()).Which.Errors.Keys.Should().BeEquivalentTo(["committeeCode", "title", "heldAt", "nominationIds"]);
        (await notAtVote.Should().ThrowAsync<InputException>()).Which.Errors.Should().ContainKey("nominationIds");

        var sessionId = await app.Send(Secretary, new OpenSession(DemoCatalog.Council, "Phiên", TestClock.At(2026, 12, 5), null, [id]));
        var again = () => app.Send(DemoAccounts.Admin, new OpenSession(DemoCatalog.Council, "Phiên 2", TestClock.At(2026, 12, 5), null, [id]));
        (await again.Should().ThrowAsync<ConflictException>()).Which.Code.Should().Be("on-another-agenda");

        var absentVotes = () => app.Send(Members[4], new CastSessionBallot(sessionId, id, VoteChoice.Yes));
        (await absentVotes.Should().ThrowAsync<ConflictException>()).Which.Code.Should().Be("may-not-vote");
        await app.Send(Secretary, new RecordAttendance(sessionId, app.UserId(Members[4]), AttendanceStatus.AbsentWithWrittenVote));
        await app.Send(Secretary, new CastSessionBallot(sessionId, id, VoteChoice.Yes, app.UserId(Members[4])));
        var onBehalfByMember = () => app.Send(Members[0], new CastSessionBallot(sessionId, id, VoteChoice.Yes, app.UserId(Members[4])));
        await onBehalfByMember.Should().ThrowAsync<ForbiddenException>();
        var recusalWithoutReason = () => app.Send(Secretary, new RecordAttendance(sessionId, app.UserId(Members[5]), AttendanceStatus.Recused));
        (await recusalWithoutReason.Should().ThrowAsync<InputException>()).Which.Errors.Should().ContainKey("note");
        var notMember = () => app.Send(Secretary, new RecordAttendance(sessionId, app.UserId(DemoAccounts.Appraiser), AttendanceStatus.Present));
        (await notMember.Should().ThrowAsync<InputException>()).Which.Errors.Should().ContainKey("memberUserId");
        // Officers have no part in sessions: refused by role, before anything is looked up.
        var officerReads = () => app.Send(DemoAccounts.OfficerTanHoa, new GetSession(sessionId));
        (await officerReads.Should().ThrowAsync<ForbiddenException>()).Which.Code.Should().Be("role-required");
        var memberCloses = () => app.Send(Members[0], new CloseSession(sessionId));
        await memberCloses.Should().ThrowAsync<ForbiddenException>();
        (await app.Send(Secretary, new GetSession(sessionId))).Items.Single().BallotsRecorded.Should().Be(1);
    }
}
