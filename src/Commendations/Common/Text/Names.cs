using Commendations.Common.Security;
using Commendations.Domain.Catalog;
using Commendations.Domain.Nominations;
using Commendations.Domain.Nominees;

namespace Commendations.Common.Text;

/// <summary>
/// How people call the domain's codes — statuses, kinds, document kinds, roles, audit events — as messages (Vietnamese,
/// English in the catalog). Refusals, the timeline, exports and pages name things through here, never by code.
/// </summary>
public static class Names
{
    public static Message Status(NominationStatus status) => status switch
    {
        NominationStatus.Draft => new Message("Đang soạn"),
        NominationStatus.InReview => new Message("Đang xét duyệt"),
        NominationStatus.Returned => new Message("Bị trả lại"),
        NominationStatus.Awarded => new Message("Đã khen thưởng"),
        NominationStatus.Rejected => new Message("Không được khen thưởng"),
        _ => new Message("Đã rút"),
    };

    public static Message Kind(NomineeKind kind) => kind switch
    {
        NomineeKind.Collective => new Message("Tập thể"),
        NomineeKind.Individual => new Message("Cá nhân"),
        _ => new Message("Hộ gia đình"),
    };

    public static Message Gender(Gender gender) => gender == Domain.Nominees.Gender.Female ? new Message("Nữ") : new Message("Nam");

    public static Message Document(DocumentKind kind) => kind switch
    {
        DocumentKind.SubmissionLetter => new Message("Tờ trình"),
        DocumentKind.AchievementReport => new Message("Báo cáo thành tích"),
        DocumentKind.Minutes => new Message("Biên bản họp xét"),
        DocumentKind.Certificate => new Message("Giấy chứng nhận"),
        _ => new Message("Tài liệu khác"),
    };

    /// <summary>
    /// A workflow definition version's status, as the definitions page names it. Only the latest published version is
    /// in force: an older published one only carries the nominations that started on it (<paramref name="superseded"/>).
    /// </summary>
    public static Message DefinitionStatus(Domain.Workflows.DefinitionStatus status, bool superseded = false) => status switch
    {
        Domain.Workflows.DefinitionStatus.Draft => new Message("Bản nháp"),
        Domain.Workflows.DefinitionStatus.Published when superseded => new Message("Đã thay thế"),
        Domain.Workflows.DefinitionStatus.Published => new Message("Đang áp dụng"),
        _ => new Message("Ngừng sử dụng"),
    };

    /// <summary>What the check of a signed PDF found, as shown next to the document.</summary>
    public static Message Verification(Domain.Documents.SignatureVerdict verdict) => verdict switch
    {
        Domain.Documents.SignatureVerdict.Valid => new Message("Hợp lệ: văn bản nguyên vẹn, chứng thư số được tổ chức tin cậy cấp và còn hiệu lực khi ký"),
        Domain.Documents.SignatureVerdict.NotCheckedAgainstTrustedRoots =>
            new Message("Văn bản nguyên vẹn, chữ ký đúng; chưa đối chiếu với tổ chức cấp chứng thư tin cậy (chưa cấu hình)"),
        Domain.Documents.SignatureVerdict.Untrusted => new Message("Văn bản nguyên vẹn nhưng chứng thư số không được tổ chức tin cậy cấp hoặc hết hiệu lực khi ký"),
        Domain.Documents.SignatureVerdict.RevocationUnknown =>
            new Message("Văn bản nguyên vẹn, chữ ký đúng, chứng thư số được tổ chức tin cậy cấp; không kiểm tra được chứng thư số có bị thu hồi hay không"),
        Domain.Documents.SignatureVerdict.Revoked => new Message("Chứng thư số đã bị thu hồi trước thời điểm ký"),
        Domain.Documents.SignatureVerdict.Invalid => new Message("Không hợp lệ: văn bản bị thay đổi sau khi ký hoặc chữ ký không khớp"),
        _ => new Message("Không có chữ ký số"),
    };

    /// <summary>What a decision (and its nominations, at the decision step) still waits for before it takes effect.</summary>
    public static Message? DecisionWaiting(Features.Decisions.DecisionWait waiting) => waiting switch
    {
        Features.Decisions.DecisionWait.LeaderSignature => new Message("Chờ ký số"),
        Features.Decisions.DecisionWait.Seal => new Message("Chờ văn thư đóng dấu"),
        _ => null,
    };

