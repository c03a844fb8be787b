using Commendations.Common.Text;
using Commendations.Engine;

namespace Commendations.Common.Errors;

/// <summary>
/// The refusal vocabulary: every <c>code</c> a client can receive — in a ProblemDetails, from the engine (runtime,
/// simulation, migration) or from the database — with the sentence that names it (Vietnamese; English in the
/// message catalog). A ProblemDetails' <c>title</c> is its code's text in the reader's language; the <c>detail</c> says
/// what exactly was refused. <c>RefusalCodesTests</c> fails for a code used in the source or declared by the engine
/// without its texts here, for a text without its English, and when docs/refusals.md (generated from this table) differs.
/// </summary>
public static class RefusalCodes
{
    public const string InvalidInput = "invalid-input";
    public const string NotFound = "not-found";
    public const string Forbidden = "forbidden";

    private static readonly (string Code, Message Text)[] Table =
    [
        // HTTP and the pipeline
        (InvalidInput, new Message("Một số trường không hợp lệ.")),
        ("sign-in-required", new Message("Cần đăng nhập.")),
        ("invalid_credentials", new Message("Tên đăng nhập hoặc mật khẩu không đúng.")),
        ("invalid_refresh_token", new Message("Mã làm mới (refresh token) không hợp lệ hoặc đã hết hạn. Vui lòng đăng nhập lại.")),
        ("role-required", new Message("Việc này dành cho người có vai trò khác.")),
        (Forbidden, new Message("Không được phép.")),
        ("system-only", new Message("Chỉ bộ lập lịch của hệ thống gửi yêu cầu này.")),
        ("cross-site-request", new Message("Yêu cầu từ trang khác bị từ chối.")),
        ("no-unit", new Message("Tài khoản chưa thuộc đơn vị nào.")),
        (NotFound, new Message("Không tìm thấy.")),
        ("method-not-allowed", new Message("Phương thức này không dùng được ở địa chỉ này.")),
        ("conflict", new Message("Xung đột với trạng thái hiện tại.")),
        ("too-large", new Message("Nội dung gửi lên quá lớn.")),
        ("unsupported-media-type", new Message("Kiểu nội dung gửi lên không được hỗ trợ ở đây.")),
        ("unprocessable", new Message("Không thể xử lý yêu cầu này.")),
        ("idempotency-key-reused", new Message("Khóa chống gửi lặp (Idempotency-Key) đã dùng cho một yêu cầu khác.")),
        ("too-many-requests", new Message("Quá nhiều yêu cầu; hãy thử lại sau.")),
        ("rate-limited", new Message("Quá nhiều lần đăng nhập.")),
        ("sign-in-throttled", new Message("Tạm thời không nhận đăng nhập vào tài khoản này từ địa chỉ của bạn.")),
        ("internal-error", new Message("Đã xảy ra lỗi không mong muốn.")),
        ("service-unavailable", new Message("Hệ thống tạm thời gián đoạn.")),
        ("error", new Message("Có lỗi.")),

        // What the database refuses (Persistence/DatabaseRefusals.cs)
        ("concurrent-change", new Message("Người khác vừa thay đổi dữ liệu này cùng lúc; hãy tải lại và thử lại.")),
        ("code-taken", new Message("Mã này đã được dùng.")),
        ("user-name-taken", new Message("Tên đăng nhập này đã có người dùng.")),
        ("decision-number-taken", new Message("Số quyết định này đã được dùng trong năm.")),
        ("rule-set-exists", new Message("Đã có bộ tiêu chuẩn của hình thức này áp dụng từ ngày đó.")),
        ("name-taken", new Message("Tên này đã được dùng.")),
        ("referenced-record-missing", new Message("Một bản ghi được nhắc đến không còn tồn tại.")),
        ("invalid-state", new Message("Thay đổi này trái với một ràng buộc dữ liệu.")),
        ("record-immutable", new Message("Bản ghi đã ban hành không thể sửa.")),

        // The use cases
        ("already-at-end", new Message("Thành viên đã ở đầu hoặc cuối danh sách.")),
        ("already-final", new Message("Đề nghị đã kết thúc.")),
        ("already-revoked", new Message("Khen thưởng này đã bị thu hồi.")),
        ("ballot-box-mismatch", new Message("Hòm phiếu không khớp với số thành viên đã bỏ phiếu.")),
        ("substitution-overlaps", new Message("Người vắng mặt đã có người thay thế trong khoảng thời gian này.")),
        ("substitute-away", new Message("Người được chọn thay thế cũng vắng mặt trong khoảng thời gian này.")),
        ("substitution-over", new Message("Việc thay thế đã kết thúc hoặc đã được thu hồi.")),
        ("substitute-out-of-range", new Message("Người thay thế chỉ xử lý thay trong khoảng thời gian đã đặt.")),
        ("comment-handled", new Message("Ý kiến này đã được ghi nhận xử lý.")),
        ("definition-immutable", new Message("Phiên bản quy trình đã ban hành không thay đổi được.")),
        ("dossier-window-closed", new Message("Ngoài thời hạn nhận hồ sơ của phong trào.")),
        ("registration-not-open", new Message("Phong trào chưa mở đăng ký thi đua.")),
        ("registration-closed", new Message("Đã hết hạn đăng ký thi đua.")),
        ("empty-agenda", new Message("Không có hồ sơ nào chờ biểu quyết.")),
        ("four-eyes", new Message("Cần một quản trị viên khác phê duyệt.")),
        ("last-published", new Message("Đây là phiên bản đang dùng duy nhất của quy trình.")),
        ("may-not-vote", new Message("Thành viên không được bỏ phiếu hồ sơ này.")),
        ("no-published-workflow", new Message("Quy trình chưa có phiên bản được ban hành.")),
        ("not-a-draft", new Message("Phiên bản này không phải bản nháp.")),
        ("not-at-decision", new Message("Hồ sơ chưa đến bước quyết định khen thưởng.")),
        ("not-awarded", new Message("Quy trình không kết thúc bằng khen thưởng.")),
        ("not-editable", new Message("Hồ sơ không sửa được ở trạng thái này.")),
        ("not-published", new Message("Phiên bản quy trình chưa được ban hành.")),
        ("not-voting", new Message("Hồ sơ không ở bước biểu quyết.")),
        ("not-written-vote", new Message("Chỉ ghi phiếu thay cho thành viên vắng mặt có phiếu bằng văn bản.")),
        ("nothing-to-submit", new Message("Hồ sơ không ở bước đơn vị trình hồ sơ.")),
        ("on-another-agenda", new Message("Hồ sơ đã có trong chương trình của một phiên họp khác.")),
        ("over-quota", new Message("Vượt chỉ tiêu khen thưởng của phong trào.")),
        ("secret-ballot-cast", new Message("Phiếu kín đã bỏ thì không sửa được.")),
        ("secret-vote-in-session", new Message("Biểu quyết kín được thực hiện trong phiên họp của Hội đồng.")),
        ("self-lockout", new Message("Không thể tự khóa tài khoản của mình.")),
        ("session-closed", new Message("Phiên họp đã kết thúc.")),
        ("not-waiting", new Message("Hồ sơ không ở bước chờ nào.")),
        ("not-reassignable", new Message("Việc này không chuyển được cho người khác.")),
        ("already-applied", new Message("Xử lý tự động này đã thực hiện xong.")),
        ("not-eligible", new Message("Người được chọn không nhận được việc này.")),
        ("open-complaint", new Message("Còn khiếu nại chưa giải quyết trong thời gian công khai.")),
        ("not-secretary", new Message("Chỉ thư ký của Hội đồng / Ban hoặc quản trị viên làm việc này.")),
        ("calendar-changed-since-preview", new Message("Lịch cần nhập đã khác với lịch đã xem trước.")),
        ("use-submit", new Message("Hồ sơ của đơn vị được trình bằng thao tác trình hồ sơ.")),
        ("use-central-decision", new Message("Quyết định của cấp trên được ghi nhận cùng số, ngày và cơ quan ban hành.")),
        ("not-at-forwarding", new Message("Hồ sơ chưa ở bước chuyển lên cấp trên.")),
        ("forwarding-not-configured", new Message("Chưa cấu hình địa chỉ nhận hồ sơ của cấp trên.")),
        ("already-retried", new Message("Việc tự động này đã được yêu cầu chạy lại.")),
        ("skips-legal-check", new Message("Việc chuyển bước bỏ qua biểu quyết hoặc công khai mà chưa được xác nhận.")),
        ("request-decided", new Message("Đề nghị sửa chữa đã được quyết định.")),
        ("same-administrator", new Message("Cần một quản trị viên khác duyệt.")),
        ("claimed-by-other", new Message("Việc này đang do người khác xử lý.")),
        ("not-claimable", new Message("Việc này giao riêng cho một người, không cần nhận xử lý.")),
        ("vote-not-in-bulk", new Message("Phiếu biểu quyết không bỏ hàng loạt được.")),
        ("not-in-step", new Message("Bước của việc này không có thao tác đã chọn.")),
        ("no-signing-certificate", new Message("Không có chứng thư số dùng được để ký.")),
        ("not-decision-signer", new Message("Chỉ lãnh đạo đã ký quyết định hoặc quản trị viên mới ký số quyết định.")),
        ("decision-already-signed", new Message("Quyết định đã có bản ký số; không ký lại.")),
        ("signature-invalid", new Message("Chữ ký số không hợp lệ; văn bản không được lưu.")),
        ("signature-too-large", new Message("Chữ ký số lớn hơn chỗ dành cho chữ ký trong văn bản.")),
        ("signing-not-used", new Message("Quy trình của quyết định không dùng chữ ký số.")),
        ("decision-not-signed-yet", new Message("Quyết định chưa có chữ ký số của lãnh đạo; văn thư đóng dấu sau khi lãnh đạo ký.")),
        ("decision-already-sealed", new Message("Quyết định đã được đóng dấu; không đóng dấu lại.")),
        ("not-seal-holder", new Message("Chỉ văn thư của cơ quan ban hành hoặc quản trị viên mới đóng dấu quyết định.")),
        ("pdf-not-appendable", new Message("Không thêm được chữ ký vào tệp PDF này.")),
        ("timestamp-failed", new Message("Không lấy được dấu thời gian cho chữ ký; không có gì được lưu.")),
        ("certificate-revoked", new Message("Chứng thư số của người ký đã bị thu hồi trước thời điểm ký; văn bản không được lưu.")),
        ("decision-awaiting-signatures", new Message("Hồ sơ đã có trong quyết định đang chờ ký số, đóng dấu.")),
        ("mixed-signing-requirements", new Message("Các hồ sơ của một quyết định phải cùng yêu cầu ký số trước khi quyết định có hiệu lực.")),
        ("corrections-awaiting-signatures", new Message("Quyết định phải ký số trước khi có hiệu lực không kèm dòng đính chính.")),
        ("signing-session-expired", new Message("Phiên ký số đã hết hạn; hãy chuẩn bị ký lại.")),
        ("minutes-not-final", new Message("Biên bản chỉ được ký số khi phiên họp đã kết thúc.")),
        ("minutes-already-signed", new Message("Biên bản đã có đủ chữ ký số; không ký lại.")),
        ("minutes-signer-missing", new Message("Biên bản chưa ghi người ký (thư ký, người chủ trì).")),
        ("not-minutes-signer", new Message("Thư ký ký biên bản trước, rồi đến người chủ trì; không ai ký thay.")),

        // The engine's runtime (RuntimeErrors; mapped to HTTP in Workflow/RuntimeErrorMapping.cs)
        (RuntimeErrors.InstanceCompleted, new Message("Quy trình của hồ sơ đã kết thúc.")),
        (RuntimeErrors.DefinitionMismatch, new Message("Hồ sơ chạy trên một phiên bản quy trình khác.")),
        (RuntimeErrors.UnknownTask, new Message("Không tìm thấy việc cần xử lý.")),
        (RuntimeErrors.TaskClosed, new Message("Việc này đã được xử lý.")),
        (RuntimeErrors.NotAssignee, new Message("Việc này không giao cho bạn.")),
        (RuntimeErrors.NotYourTurn, new Message("Chưa đến lượt bạn xử lý.")),
        (RuntimeErrors.PersonalVote, new Message("Biểu quyết là quyền của cá nhân thành viên; người thay thế không bỏ phiếu thay.")),
        (RuntimeErrors.InvalidAction, new Message("Thao tác này không có ở bước hiện tại.")),
        (RuntimeErrors.NotCurrentStep, new Message("Hồ sơ không ở bước này.")),
        (RuntimeErrors.NotAMember, new Message("Không phải thành viên của Hội đồng / Ban này.")),
        (RuntimeErrors.AlreadyVoted, new Message("Thành viên đã bỏ phiếu.")),
        (RuntimeErrors.NoQuorum, new Message("Không đủ tỷ lệ tham dự biểu quyết.")),
        (RuntimeErrors.StaleDeadline, new Message("Hạn xử lý đã thay đổi.")),
        (RuntimeErrors.AlreadyOverdue, new Message("Việc quá hạn này đã được xử lý.")),
        (RuntimeErrors.WaitNotElapsed, new Message("Thời gian chờ chưa hết.")),
        (RuntimeErrors.NotApplicable, new Message("Quy trình không áp dụng cho hồ sơ này.")),
        (RuntimeErrors.UnknownCommittee, new Message("Hội đồng / Ban chưa có thành viên.")),
        (RuntimeErrors.CommitteeTooSmall, new Message("Hội đồng / Ban không đủ thành viên.")),
        (RuntimeErrors.UnknownUnitScope, new Message("Chưa cấu hình đơn vị xử lý cho bước này.")),
        (RuntimeErrors.MissingFact, new Message("Hồ sơ thiếu thông tin để tính hạn xử lý.")),
        (RuntimeErrors.UnknownStep, new Message("Bước không có trong quy trình.")),
        (RuntimeErrors.Loop, new Message("Quy trình chạy vòng mà không dừng ở bước nào.")),
        (RuntimeErrors.UnknownCommand, new Message("Lệnh không được hỗ trợ.")),
        (RuntimeErrors.UnknownCallee, new Message("Quy trình được gọi chưa được ban hành.")),
        (RuntimeErrors.UnhandledCalleeResult, new Message("Quy trình được gọi kết thúc với kết quả không có chuyển tiếp.")),
        (RuntimeErrors.InvalidOutput, new Message("Kết quả ghi nhận không hợp lệ.")),
        (RuntimeErrors.AlreadyEscalated, new Message("Cấp nhắc này đã thực hiện.")),
        (RuntimeErrors.EscalationNotDue, new Message("Chưa đến lúc nhắc cấp trên.")),
        (RuntimeErrors.DeadlinePast, new Message("Hạn xử lý đã qua khi mở việc.")),
        (RuntimeErrors.InvalidTally, new Message("Số phiếu không khớp với số người bỏ phiếu.")),

        // The simulator (SimulationErrors)
        (SimulationErrors.InvalidDefinition, new Message("Định nghĩa quy trình có lỗi.")),
        (SimulationErrors.InvalidFact, new Message("Thông tin hồ sơ trong kịch bản không hợp lệ.")),
        (SimulationErrors.NoOpenTask, new Message("Không có việc đang mở phù hợp.")),
        (SimulationErrors.NotAWait, new Message("Bước hiện tại không phải thời gian chờ.")),
        (SimulationErrors.NotAVote, new Message("Bước hiện tại không phải bước bỏ phiếu.")),
        (SimulationErrors.TimeGoesBack, new Message("Thời gian trong kịch bản đi lùi.")),
        (SimulationErrors.TooManyVotes, new Message("Nhiều phiếu hơn số thành viên chưa bỏ phiếu.")),

        // Moving instances between versions (MigrationProblems)
        (MigrationProblems.DifferentDefinition, new Message("Hai phiên bản thuộc hai quy trình khác nhau.")),
        (MigrationProblems.SameVersion, new Message("Hai bên là cùng một phiên bản.")),
        (MigrationProblems.NotRunning, new Message("Chỉ chuyển được hồ sơ đang xử lý.")),
        (MigrationProblems.UnknownSourceStep, new Message("Bước nguồn không có trong phiên bản cũ.")),
        (MigrationProblems.UnknownTargetStep, new Message("Bước đích không có trong phiên bản mới.")),
        (MigrationProblems.UnmappedStep, new Message("Bước hiện tại của hồ sơ chưa được ánh xạ.")),
        (MigrationProblems.EndNeedsExplicitMapping, new Message("Chuyển đến bước kết thúc cần ánh xạ rõ ràng.")),
        (MigrationProblems.NestedStep, new Message("Chỉ ánh xạ được các bước ở cấp ngoài cùng.")),
        (MigrationProblems.CannotEnter, new Message("Không vào được bước đích.")),
        (MigrationProblems.MissingRouteData, new Message("Thiếu kết quả mà nhánh phía sau cần đọc.")),
        (MigrationProblems.EndNotAMoveTarget, new Message("Không chuyển hồ sơ đến bước kết thúc.")),
    ];

    private static readonly Dictionary<string, Message> Texts = Table.ToDictionary(e => e.Code, e => e.Text, StringComparer.Ordinal);

    /// <summary>Every code with its sentence, in the table's order.</summary>
    public static IReadOnlyList<(string Code, Message Text)> All => Table;

    /// <summary>The sentence that names <paramref name="code"/>, or null for a code not in the vocabulary.</summary>
    public static Message? TextOf(string? code) => code is not null && Texts.TryGetValue(code, out var text) ? text : null;
}
