using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Commendations.Engine;

/// <summary>A typed fact value.</summary>
public readonly record struct FactValue
{
    private FactValue(FactType type, string? text, decimal number, DateOnly date)
    {
        Type = type;
        Text = text;
        Number = number;
        Date = date;
    }

    public FactType Type { get; }
    public string? Text { get; }
    public decimal Number { get; }
    public DateOnly Date { get; }

    /// <summary>For <see cref="FactType.Boolean"/>: the value.</summary>
    public bool Flag => Type == FactType.Boolean && Number != 0;

    public static FactValue Of(string value) => new(FactType.String, value, 0, default);
    public static FactValue Of(decimal value) => new(FactType.Number, null, value, default);
    public static FactValue Of(DateOnly value) => new(FactType.Date, null, 0, value);
    public static FactValue Of(bool value) => new(FactType.Boolean, null, value ? 1 : 0, default);

    public override string ToString() => Type switch
    {
        FactType.String => Text ?? "",
        FactType.Number => Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        FactType.Boolean => Flag ? "true" : "false",
        _ => Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>
/// The facts of one nomination (immutable). Only facts of <see cref="FactCatalog"/> with their declared types are
/// accepted: <see cref="With(string, string)"/> and its overloads throw <see cref="ArgumentException"/> otherwise.
/// </summary>
public sealed class NominationFacts : IReadOnlyDictionary<string, FactValue>
{
    private readonly Dictionary<string, FactValue> _values;

    private NominationFacts(Dictionary<string, FactValue> values) => _values = values;

    public static NominationFacts Empty { get; } = new(new Dictionary<string, FactValue>(StringComparer.Ordinal));

    public NominationFacts With(string name, string value) => With(name, FactValue.Of(value));
    public NominationFacts With(string name, decimal value) => With(name, FactValue.Of(value));
    public NominationFacts With(string name, DateOnly value) => With(name, FactValue.Of(value));

    public NominationFacts With(string name, FactValue value) => With([(name, value)]);

    /// <summary>Several facts at once, checked as <see cref="With(string, FactValue)"/> checks one, copied once.</summary>
    public NominationFacts With(params ReadOnlySpan<(string Name, FactValue Value)> facts)
    {
        var copy = new Dictionary<string, FactValue>(_values, StringComparer.Ordinal);
        foreach (var (name, value) in facts)
        {
            Check(name, value);
            copy[name] = value;
        }
        return new NominationFacts(copy);
    }

    private static void Check(string name, FactValue value)
    {
        if (!FactCatalog.TryGet(name, out var descriptor))
        {
            throw new ArgumentException($"Unknown fact '{name}'.", nameof(name));
        }
        if (descriptor.Source == FactSource.Route)
        {
            throw new ArgumentException($"'{name}' is route data kept by the engine, not a nomination fact.", nameof(name));
        }
        if (descriptor.Type != value.Type)
        {
            throw new ArgumentException($"Fact '{name}' is a {descriptor.Type}, not a {value.Type}.", nameof(value));
        }
    }

    public string? GetString(string name) => _values.TryGetValue(name, out var v) && v.Type == FactType.String ? v.Text : null;
    public decimal? GetNumber(string name) => _values.TryGetValue(name, out var v) && v.Type == FactType.Number ? v.Number : null;
    public DateOnly? GetDate(string name) => _values.TryGetValue(name, out var v) && v.Type == FactType.Date ? v.Date : null;

    public FactValue this[string key] => _values[key];
    public IEnumerable<string> Keys => _values.Keys;
    public IEnumerable<FactValue> Values => _values.Values;
    public int Count => _values.Count;
    public bool ContainsKey(string key) => _values.ContainsKey(key);
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out FactValue value) => _values.TryGetValue(key, out value);
    public IEnumerator<KeyValuePair<string, FactValue>> GetEnumerator() => _values.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
