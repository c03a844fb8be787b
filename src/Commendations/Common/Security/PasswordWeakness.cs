using System.Globalization;
using System.Text;

namespace Commendations.Common.Security;

/// <summary>
/// Why a password is easy to guess: it is (or is built on) a common password, it follows a simple pattern (runs such as
/// <c>abcdefg</c> or <c>12345</c>, keyboard walks, repetition), or it contains the user's or the app's name.
/// Passwords are compared folded: lower case, without Vietnamese diacritics.
/// </summary>
public static class PasswordWeakness
{
    private static readonly Lazy<HashSet<string>> CommonPasswords = new(LoadCommonPasswords);

    // Rows and columns of a US keyboard, the alphabet and the digits: neighbours here are "walks" a person types without thinking.
    private static readonly string[] Sequences =
    [
        "abcdefghijklmnopqrstuvwxyz", "01234567890", "`1234567890-=", "qwertyuiop[]\\", "asdfghjkl;'", "zxcvbnm,./",
        "!@#$%^&*()_+", "1qaz", "2wsx", "3edc", "4rfv", "5tgb", "6yhn", "7ujm", "8ik,", "9ol.", "0p;/",
    ];

    private static readonly Dictionary<char, char> Leet = new() { ['@'] = 'a', ['4'] = 'a', ['0'] = 'o', ['3'] = 'e', ['$'] = 's', ['5'] = 's', ['7'] = 't', ['!'] = 'i' };

    /// <summary>Lower case without diacritics (đ becomes d), so "Lâm Giang" and "lamgiang" compare equal once compacted.</summary>
    public static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                builder.Append(c == 'đ' ? 'd' : c);
        }
        return builder.ToString();
    }

    /// <summary>Letters and digits only: what "contains a name" compares.</summary>
    public static string Compact(string text) => new(Fold(text).Where(char.IsLetterOrDigit).ToArray());

    /// <summary>The password, or what it is built on (digits and symbols around it stripped, l33t undone, a repeated part), is a common password.</summary>
    public static bool IsCommon(string password)
    {
        var folded = new string(Fold(password).Where(c => !char.IsWhiteSpace(c)).ToArray());
        var candidates = new List<string> { folded };
        if (RepeatedUnit(folded) is { } unit)
            candidates.Add(unit);
        foreach (var candidate in candidates.ToList())
        {
            var core = candidate.Trim(candidate.Where(c => !char.IsLetter(c)).Distinct().ToArray());
            candidates.Add(core);
            candidates.Add(Unleet(core, one: 'i'));
            candidates.Add(Unleet(core, one: 'l'));
        }
        return candidates.Any(c => c.Length > 0 && CommonPasswords.Value.Contains(c));
    }

    /// <summary>Too few different characters, a repetition, or mostly runs and keyboard walks (3 of 5 steps or more).</summary>
    public static bool IsPattern(string password)
    {
        var folded = new string(Fold(password).Where(c => !char.IsWhiteSpace(c)).ToArray());
        if (folded.Distinct().Count() < 5 || RepeatedUnit(folded) is not null)
            return true;
        var predictable = 0;
        for (var i = 1; i < folded.Length; i++)
        {
            if (folded[i] == folded[i - 1] || AreNeighbours(folded[i - 1], folded[i]))
                predictable++;
        }
        return predictable >= 0.6 * (folded.Length - 1);
    }

    /// <summary>The user name (whole, or a part of 4 or more characters between dots, hyphens or underscores), or the full name.</summary>
    public static bool ContainsName(string password, string? userName, string? displayName)
    {
        var compact = Compact(password);
        var names = new List<string>();
        if (!string.IsNullOrWhiteSpace(userName))
        {
            names.Add(Compact(userName));
            names.AddRange(userName.Split(['.', '-', '_', '@'], StringSplitOptions.RemoveEmptyEntries).Select(Compact));
        }
        if (!string.IsNullOrWhiteSpace(displayName) && Compact(displayName) is { Length: >= 6 } fullName)
            names.Add(fullName);
        return names.Any(n => n.Length >= 4 && compact.Contains(n, StringComparison.Ordinal));
    }

    public static bool ContainsAnyWord(string password, IEnumerable<string> words)
    {
        var compact = Compact(password);
        return words.Select(Compact).Any(w => w.Length >= 3 && compact.Contains(w, StringComparison.Ordinal));
    }

    private static bool AreNeighbours(char a, char b) =>
        Sequences.Any(s => s.IndexOf(a) is var i and >= 0 && ((i + 1 < s.Length && s[i + 1] == b) || (i > 0 && s[i - 1] == b)));

    /// <summary>"abcabcabc" → "abc"; null when the text is not one part said twice or more.</summary>
    private static string? RepeatedUnit(string text)
    {
        for (var length = 1; length <= text.Length / 2; length++)
        {
            if (text.Length % length == 0 && string.Concat(Enumerable.Repeat(text[..length], text.Length / length)) == text)
                return text[..length];
        }
        return null;
    }

    private static string Unleet(string text, char one) =>
        new(text.Select(c => c == '1' ? one : Leet.GetValueOrDefault(c, c)).ToArray());

    private static HashSet<string> LoadCommonPasswords()
    {
        using var stream = typeof(PasswordWeakness).Assembly.GetManifestResourceStream("Commendations.Resources.common-passwords.txt")
                           ?? throw new InvalidOperationException("The common passwords resource is missing.");
        using var reader = new StreamReader(stream);
        var passwords = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
                passwords.Add(line);
        }
        return passwords;
    }
}
