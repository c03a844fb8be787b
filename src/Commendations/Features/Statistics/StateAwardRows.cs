using System.Text.Json;

namespace Commendations.Features.Statistics;

/// <summary>
/// Which award forms count as State-level awards (decided above the province) and under which row of the State-level
/// table: Resources/statistics-state-awards.json, matched by code prefix. Every other form is a provincial award.
/// </summary>
public static class StateAwardRows
{
    public sealed record Row(string Code, string Name, IReadOnlyList<string> Prefixes)
    {
        public bool Counts(string awardFormCode) => Prefixes.Any(p => awardFormCode.StartsWith(p, StringComparison.Ordinal));
    }

    private sealed record Document(IReadOnlyList<Row> Rows);

    public static IReadOnlyList<Row> All { get; } = Load();

    /// <summary>The State-level row counting this award form, or null for a provincial award.</summary>
    public static Row? Of(string awardFormCode) => All.FirstOrDefault(r => r.Counts(awardFormCode));

    private static IReadOnlyList<Row> Load()
    {
        using var stream = typeof(StateAwardRows).Assembly.GetManifestResourceStream("Commendations.Resources.statistics-state-awards.json")
                           ?? throw new InvalidOperationException("The State-level award rows are missing from the assembly.");
        return JsonSerializer.Deserialize<Document>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))?.Rows
               ?? throw new InvalidOperationException("The State-level award rows are empty.");
    }
}
