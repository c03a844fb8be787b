using System.Text.Json.Serialization;
using Commendations.Common.Text;

namespace Commendations.Audit;

public enum AuditProblemKind
{
    /// <summary>An entry's content no longer matches its hash.</summary>
    Edited,
    /// <summary>An entry appears twice, or entries follow the last one the head records.</summary>
    Inserted,
    /// <summary>Sequence numbers are missing inside the chain.</summary>
    Deleted,
    /// <summary>An entry does not link to the one before it: one was inserted, replaced or deleted just before it.</summary>
    Unlinked,
    /// <summary>The chain stops before the entry the head records.</summary>
    TruncatedTail,
    /// <summary>The chain ends at the head's sequence but with another entry than the head records.</summary>
    ReplacedTail,
    /// <summary>The head's seal does not match it under any configured key.</summary>
    RewrittenHead,
    /// <summary>The head was written before heads were sealed: a truncated tail cannot be ruled out.</summary>
    Unsealed,
    /// <summary>A head without entries.</summary>
    EntriesMissing,
    /// <summary>Entries without a head.</summary>
    HeadMissing,
}

/// <summary>One finding of the verification, with its sentence in the reader's language.</summary>
public sealed record AuditProblem(AuditProblemKind Kind, string Stream, long? Sequence, [property: JsonIgnore] Message Text)
{
    public string Message => Text.Format();

    public static AuditProblem Edited(string stream, long sequence) => new(AuditProblemKind.Edited, stream, sequence,
        new Message("Mục #{1} của chuỗi {0} không khớp với mã băm của nó: nội dung đã bị sửa.", stream, sequence));

    public static AuditProblem Repeated(string stream, long sequence) => new(AuditProblemKind.Inserted, stream, sequence,
        new Message("Chuỗi {0} có mục #{1} lần thứ hai: có mục đã được chèn vào.", stream, sequence));

    public static AuditProblem BeyondHead(string stream, long headSequence, long lastSequence) => new(AuditProblemKind.Inserted, stream, lastSequence,
        new Message("Chuỗi {0} có các mục sau mục #{1} mà đầu chuỗi ghi nhận (đến #{2}): có mục đã được chèn vào.", stream, headSequence, lastSequence));

    public static AuditProblem Deleted(string stream, long from, long to) => new(AuditProblemKind.Deleted, stream, from,
        new Message("Chuỗi {0} thiếu các mục từ #{1} đến #{2}: chúng đã bị xóa.", stream, from, to));

    public static AuditProblem Unlinked(string stream, long sequence) => new(AuditProblemKind.Unlinked, stream, sequence,
        new Message("Mục #{1} của chuỗi {0} không nối với mục đứng trước: một mục ngay trước nó đã bị chèn, thay hoặc xóa.", stream, sequence));

    public static AuditProblem TruncatedTail(string stream, long lastSequence, long headSequence) => new(AuditProblemKind.TruncatedTail, stream, lastSequence,
        new Message("Chuỗi {0} dừng ở mục #{1} nhưng đầu chuỗi ghi nhận đến #{2}: các mục cuối đã bị xóa.", stream, lastSequence, headSequence));

    public static AuditProblem ReplacedTail(string stream, long sequence) => new(AuditProblemKind.ReplacedTail, stream, sequence,
        new Message("Mục cuối (#{1}) của chuỗi {0} không phải mục mà đầu chuỗi ghi nhận: nó đã bị thay.", stream, sequence));

    public static AuditProblem RewrittenHead(string stream) => new(AuditProblemKind.RewrittenHead, stream, null,
        new Message("Dấu niêm phong của đầu chuỗi {0} không hợp lệ: đầu chuỗi đã bị ghi lại ngoài ứng dụng.", stream));

    public static AuditProblem Unsealed(string stream) => new(AuditProblemKind.Unsealed, stream, null,
        new Message("Đầu chuỗi {0} chưa được niêm phong (ghi trước khi có khóa niêm phong): chưa thể loại trừ việc các mục cuối bị xóa.", stream));

    public static AuditProblem EntriesMissing(string stream) => new(AuditProblemKind.EntriesMissing, stream, null,
        new Message("Chuỗi {0} có đầu chuỗi nhưng không còn mục nào: các mục đã bị xóa.", stream));

    public static AuditProblem HeadMissing(string stream) => new(AuditProblemKind.HeadMissing, stream, null,
        new Message("Chuỗi {0} có các mục nhưng không có đầu chuỗi: đầu chuỗi đã bị xóa.", stream));
}
