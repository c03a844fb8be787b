using Commendations.Common.Security;
using Commendations.Domain.Catalog;
using Commendations.Domain.Nominations;
using Commendations.Domain.Nominees;

namespace Commendations.Web.Ui;

/// <summary>Vietnamese names of the domain's codes; pass them through <see cref="UiText"/> to show them in the user's language.</summary>
public static class Labels
{
    public static string Status(NominationStatus status) => status switch
    {
        NominationStatus.Draft => "Đang soạn",
        NominationStatus.InReview => "Đang xét duyệt",
        NominationStatus.Returned => "Bị trả lại",
        NominationStatus.Awarded => "Đã khen thưởng",
        NominationStatus.Rejected => "Không được khen thưởng",
        NominationStatus.Withdrawn => "Đã rút",
        _ => status.ToString(),
    };

    /// <summary>
    /// A nomination's state as a person reads it: while it is being reviewed, the display name of the step it waits
    /// at (already in the reader's language), so "under review" says where; otherwise the status in words.
    /// </summary>
    public static string Status(UiText text, NominationStatus status, string? currentStepName) =>
        status == NominationStatus.InReview && !string.IsNullOrWhiteSpace(currentStepName) && currentStepName != "—"
            ? currentStepName
            : text[Status(status)];

    public static string Kind(NomineeKind kind) => kind switch
    {
        NomineeKind.Collective => "Tập thể",
        NomineeKind.Individual => "Cá nhân",
        NomineeKind.Household => "Hộ gia đình",
        _ => kind.ToString(),
    };

    public static string Gender(Gender gender) => gender == Domain.Nominees.Gender.Female ? "Nữ" : "Nam";

    public static string Document(DocumentKind kind) => kind switch
    {
        DocumentKind.SubmissionLetter => "Tờ trình",
        DocumentKind.AchievementReport => "Báo cáo thành tích",
        DocumentKind.Minutes => "Biên bản họp xét",
        DocumentKind.Certificate => "Giấy chứng nhận",
        _ => "Tài liệu khác",
    };

    public static string Role(string role) => role switch
    {
        Roles.EmulationOfficer => "Cán bộ thi đua",
        Roles.CommitteeMember => "Thành viên Ban Chỉ đạo / Hội đồng",
        Roles.Appraiser => "Chuyên viên thẩm định",
        Roles.ProvincialLeader => "Lãnh đạo UBND tỉnh",
        Roles.Administrator => "Quản trị hệ thống",
        _ => role,
    };

    // Steps and actions are named by their definitions (Workflow.DefinitionSemantics), never by key here.

    /// <summary>A ballot choice.</summary>
    public static string Vote(Engine.VoteChoice choice) => choice switch
    {
        Engine.VoteChoice.Yes => "Tán thành",
        Engine.VoteChoice.No => "Không tán thành",
        Engine.VoteChoice.Abstain => "Không biểu quyết",
        _ => "Không tham gia (xung đột lợi ích)",
    };

    /// <summary>An output name or one of its options, in words (definitions name them in code form, e.g. <c>needsCouncil</c>).</summary>
    public static string Output(string name) => name switch
    {
        "finding" => "Kết luận thẩm định",
        "eligible" => "Đủ điều kiện",
        "ineligible" => "Không đủ điều kiện",
        "needsCouncil" => "Cần Hội đồng xét",
        _ => name,
    };

    /// <summary>The timeline's audit actions.</summary>
    public static string Event(string action) => action switch
    {
        "nomination.created" => "Tạo đề nghị",
        "nomination.edited" => "Sửa hồ sơ",
        "document.added" => "Đính kèm tài liệu",
        "document.removed" => "Gỡ tài liệu",
        "nomination.submitted" => "Trình hồ sơ",
        "nomination.resubmitted" => "Trình lại hồ sơ",
        "nomination.withdrawn" => "Rút đề nghị",
        "disclosure.comment-received" => "Nhận ý kiến trong thời gian công khai",
        "disclosure.comment-classified" => "Phân loại ý kiến công khai",
        "disclosure.comment-handled" => "Ghi nhận xử lý ý kiến công khai",
        "session.decided" => "Phiên họp kết luận",
        "workflow.migrated" => "Chuyển sang phiên bản quy trình khác",
        "award.revoked" => "Thu hồi khen thưởng",
        "vote.cast" => "Bỏ phiếu",
        "wait.elapsed" => "Hết thời gian công khai",
        "wait.ended-early" => "Kết thúc thời gian chờ trước hạn",
        "decision.issued" => "Ban hành quyết định khen thưởng",
        "step.entered" => "Chuyển đến bước",
        "workflow.completed" => "Kết thúc quy trình",
        "wait.scheduled" => "Bắt đầu thời gian chờ",
        "deadline.scheduled" => "Đặt hạn xử lý",
        "deadline.cancelled" => "Hủy hạn xử lý",
        "deadline.passed" => "Quá hạn xử lý",
        "deadline.escalated" => "Nhắc cấp trên",
        "deadline.past-at-entry" => "Mở việc khi đã quá hạn",
        // A task's action is named by its definition (TimelineEntry.ActionLabel); anything else unforeseen stays unnamed.
        _ => "Ghi nhận khác",
    };
}
