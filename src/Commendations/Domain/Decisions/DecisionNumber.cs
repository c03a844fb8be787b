using System.Text.RegularExpressions;
using Commendations.Common.Text;

namespace Commendations.Domain.Decisions;

/// <summary>
/// A decision number as written on Vietnamese administrative decisions: <c>215/QĐ-UBND</c> (sequence / "QĐ-" issuing body).
/// Decree 30/2020/NĐ-CP (Appendix I, Part I, section II, point 3(c)) writes the sequence in Arabic numerals and a number
/// below 10 with a leading zero: <c>05/QĐ-UBND</c>, never <c>5/QĐ-UBND</c> (nor <c>005</c> or <c>015</c>).
/// </summary>
public sealed partial record DecisionNumber(int Sequence, string IssuingBody)
{
    /// <summary>The rule a number below 10 breaks without its zero (shown in the refusal).</summary>
    public const string LeadingZeroRule = "Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II, khoản 3 điểm c";

    public static bool TryParse(string? text, out DecisionNumber number) => Check(text, out number) is null;

    /// <summary>Why the text is not a decision number as the decree writes it (null when it is one).</summary>
    public static Message? Check(string? text, out DecisionNumber number)
    {
        number = new DecisionNumber(0, "");
        var match = Pattern().Match(text?.Trim() ?? "");
        if (!match.Success || !int.TryParse(match.Groups["seq"].Value, out var sequence) || sequence <= 0)
            return new Message("Ghi số quyết định như trên văn bản: số thứ tự, dấu gạch chéo, rồi ký hiệu, ví dụ 215/QĐ-UBND.");
        var digits = match.Groups["seq"].Value;
        var body = match.Groups["body"].Value;
        if (digits != Padded(sequence))
            return sequence < 10
                ? new Message("Số văn bản nhỏ hơn 10 phải ghi thêm số 0 phía trước ({0}): viết {1}.", LeadingZeroRule, $"{Padded(sequence)}/QĐ-{body}")
                : new Message("Số văn bản từ 10 trở lên không ghi số 0 phía trước ({0}): viết {1}.", LeadingZeroRule, $"{Padded(sequence)}/QĐ-{body}");
        number = new DecisionNumber(sequence, body);
        return null;
    }

    /// <summary>"05", "215".</summary>
    public static string Padded(int sequence) => sequence < 10 ? $"0{sequence}" : sequence.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public override string ToString() => $"{Padded(Sequence)}/QĐ-{IssuingBody}";

    // Capitals, except the one official abbreviation ending in a small "g": the Prime Minister's "TTg" (Nghị định
    // 30/2020/NĐ-CP, Phụ lục III), whose decisions a province records after forwarding a nomination upward.
    [GeneratedRegex(@"^(?<seq>\d{1,6})/QĐ-(?<body>[A-ZĐ][A-ZĐ0-9]*(?:g)?(?:-[A-ZĐ0-9]+)*)$")]
    private static partial Regex Pattern();
}
