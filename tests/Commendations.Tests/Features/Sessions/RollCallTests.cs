using Commendations.Common.Errors;
using Commendations.Domain.Sessions;
using Commendations.Features.Sessions;
using Commendations.Seeding;
using Commendations.Testing;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Tests.Features.Sessions;

/// <summary>
/// The secretary's roll call saves the whole attendance sheet at once: one wrong line and nothing changes (the refusal
/// names the line), lines equal to what is recorded are left alone, and only the secretary runs it.
/// </summary>
public class RollCallTests(LifecycleHarness app) : IClassFixture<LifecycleHarness>
{
    private readonly CouncilSteps _council = new(app);
    private static readonly IReadOnlyList<DemoAccounts.Account> Members = DemoAccounts.CouncilInOrder;
    private static readonly DemoAccounts.Account Secretary = DemoAccounts.SteeringStandingMember;

    [Fact]
    public async Task A_roll_call_is_saved_whole_or_not_at_all_and_unchanged_lines_are_left_alone()
    {
        var nomination = await _council.AtCouncilVoteAsync(DemoCatalog.ProvincialEmulationFighter, "Ứng viên điểm danh");
        var sessionId = await app.Send(Secretary, new OpenSession(DemoCatalog.Council, "Phiên họp điểm danh",
            TestClock.At(2026, 12, 3), "Hội trường", [nomination]));
        var ids = Members.Select(app.UserId).ToList();

        // Someone who is not on the council, on the second line: refused by line, and the first line is not kept.
        var stranger = () => app.Send(Secretary, new RecordRollCall(sessionId,
            [new RollCallLine(ids[0], AttendanceStatus.Present), new RollCallLine(app.UserId(DemoAccounts.OfficerTanHoa), AttendanceStatus.Present)]));
        (await stranger.Should().ThrowAsync<InputException>()).Which.Fields.Keys.Should().Equal("lines[1].memberUserId");
        (await AttendanceAsync(sessionId))[ids[0]].Should().Be(AttendanceStatus.Absent);

        // A recusal without the declared conflict, among eight good lines: refused, naming that line.
        var lines = ids.Select((id, i) => i == 8
            ? new RollCallLine(id, AttendanceStatus.Recused, null, [nomination])
            : new RollCallLine(id, i == 7 ? AttendanceStatus.AbsentWithWrittenVote : AttendanceStatus.Present, i == 7 ? "Đi công tác" : null)).ToList();
        var noReason = () => app.Send(Secretary, new RecordRollCall(sessionId, lines));
        (await noReason.Should().ThrowAsync<InputException>()).Which.Fields.Keys.Should().Equal("lines[8].note");
        (await AttendanceAsync(sessionId)).Values.Should().OnlyContain(s => s == AttendanceStatus.Absent);

        lines[8] = lines[8] with { Note = "Người thân của người được đề nghị" };
        (await app.Send(Secretary, new RecordRollCall(sessionId, lines))).Should().Be(9);
        var recorded = await AttendanceAsync(sessionId);
        recorded[ids[0]].Should().Be(AttendanceStatus.Present);
        recorded[ids[7]].Should().Be(AttendanceStatus.AbsentWithWrittenVote);
        recorded[ids[8]].Should().Be(AttendanceStatus.Recused);

        // The same sheet again changes nothing and writes no audit entry; one changed line writes one.
        var audited = await AttendanceAuditCountAsync(sessionId);
        (await app.Send(Secretary, new RecordRollCall(sessionId, lines))).Should().Be(0);
        (await AttendanceAuditCountAsync(sessionId)).Should().Be(audited);
        lines[1] = lines[1] with { Status = AttendanceStatus.Absent };
        (await app.Send(Secretary, new RecordRollCall(sessionId, lines))).Should().Be(1);
        (await AttendanceAuditCountAsync(sessionId)).Should().Be(audited + 1);

        // A member who is not the secretary cannot take the roll call.
        var notSecretary = () => app.Send(Members[3], new RecordRollCall(sessionId, [new RollCallLine(ids[3], AttendanceStatus.Present)]));
        await notSecretary.Should().ThrowAsync<ForbiddenException>();
        (await AttendanceAsync(sessionId))[ids[3]].Should().Be(AttendanceStatus.Present);
    }

    private async Task<Dictionary<Guid, AttendanceStatus>> AttendanceAsync(Guid sessionId) =>
        (await app.Send(Secretary, new GetSession(sessionId))).Attendance.ToDictionary(a => a.MemberUserId, a => a.Status);

    private async Task<int> AttendanceAuditCountAsync(Guid sessionId)
    {
        await using var db = app.CreateDbContext();
        return await db.AuditEntries.CountAsync(e => e.Stream == $"session:{sessionId}" && e.Action == "session.attendance");
    }
}
