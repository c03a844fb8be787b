using System.Globalization;

namespace Commendations.Common.Text;

/// <summary>
/// A sentence for a person: a Vietnamese template (the default language) and its arguments, formatted in the reader's
/// language only where it is shown. English comes from <see cref="MessageCatalog"/>; a template without a translation
/// shows in Vietnamese. Exceptions carry messages, never finished English sentences.
/// </summary>
public sealed record Message(string Template, params object?[] Args) : ILocalisable
{
    public string Format(CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentUICulture;
        var template = MessageCatalog.Translate(Template, culture);
        return Args.Length == 0 ? template : string.Format(culture, template, Args.Select(a => Localise(a, culture)).ToArray());
    }

    public override string ToString() => Format(CultureInfo.GetCultureInfo("vi-VN"));

    /// <summary>Nested messages (e.g. a field's name) and other localisable texts (a step's name) are translated too; dates read dd/MM/yyyy in both languages.</summary>
    private static object? Localise(object? argument, CultureInfo culture) => argument switch
    {
        ILocalisable nested => nested.Format(culture),
        DateOnly date => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        DateTime dateTime => dateTime.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        DateTimeOffset instant => instant.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture),
        _ => argument,
    };
}

/// <summary>A text formatted in the reader's language where it is shown: a <see cref="Message"/>, a step's name, a person's own words.</summary>
public interface ILocalisable
{
    string Format(CultureInfo? culture = null);
}

/// <summary>Words a person wrote (a comment, a reason): the same in every language.</summary>
public sealed record Verbatim(string Text) : ILocalisable
{
    public string Format(CultureInfo? culture = null) => Text;

    public override string ToString() => Text;
}
