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

    /// <summary>
    /// Who wrote or published a definition version, as a person reads it: the routes shipped in workflows/ are recorded
    /// with a technical author (<see cref="Workflow.WorkflowFileImporter.SystemAuthor"/>), shown as "the system".
    /// </summary>
    public static string DefinitionAuthor(UiText text, string? author) => author switch
    {
        null => "—",
        Workflow.WorkflowFileImporter.SystemAuthor => text["Hệ thống (quy trình cài sẵn)"],
        _ => author,
    };

    public static string Gender(Gender gender) => gender == Domain.Nominees.Gender.Female ? "Nữ" : "Nam";

    /// <summary>A certificate's printed title ("BẰNG CHỨNG NHẬN") as a page names it in a sentence: "bằng chứng nhận".</summary>
    public static string CertificateTitle(string printedTitle) =>
        printedTitle.ToLower(new System.Globalization.CultureInfo("vi-VN"));

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
        Roles.UnitHead => "Thủ trưởng đơn vị",
        Roles.Clerk => "Văn thư",
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
}
