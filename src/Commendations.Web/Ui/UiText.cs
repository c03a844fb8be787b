using System.Globalization;
using System.Text.Json;

namespace Commendations.Web.Ui;

/// <summary>
/// The UI's texts. Pages are written in Vietnamese (the default language); <c>Resources/Texts.en.json</c> maps each
/// Vietnamese text to its English translation. A text without a translation shows in Vietnamese.
/// </summary>
public sealed class UiText
{
    private readonly IReadOnlyDictionary<string, string> _english;

    public UiText()
    {
        using var stream = typeof(UiText).Assembly.GetManifestResourceStream("Commendations.Web.Resources.Texts.en.json")
                           ?? throw new InvalidOperationException("The English texts resource is missing.");
        _english = JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? [];
    }

    public string this[string vietnamese] =>
        UiSetup.IsEnglish && _english.TryGetValue(vietnamese, out var english) ? english : vietnamese;

    public string this[string vietnamese, params object?[] args] => string.Format(CultureInfo.CurrentCulture, this[vietnamese], args);

    /// <summary>The English of a text whatever the page's language (the text itself when it has no translation).</summary>
    public string English(string vietnamese) => _english.TryGetValue(vietnamese, out var english) ? english : vietnamese;

    public IReadOnlyCollection<string> TranslatedTexts => _english.Keys.ToList();
}
