using System.Text.Json;

namespace Commendations.Features.Statistics;

/// <summary>
/// The award columns of forms 0602.N (State-level awards) and 0603.N (awards of ministries and provinces) of Circular
/// 02/2023/TT-BNV, and which award forms each counts: Resources/statistics-forms.json, matched by award form code prefix
/// (docs/statistics.md). A form matched by a State-level column is a State-level award.
/// </summary>
public static class StatisticsColumns
{
    /// <summary>
    /// One column of a form. <paramref name="EachForm"/>: the form asks for one column per award form of the group (each
    /// order, each honorary title), so the column is split by the catalogue's forms it counts.
    /// </summary>
    public sealed record Column(string Number, string Name, IReadOnlyList<string> Prefixes, bool EachForm = false)
    {
        public bool Counts(string awardFormCode) => Prefixes.Any(p => awardFormCode.StartsWith(p, StringComparison.Ordinal));
    }

    private sealed record Document(IReadOnlyList<Column> StateLevel, IReadOnlyList<Column> ProvincialLevel);

    private static readonly Document Loaded = Load();

    /// <summary>Columns 2–9 of form 0602.N.</summary>
    public static IReadOnlyList<Column> StateLevel => Loaded.StateLevel;

    /// <summary>Columns 2–5 of form 0603.N.</summary>
    public static IReadOnlyList<Column> ProvincialLevel => Loaded.ProvincialLevel;

    /// <summary>The State-level column counting this award form, or null when it is not a State-level award.</summary>
    public static Column? StateColumnOf(string awardFormCode) => StateLevel.FirstOrDefault(c => c.Counts(awardFormCode));

    /// <summary>The column of form 0603.N counting this award form, or null when that form has no column for it.</summary>
    public static Column? ProvincialColumnOf(string awardFormCode) =>
        StateColumnOf(awardFormCode) is null ? ProvincialLevel.FirstOrDefault(c => c.Counts(awardFormCode)) : null;

    private static Document Load()
    {
        using var stream = typeof(StatisticsColumns).Assembly.GetManifestResourceStream("Commendations.Resources.statistics-forms.json")
                           ?? throw new InvalidOperationException("The statistics forms' columns are missing from the assembly.");
        return JsonSerializer.Deserialize<Document>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))
               ?? throw new InvalidOperationException("The statistics forms' columns are empty.");
    }
}
