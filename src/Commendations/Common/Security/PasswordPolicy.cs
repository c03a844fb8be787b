using Microsoft.AspNetCore.Identity;

namespace Commendations.Common.Security;

/// <summary>
/// Configuration section <c>Passwords</c>. Length and a blocklist, no composition rules: rules such as "a digit and an
/// upper-case letter" push people to <c>Password1</c> and turn away long passphrases (NIST SP 800-63B, 5.1.1.2).
/// </summary>
public sealed class PasswordPolicy
{
    public const string Section = "Passwords";

    /// <summary>Fixed, not a setting: nothing should be able to configure it lower.</summary>
    public const int MinimumLength = 12;

    /// <summary>
    /// Words no password may contain (compared without case, diacritics, spaces or punctuation). Configured words are added
    /// to these: the app's own names and the demo province; a deployment adds its province's name.
    /// </summary>
    public string[] ForbiddenWords { get; set; } = ["thiduakhenthuong", "thidua", "khenthuong", "commendation", "lamgiang"];

    internal static void Apply(PasswordOptions options)
    {
        options.RequiredLength = MinimumLength;
        options.RequireDigit = false;
        options.RequireLowercase = false;
        options.RequireUppercase = false;
        options.RequireNonAlphanumeric = false;
        options.RequiredUniqueChars = 1; // repetition is the validator's "pattern" rule, with a clearer message
    }
}
