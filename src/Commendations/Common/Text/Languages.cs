using System.Globalization;

namespace Commendations.Common.Text;

/// <summary>
/// The languages a person may read the system in: Vietnamese (the default) and English. A user's preference
/// (<c>users.preferred_language</c>) chooses the language of their notifications and e-mails.
/// </summary>
public static class Languages
{
    public const string VietnameseCode = "vi";
    public const string EnglishCode = "en";

    public static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    public static IReadOnlyList<string> Codes { get; } = [VietnameseCode, EnglishCode];

    public static bool IsSupported(string? code) => code is VietnameseCode or EnglishCode;

    /// <summary>The culture of a language code; anything unknown reads Vietnamese.</summary>
    public static CultureInfo Of(string? code) => code == EnglishCode ? English : Vietnamese;

    public static string CodeOf(CultureInfo culture) => MessageCatalog.IsEnglish(culture) ? EnglishCode : VietnameseCode;
}
