using System.Text.RegularExpressions;

namespace Commendations.Domain.Decisions;

/// <summary>A decision number as written on Vietnamese administrative decisions: <c>215/QĐ-UBND</c> (sequence / "QĐ-" issuing body).</summary>
public sealed partial record DecisionNumber(int Sequence, string IssuingBody)
{
    public static bool TryParse(string? text, out DecisionNumber number)
    {
        number = new DecisionNumber(0, "");
        var match = Pattern().Match(text?.Trim() ?? "");
        if (!match.Success || !int.TryParse(match.Groups["seq"].Value, out var sequence) || sequence <= 0)
            return false;
        number = new DecisionNumber(sequence, match.Groups["body"].Value);
        return true;
    }

    public override string ToString() => $"{Sequence}/QĐ-{IssuingBody}";

    [GeneratedRegex(@"^(?<seq>\d{1,6})/QĐ-(?<body>[A-ZĐ][A-ZĐ0-9]*(?:-[A-ZĐ0-9]+)*)$")]
    private static partial Regex Pattern();
}