    /// <summary>Whose signature a signature of a decision's document of record is, by its place: the leader's first, then the seal.</summary>
    public static Message SignatureOf(int index) => index == 0 ? new Message("Chữ ký của lãnh đạo") : new Message("Chữ ký số đóng dấu của cơ quan");

    /// <summary>How a document was signed.</summary>
    public static Message SigningMethod(Domain.Documents.SignatureMethod method) => method == Domain.Documents.SignatureMethod.Pkcs12
        ? new Message("Chứng thư số lưu trên máy chủ") : new Message("Ký bằng thiết bị hoặc dịch vụ ký số bên ngoài");

    /// <summary>A role's name; a role the application does not know (a definition's own) is named generically.</summary>
    public static Message Role(string? role) => role switch
    {
        Roles.EmulationOfficer => new Message("Cán bộ thi đua"),
        Roles.CommitteeMember => new Message("Thành viên Ban Chỉ đạo / Hội đồng"),
        Roles.Appraiser => new Message("Chuyên viên thẩm định"),
        Roles.ProvincialLeader => new Message("Lãnh đạo UBND tỉnh"),
        Roles.Administrator => new Message("Quản trị hệ thống"),
        Roles.UnitHead => new Message("Thủ trưởng đơn vị"),
        Roles.Clerk => new Message("Văn thư"),
        "committeeChair" => new Message("Chủ tịch Hội đồng / Trưởng Ban"),
        "committeeSecretary" => new Message("Thư ký Hội đồng / Ban"),
        _ => new Message("Người có vai trò được giao"),
    };

    /// <summary>An output name or one of its options, in words (definitions name them in code form, e.g. <c>needsCouncil</c>).</summary>
    public static object Output(string name) => name switch
    {
        "finding" => new Message("Kết luận thẩm định"),
        "eligible" => new Message("Đủ điều kiện"),
        "ineligible" => new Message("Không đủ điều kiện"),
        "needsCouncil" => new Message("Cần Hội đồng xét"),
        _ => name,
    };

    /// <summary>How a workflow ended (the engine's <c>EndResult</c>).</summary>
    public static Message Result(string result) => result switch
    {
        nameof(Engine.EndResult.Awarded) => new Message("Đã khen thưởng"),
        nameof(Engine.EndResult.Rejected) => new Message("Không được khen thưởng"),
        nameof(Engine.EndResult.Withdrawn) => new Message("Đã rút"),
        _ => new Message("Kết thúc"),
    };

    /// <summary>A step type of the definition language (its JSON name).</summary>
    public static Message StepType(string type) => type switch
    {
        "task" => new Message("Công việc"),
        "sequentialApproval" => new Message("Duyệt lần lượt"),
        "parallelApproval" => new Message("Duyệt song song"),
        "vote" => new Message("Bỏ phiếu"),
        "wait" => new Message("Thời gian chờ"),
        "branch" => new Message("Rẽ nhánh"),
        "end" => new Message("Kết thúc"),
        "parallel" => new Message("Song song nhiều nhánh"),
        "subRoute" => new Message("Gọi quy trình con"),
        _ => new Message("Bước xử lý"),
    };

    /// <summary>The events an action on a task is recorded as: <c>task.{action}</c> (named by the definition's label).</summary>
    public const string TaskEventPrefix = "task.";

