using Commendations.Engine;
using System.Globalization;

namespace Commendations.Common.Text;

/// <summary>Something read in the reader's language, formatted only where it is shown.</summary>
public interface ILocalised
{
    string Format(CultureInfo? culture = null);
}

/// <summary>
/// A sentence for a person: a Vietnamese template (the default language) and its arguments, formatted in the reader's
/// language only where it is shown. English comes from <see cref="MessageCatalog"/>; a template without a translation
/// shows in Vietnamese. Exceptions carry messages, never finished English sentences.
/// </summary>
public sealed record Message(string Template, params object?[] Args) : ILocalised
{
    public string Format(CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentUICulture;
        var template = MessageCatalog.Translate(Template, culture);
        return Args.Length == 0 ? template : string.Format(culture, template, Args.Select(a => Localise(a, culture)).ToArray());
    }

    public override string ToString() => Format(CultureInfo.GetCultureInfo("vi-VN"));

    /// <summary>
    /// A text already in the reader's language (FluentValidation's built-in messages, formatted in the request's culture
    /// with the fields' localised names): shown as it is.
    /// </summary>
    public static Message Formatted(string text) => new("{0}", text);

    /// <summary>A name that depends on the reader's language (a step's title, a user's name is the same in both).</summary>
    public static ILocalised Name(Func<CultureInfo, string> name) => new LocalisedName(name);

    /// <summary>Items joined with ", " in the reader's language (each item may itself be a message or name).</summary>
    public static ILocalised List(IEnumerable<object?> items) => new LocalisedList([.. items]);

    /// <summary>Nested messages (e.g. a field's name) are translated too; dates read dd/MM/yyyy in both languages, instants in Vietnam time.</summary>
    internal static object? Localise(object? argument, CultureInfo culture) => argument switch
    {
        ILocalised nested => nested.Format(culture),
        DateOnly date => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        DateTime dateTime => dateTime.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        DateTimeOffset instant => instant.ToOffset(VietnamTime.Offset).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture),
        _ => argument,
    };

    private sealed record LocalisedName(Func<CultureInfo, string> Of) : ILocalised
    {
        public string Format(CultureInfo? culture = null) => Of(culture ?? CultureInfo.CurrentUICulture);

        public override string ToString() => Format(CultureInfo.GetCultureInfo("vi-VN"));
    }

    private sealed record LocalisedList(IReadOnlyList<object?> Items) : ILocalised
    {
        public string Format(CultureInfo? culture = null)
        {
            culture ??= CultureInfo.CurrentUICulture;
            return string.Join(", ", Items.Select(i => Convert.ToString(Localise(i, culture), culture)));
        }

        public override string ToString() => Format(CultureInfo.GetCultureInfo("vi-VN"));
    }
}

/// <summary>Words a person wrote (a comment, a reason): the same in every language.</summary>
public sealed record Verbatim(string Text) : ILocalised
{
    public string Format(CultureInfo? culture = null) => Text;

    public override string ToString() => Text;
}
