using System.Globalization;
using Commendations.Domain.Catalog;
using Commendations.Domain.Nominees;

namespace Commendations.Domain.Documents;

/// <summary>An awardee as the decision's wording needs it: kind, name and, for a person, the sex the honorific follows.</summary>
public sealed record WordedAwardee(NomineeKind Kind, string Name, Gender? Gender = null, string? UnitName = null);

/// <summary>
/// The words of a decision that depend on who it awards (DOMAIN.md, procedure step 8): "Tặng Bằng khen … cho 15 tập thể và
/// 15 cá nhân", "cho 01 tập thể", "cho ông Lê Văn Khải" — counts below 10 with a leading zero as administrative documents
/// write them, one person named with the honorific of their sex ("ông", "bà"), never "Ông/Bà".
/// </summary>
public static class DecisionWording
{
    private static readonly CultureInfo Vietnamese = new("vi-VN");

    /// <summary>"ông" for a man, "bà" for a woman; none when the sex is unknown.</summary>
    public static string? Honorific(Gender? gender) => gender switch
    {
        Nominees.Gender.Male => "ông",
        Nominees.Gender.Female => "bà",
        _ => null,
    };

    /// <summary>The name as listed: "Ông Lê Văn Khải", "Bà Trần Thị Mỹ Duyên"; a collective's name as it is.</summary>
    public static string ListedName(WordedAwardee awardee) =>
        awardee.Kind == NomineeKind.Individual && Honorific(awardee.Gender) is { } h ? $"{Capitalise(h)} {awardee.Name}" : awardee.Name;

    /// <summary>"01", "09", "15".</summary>
    public static string Count(int n) => n.ToString(n < 10 ? "00" : "0", CultureInfo.InvariantCulture);

    /// <summary>Whom the decision awards: "ông Lê Văn Khải" (one person), else the counts per kind ("15 tập thể và 15 cá nhân").</summary>
    public static string Recipients(IReadOnlyCollection<WordedAwardee> awardees)
    {
        if (awardees.Count == 1 && awardees.First() is { Kind: NomineeKind.Individual } one)
            return Honorific(one.Gender) is { } h ? $"{h} {one.Name}" : $"cá nhân {one.Name}";
        var parts = new List<string>();
        var collectives = awardees.Count(a => a.Kind == NomineeKind.Collective);
        var individuals = awardees.Count(a => a.Kind == NomineeKind.Individual);
        var households = awardees.Count(a => a.Kind == NomineeKind.Household);
        if (collectives > 0) parts.Add($"{Count(collectives)} tập thể");
        if (individuals > 0) parts.Add($"{Count(individuals)} cá nhân");
        if (households > 0) parts.Add($"{Count(households)} hộ gia đình");
        return parts.Count switch
        {
            0 => "",
            1 => parts[0],
            _ => string.Join(", ", parts.Take(parts.Count - 1)) + " và " + parts[^1],
        };
    }

    /// <summary>
    /// Article 1: "Tặng Bằng khen của Chủ tịch UBND tỉnh cho 15 tập thể và 15 cá nhân có tên trong danh sách sau, đã có thành
    /// tích xuất sắc trong …:" — or, for one person, "… cho ông Lê Văn Khải, Phường Đông Xuyên, đã có thành tích …." The
    /// citation follows a comma, so it starts in lower case.
    /// </summary>
    public static string ArticleOne(string awardName, IReadOnlyCollection<WordedAwardee> awardees, string citation)
    {
        var reason = InSentence(citation);
        var recipients = Recipients(awardees);
        if (awardees.Count == 1 && awardees.First() is { Kind: NomineeKind.Individual } one)
            return $"Tặng {awardName} cho {recipients}{(string.IsNullOrWhiteSpace(one.UnitName) ? "" : ", " + one.UnitName)}, {reason}.";
        return $"Tặng {awardName} cho {recipients} có tên trong danh sách sau, {reason}:";
    }

    /// <summary>The subject line: "Về việc tặng Bằng khen của Chủ tịch UBND tỉnh".</summary>
    public static string Subject(string awardName) => $"Về việc tặng {awardName}";

    /// <summary>"Đã có thành tích…." → "đã có thành tích…" (for use after a comma).</summary>
    public static string InSentence(string citation)
    {
        var text = citation.Trim().TrimEnd('.', ';', ':').Trim();
        if (text.Length == 0)
            return text;
        // A proper noun keeps its capital: only the first word when it is not all capitals and the second letter is lower.
        var first = text[0];
        return char.IsUpper(first) && (text.Length == 1 || !char.IsUpper(text[1]))
            ? char.ToLower(first, Vietnamese) + text[1..]
            : text;
    }

    private static string Capitalise(string word) => char.ToUpper(word[0], Vietnamese) + word[1..];
}