    /// <summary>An audit event as the timeline and the audit pages name it; null for a code nobody named (a test finds those).</summary>
    public static Message? Event(string action) => action switch
    {
        "nomination.created" => new Message("Tạo đề nghị"),
        "nominee-list.imported" => new Message("Nhập danh sách từ Excel"),
        "forwarding.sent" => new Message("Gửi hồ sơ lên cấp trên"),
        "forwarding.failed" => new Message("Gửi hồ sơ lên cấp trên không thành công"),
        "central-decision.recorded" => new Message("Ghi nhận quyết định khen thưởng của cấp trên"),
        "nomination.edited" => new Message("Sửa hồ sơ"),
        "document.added" => new Message("Đính kèm tài liệu"),
        "document.removed" => new Message("Gỡ tài liệu"),
        "nomination.submitted" => new Message("Trình hồ sơ"),
        "nomination.resubmitted" => new Message("Trình lại hồ sơ"),
        "nomination.withdrawn" => new Message("Rút đề nghị"),
        "disclosure.comment-received" => new Message("Nhận ý kiến trong thời gian công khai"),
        "disclosure.comment-classified" => new Message("Phân loại ý kiến công khai"),
        "disclosure.comment-handled" => new Message("Ghi nhận xử lý ý kiến công khai"),
        "session.opened" => new Message("Mở phiên họp"),
        "session.attendance" => new Message("Ghi điểm danh phiên họp"),
        "session.decided" => new Message("Phiên họp kết luận"),
        "session.closed" => new Message("Kết thúc phiên họp"),
        "workflow.migrated" => new Message("Chuyển sang phiên bản quy trình khác"),
        "award.revoked" => new Message("Thu hồi khen thưởng"),
        "registration.opened" => new Message("Mở đăng ký thi đua"),
        "registration.submitted" => new Message("Đơn vị đăng ký thi đua"),
        "vote.cast" => new Message("Bỏ phiếu"),
        "wait.elapsed" => new Message("Hết thời gian công khai"),
        "wait.ended-early" => new Message("Kết thúc thời gian chờ trước hạn"),
        "repair.task-reassigned" => new Message("Chuyển việc cho người khác"),
        "repair.outbox-retry" => new Message("Yêu cầu thử lại xử lý tự động"),
        "repair.moved" => new Message("Quản trị viên chuyển hồ sơ sang bước khác"),
        "repair.job-retry" => new Message("Yêu cầu chạy lại việc tự động bị lỗi"),
        "repair.cancelled" => new Message("Quản trị viên huỷ hồ sơ"),
        "repair.requested" => new Message("Đề nghị sửa chữa chờ quản trị viên thứ hai duyệt"),
        "repair.approved" => new Message("Quản trị viên thứ hai duyệt sửa chữa"),
        "repair.declined" => new Message("Quản trị viên thứ hai không duyệt sửa chữa"),
        "substitution.set" => new Message("Đặt người thay thế khi vắng mặt"),
        "substitution.revoked" => new Message("Thu hồi người thay thế khi vắng mặt"),
        "claim.taken" => new Message("Nhận xử lý việc"),
        "claim.released" => new Message("Trả việc về nhóm xử lý chung"),
        "vote.counted" => new Message("Kiểm phiếu biểu quyết"),
        "decision.issued" => new Message("Ban hành quyết định khen thưởng"),
        "decision.signed" => new Message("Lưu bản ký số của quyết định khen thưởng"),
        "submission-letter.signed" => new Message("Thủ trưởng đơn vị ký số tờ trình"),
        "decision.sealed" => new Message("Văn thư đóng dấu số quyết định khen thưởng"),
        "minutes.signed" => new Message("Ký số biên bản họp Hội đồng"),
        "decision.took-effect" => new Message("Quyết định khen thưởng có hiệu lực sau khi ký số"),
        "step.entered" => new Message("Chuyển đến bước"),
        "workflow.completed" => new Message("Kết thúc quy trình"),
        "wait.scheduled" => new Message("Bắt đầu thời gian chờ"),
        "deadline.scheduled" => new Message("Đặt hạn xử lý"),
        "deadline.cancelled" => new Message("Hủy hạn xử lý"),
        "deadline.passed" => new Message("Quá hạn xử lý"),
        "deadline.escalated" => new Message("Nhắc cấp trên"),
        "deadline.past-at-entry" => new Message("Mở việc khi đã quá hạn"),
        "rules.added" => new Message("Thêm phiên bản tiêu chuẩn khen thưởng"),
        "audit.heads-sealed" => new Message("Niêm phong đầu chuỗi nhật ký"),
        "award-form.created" => new Message("Thêm hình thức khen thưởng"),
        "award-form.changed" => new Message("Sửa hình thức khen thưởng"),
        "calendar.day-added" => new Message("Thêm ngày vào lịch làm việc"),
        "calendar.day-removed" => new Message("Bỏ ngày khỏi lịch làm việc"),
        "deadline.moved" => new Message("Hạn xử lý thay đổi do điều chỉnh lịch"),
        "legal-instrument.added" => new Message("Thêm văn bản pháp lý"),
        "legal-instrument.changed" => new Message("Sửa văn bản pháp lý"),
        "signing-authority.added" => new Message("Thêm phiên bản thẩm quyền ký"),
        "session.minutes-details" => new Message("Ghi thông tin biên bản phiên họp"),
        "committee.minutes-recipients" => new Message("Cập nhật nơi nhận biên bản"),
        "calendar.imported" => new Message("Nhập lịch chính thức của năm"),
        "calendar.shipped-dismissed" => new Message("Bỏ qua lịch chính thức kèm ứng dụng"),
        "campaign.created" => new Message("Tạo phong trào thi đua"),
        "campaign.changed" => new Message("Sửa phong trào thi đua"),
        "committee.created" => new Message("Tạo Hội đồng / Ban"),
        "committee.member-added" => new Message("Thêm thành viên Hội đồng / Ban"),
        "committee.member-moved" => new Message("Đổi thứ tự thành viên Hội đồng / Ban"),
        "committee.member-removed" => new Message("Bỏ thành viên khỏi Hội đồng / Ban"),
        "unit.created" => new Message("Thêm đơn vị"),
        "unit.changed" => new Message("Sửa đơn vị"),
        "user.created" => new Message("Tạo tài khoản"),
        "user.changed" => new Message("Sửa tài khoản"),
        "user.locked" => new Message("Khóa tài khoản"),
        "user.unlocked" => new Message("Mở khóa tài khoản"),
        "definition.created" => new Message("Tạo quy trình mới từ mẫu"),
        "definition.imported" => new Message("Nhập quy trình từ tệp"),
        "definition.draft-created" => new Message("Tạo bản nháp quy trình"),
        "definition.draft-saved" => new Message("Lưu bản nháp quy trình"),
        "definition.publication-requested" => new Message("Đề nghị ban hành phiên bản quy trình"),
        "definition.published" => new Message("Ban hành phiên bản quy trình"),
        "definition.retired" => new Message("Ngừng dùng phiên bản quy trình"),
        "definition.scenario-saved" => new Message("Lưu kịch bản chạy thử"),
        "definition.instance-migrated" => new Message("Chuyển hồ sơ sang phiên bản khác"),
        "definition.meanings-annotated" => new Message("Bổ sung ý nghĩa các bước cho phiên bản cũ"),
        "definition.shipped-offered" => new Message("Đề xuất phiên bản quy trình đi kèm hệ thống"),
        _ when action.StartsWith(TaskEventPrefix, StringComparison.Ordinal) => new Message("Xử lý hồ sơ"),
        _ => null,
    };

