using System.Globalization;
using System.Text.Json;

namespace Commendations.Common.Text;

/// <summary>
/// English translations of the Vietnamese message templates (<c>Resources/Messages.en.json</c>, Vietnamese template →
/// English template). A test checks every template used in code has its translation.
/// </summary>
public static class MessageCatalog
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> English = new(Load);

    public static IReadOnlyDictionary<string, string> EnglishTemplates => English.Value;

    public static bool IsEnglish(CultureInfo culture) => culture.TwoLetterISOLanguageName == "en";

    public static string Translate(string vietnamese, CultureInfo culture) =>
        IsEnglish(culture) && English.Value.TryGetValue(vietnamese, out var english) ? english : vietnamese;

    private static IReadOnlyDictionary<string, string> Load()
    {
        using var stream = typeof(MessageCatalog).Assembly.GetManifestResourceStream("Commendations.Resources.Messages.en.json")
                           ?? throw new InvalidOperationException("The English messages resource is missing.");
        return JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? [];
    }
}
