using Commendations.Common.Security;
using Commendations.Domain.Sessions;
using Commendations.Engine;

namespace Commendations.Web.Pages.Sessions;

/// <summary>Vietnamese names of the session codes (translated through <see cref="Ui.UiText"/>), and who may open the pages.</summary>
public static class SessionLabels
{
    public static string Status(SessionStatus status) => status == SessionStatus.Open ? "Đang họp" : "Đã kết thúc";

    public static string Attendance(AttendanceStatus status) => status switch
    {
        AttendanceStatus.Present => "Có mặt",
        AttendanceStatus.AbsentWithWrittenVote => "Vắng mặt, có phiếu bằng văn bản",
        AttendanceStatus.Recused => "Không tham gia biểu quyết (xung đột lợi ích)",
        _ => "Vắng mặt",
    };

    public static string Outcome(AgendaOutcome outcome) => outcome switch
    {
        AgendaOutcome.Passed => "Đạt",
        AgendaOutcome.Failed => "Không đạt",
        AgendaOutcome.NoQuorum => "Không đủ số lượng tham dự",
        AgendaOutcome.NotAtVote => "Không còn ở bước biểu quyết",
        _ => "Chưa biểu quyết",
    };

    public static string Choice(VoteChoice choice) => choice switch
    {
        VoteChoice.Yes => "Đồng ý",
        VoteChoice.No => "Không đồng ý",
        VoteChoice.Abstain => "Không biểu quyết",
        _ => "Không tham gia",
    };

    /// <summary>The ballot choices a member picks from (recusal is recorded through attendance, not as a ballot).</summary>
    public static readonly VoteChoice[] Choices = [VoteChoice.Yes, VoteChoice.No, VoteChoice.Abstain];

    /// <summary>Committee members, appraisers, the leader and administrators use the session pages; the use cases check each session.</summary>
    public static bool MayUse(ICurrentUser user) =>
        user.IsInRole(Roles.CommitteeMember) || user.IsInRole(Roles.Appraiser) || user.IsInRole(Roles.ProvincialLeader) || user.IsInRole(Roles.Administrator);
}