    /// <summary>An event's name, "Ghi nhận khác" for a code nobody named.</summary>
    public static Message EventOrOther(string action) => Event(action) ?? new Message("Ghi nhận khác");
}

/// <summary>What a refusal says was not found (<see cref="Errors.NotFoundException"/>): "Không tìm thấy {thing}."</summary>
public static class Things
{
    public static Message Nomination => new("hồ sơ đề nghị");
    public static Message Campaign => new("phong trào thi đua");
    public static Message AwardForm => new("hình thức khen thưởng");
    public static Message Committee => new("Hội đồng / Ban");
    public static Message CommitteeMember => new("thành viên Hội đồng / Ban");
    public static Message Decision => new("quyết định khen thưởng");
    public static Message SignedDecision => new("bản ký số của quyết định");
    public static Message SigningSession => new("phiên ký số");
    public static Message SignedMinutes => new("bản ký số của biên bản");
    public static Message Document => new("tài liệu");
    public static Message Task => new("việc cần xử lý");
    public static Message Session => new("phiên họp");
    public static Message AgendaItem => new("hồ sơ trong chương trình phiên họp");
    public static Message RegistryEntry => new("dòng sổ khen thưởng");
    public static Message Certificate => new("giấy chứng nhận");
    public static Message Comment => new("ý kiến");
    public static Message DisclosedNominee => new("hồ sơ đang công khai");
    public static Message Notification => new("thông báo");
    public static Message Unit => new("đơn vị");
    public static Message User => new("tài khoản");
    public static Message CalendarDay => new("ngày trong lịch");
    public static Message Definition => new("quy trình");
    public static Message DefinitionVersion => new("phiên bản quy trình");
    public static Message RepairRequest => new("đề nghị sửa chữa");
    public static Message JobFailure => new("việc tự động bị lỗi");
    public static Message Substitution => new("việc thay thế khi vắng mặt");
}
