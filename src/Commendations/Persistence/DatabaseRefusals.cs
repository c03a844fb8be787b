using Commendations.Common.Errors;
using Commendations.Common.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Commendations.Persistence;

/// <summary>
/// The one conflict vocabulary: what PostgreSQL refused becomes a documented code (README, "Errors"), a field where
/// there is one, and a sentence for a person. No constraint, index, table or column name ever reaches a client.
/// Uniqueness the use cases check first still lands here when two requests race past the check together.
/// </summary>
public static class DatabaseRefusals
{
    private static readonly Message ConcurrentChange =
        new("Người khác vừa thay đổi dữ liệu này cùng lúc; hãy tải lại và thử lại.");

    /// <summary>Unique indexes whose clash means "this value is taken", by index name: code, field, sentence.</summary>
    private static readonly Dictionary<string, (string Code, string Field, Message Text)> TakenValues = new(StringComparer.Ordinal)
    {
        ["ix_campaigns_code"] = ("code-taken", "code", new Message("Mã phong trào này đã được dùng.")),
        ["ix_award_forms_code"] = ("code-taken", "code", new Message("Mã hình thức khen thưởng này đã được dùng.")),
        ["ix_committees_code"] = ("code-taken", "code", new Message("Mã hội đồng/ban này đã được dùng.")),
        ["ix_units_code"] = ("code-taken", "code", new Message("Mã đơn vị này đã được dùng.")),
        ["ix_emulation_clusters_code"] = ("code-taken", "code", new Message("Mã cụm thi đua này đã được dùng.")),
        ["user_name_index"] = ("user-name-taken", "userName", new Message("Tên đăng nhập này đã có người dùng.")),
        ["role_name_index"] = ("code-taken", "name", new Message("Tên vai trò này đã có.")),
        ["ix_decisions_issuing_body_year_sequence"] = ("decision-number-taken", "number", new Message("Số quyết định này đã được dùng trong năm.")),
        ["ix_eligibility_rule_sets_award_form_code_effective_from"] =
            ("rule-set-exists", "effectiveFrom", new Message("Đã có bộ tiêu chí của hình thức này áp dụng từ ngày đó.")),
        ["ix_saved_scenarios_definition_id_name"] = ("name-taken", "name", new Message("Đã có kịch bản cùng tên cho quy trình này.")),
    };

    /// <summary>Exclusion constraints (overlapping ranges), by name: code, field, sentence.</summary>
    private static readonly Dictionary<string, (string Code, string Field, Message Text)> Overlaps = new(StringComparer.Ordinal)
    {
        ["ex_substitutions_one_cover_at_a_time"] = ("substitution-overlaps", "from",
            new Message("Người này đã có người thay thế trong khoảng thời gian đó; hãy thu hồi lần đó trước hoặc chọn khoảng thời gian khác.")),
    };

    /// <summary>The refusal for a database error, or null when it is not a refusal of the request (a fault: 500/503).</summary>
    public static AppException? Refusal(Exception exception)
    {
        if (exception is DbUpdateConcurrencyException)
            return new ConflictException("concurrent-change", ConcurrentChange);
        var postgres = exception as PostgresException ?? exception.InnerException as PostgresException;
        if (postgres is null)
            return null;
        return postgres.SqlState switch
        {
            PostgresErrorCodes.UniqueViolation when postgres.ConstraintName is { } name && TakenValues.TryGetValue(name, out var taken) =>
                new ConflictException(taken.Code, taken.Text, taken.Field),
            PostgresErrorCodes.ExclusionViolation when postgres.ConstraintName is { } range && Overlaps.TryGetValue(range, out var overlap) =>
                new ConflictException(overlap.Code, overlap.Text, overlap.Field),
            // Any other unique clash (audit sequence, one instance per nomination, one task per key, dedupe keys, register
            // numbers) is two requests doing the same thing at once.
            PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.ExclusionViolation or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected
                or PostgresErrorCodes.LockNotAvailable => new ConflictException("concurrent-change", ConcurrentChange),
            PostgresErrorCodes.ForeignKeyViolation => new ConflictException("referenced-record-missing",
                new Message("Một bản ghi được nhắc đến không còn tồn tại (có thể vừa bị xóa); hãy tải lại và thử lại.")),
            PostgresErrorCodes.CheckViolation or PostgresErrorCodes.NotNullViolation => new ConflictException("invalid-state",
                new Message("Thay đổi này trái với một ràng buộc dữ liệu; không có gì được lưu.")),
            // Raised by the trigger that keeps issued decisions unchanged.
            PostgresErrorCodes.RaiseException => new ConflictException("record-immutable",
                new Message("Bản ghi đã ban hành không thể sửa; hãy ban hành một quyết định sửa đổi.")),
            PostgresErrorCodes.StringDataRightTruncation => new InputException("body", new Message("Một trường văn bản dài quá mức cho phép.")),
            PostgresErrorCodes.CharacterNotInRepertoire or PostgresErrorCodes.UntranslatableCharacter or PostgresErrorCodes.InvalidTextRepresentation
                or PostgresErrorCodes.DatetimeFieldOverflow or PostgresErrorCodes.NumericValueOutOfRange =>
                new InputException("body", new Message("Một giá trị gửi lên không hợp lệ.")),
            _ => null,
        };
    }
}
