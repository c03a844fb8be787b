using Commendations.Engine;
using System.Globalization;
using Commendations.Domain.Documents;
using Commendations.Domain.Sessions;
using Commendations.Features.Exports;
using Commendations.Features.Sessions;

namespace Commendations.Features.Documents.Minutes;

/// <summary>
/// The words of a council session's minutes (biên bản họp Hội đồng), from <see cref="SessionMinutes"/>: one source for the
/// printable page (<c>/bien-ban/{id}</c>), the PDF and the .docx draft, so the three never say different things. The
/// minutes are a legal document and always Vietnamese.
/// </summary>
public sealed class MinutesText(SessionMinutes m)
{
    private static readonly CultureInfo Vietnamese = new("vi-VN");
    public SessionMinutes Minutes => m;

    /// <summary>The session's day in Vietnam.</summary>
    public DateOnly Day => VietnamTime.DateOf(m.HeldAt);

    public string CommitteeHeading => m.CommitteeName.ToUpper(Vietnamese);

    /// <summary>"Số: 05/BB-HĐTĐKT", dots until the secretary gives a number.</summary>
    public string NumberLine => $"Số: {m.MinutesNumber ?? "……/BB"}";

    /// <summary>"Lam Giang, ngày 03 tháng 12 năm 2026" (the place from the authority in force on the day).</summary>
    public string PlaceAndDate => m.Place.Length > 0 ? VietnameseDates.PlaceAndDate(m.Place, Day) : VietnameseDates.Long(Day);

    public string TimeLine =>
        $"Thời gian: bắt đầu lúc {Time(m.StartedAt)} {VietnameseDates.Long(Day)}{(m.EndedAt is { } end ? $", kết thúc lúc {Time(end)}" : "")}.";

    public string PlaceLine => $"Địa điểm: {m.Location ?? "—"}.";

    public string ChairAndSecretaryLine =>
        $"Chủ trì: {(m.Chair is { } chair ? $"{chair.Name}, {chair.Position}" : "—")}. Thư ký: {(m.Secretary is { } sec ? $"{sec.Name}, {sec.Position}" : "—")}.";

    public string CountsLine =>
        $"Tổng số thành viên: {m.MemberCount}; có mặt: {m.PresentCount}; vắng mặt có phiếu bằng văn bản: {m.WrittenVoteCount}; " +
        $"không tham gia biểu quyết do xung đột lợi ích: {m.RecusedCount}; vắng mặt: {m.AbsentCount}.";

    public static string Attendance(MinutesAttendance a) => a.Status switch
    {
        AttendanceStatus.Present => "Có mặt",
        AttendanceStatus.AbsentWithWrittenVote => "Vắng mặt, có phiếu bằng văn bản",
        AttendanceStatus.Recused => a.RecusedFromCount == 0 ? "Không tham gia biểu quyết (xung đột lợi ích)"
            : $"Không tham gia biểu quyết {a.RecusedFromCount} trường hợp (xung đột lợi ích)",
        _ => "Vắng mặt",
    };

    /// <summary>An absent member's substitute, named but not voting for them (docs/substitutes.md).</summary>
    public static string? SubstituteNote(MinutesAttendance a) =>
        a.SubstituteName is { } substitute ? $"người thay thế khi vắng mặt: {substitute} (không biểu quyết thay)" : null;

    public static string Note(MinutesAttendance a) =>
        string.Join("; ", new[] { a.Note, SubstituteNote(a) }.Where(s => !string.IsNullOrWhiteSpace(s)));

    public static readonly IReadOnlyList<string> AttendanceHeaders = ["STT", "Họ và tên", "Chức vụ trong Hội đồng", "Tình hình tham dự", "Ghi chú"];

    public static readonly IReadOnlyList<string> ItemHeaders =
        ["STT", "Tập thể, cá nhân được đề nghị", "Đơn vị", "Đồng ý", "Không đồng ý", "Không biểu quyết", "Không tham gia", "Tỷ lệ đồng ý / tổng số thành viên", "Kết quả"];

    /// <summary>The award form, and "bỏ phiếu kín" for a secret ballot: printed under the nominee's name.</summary>
    public static string ItemDetail(MinutesItem i) => i.AwardFormName + (i.Secret ? " – bỏ phiếu kín" : "");

    /// <summary>The count cells of an item (yes, no, abstain, not taking part, ratio); dashes while a secret box is closed.</summary>
    public IReadOnlyList<string> Counts(MinutesItem i) => i.CountsHidden
        ? ["—", "—", "—", "—", "—"]
        : [Number(i.Yes), Number(i.No), Number(i.Abstain), Number(i.Recused + i.NotVoting), Ratio(i)];

    /// <summary>"7/9 (77,78%)": yes over all members.</summary>
    public string Ratio(MinutesItem i) =>
        $"{i.Yes}/{m.MemberCount} ({(m.MemberCount == 0 ? "" : (100.0 * i.Yes / m.MemberCount).ToString("0.##", Vietnamese))}%)";

    public static string Outcome(MinutesItem i) => ExportSessionVotesHandler.OutcomeLabel(i.Outcome);

    public string? SecretStatement => m.AnySecret
        ? "Các trường hợp ghi \"bỏ phiếu kín\" được biểu quyết bằng hình thức bỏ phiếu kín: mỗi thành viên bỏ một phiếu không ghi tên; " +
          "hòm phiếu chỉ được mở khi kết thúc phiên họp và biên bản chỉ ghi số phiếu, không ghi thành viên nào bỏ phiếu thế nào."
        : null;

    public string ClosingLine =>
        $"Tỷ lệ đồng ý tính trên tổng số {m.MemberCount} thành viên. Kết quả do hệ thống tính theo quy tắc biểu quyết của quy trình " +
        "(số lượng tham dự tối thiểu và tỷ lệ đồng ý trên tổng số thành viên)." +
        (m.EndedAt is { } ended ? $" Phiên họp kết thúc lúc {Time(ended)} cùng ngày." : "");

    public const string SecretaryTitle = "THƯ KÝ", ChairTitle = "CHỦ TRÌ";

    /// <summary>The chair's position in capitals under "CHỦ TRÌ" ("CHỦ TỊCH HỘI ĐỒNG").</summary>
    public string? ChairPosition => m.Chair?.Position.ToUpper(Vietnamese);

    private static string Time(DateTimeOffset at) => at.ToOffset(VietnamTime.Offset).ToString("HH:mm", CultureInfo.InvariantCulture);

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
