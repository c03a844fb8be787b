using System.Text.Json;
using Npgsql;

namespace Commendations.Testing;

/// <summary>
/// Looks through what is actually stored for a member linked to a ballot choice: every row of every application table (as
/// <c>row_to_json</c>, JSON columns and JSON held in text columns included) is walked, and any JSON object that holds a
/// member's id and a choice word (yes, no, abstain) among its values is reported. An open vote's rows are found by it (a
/// ballot row, a task closed "yes", a history entry): that is how a test knows it would see a leak.
/// </summary>
public static class BallotLeaks
{
    private static readonly string[] ChoiceWords = ["yes", "no", "abstain"];

    public static async Task<List<string>> FindAsync(string connectionString, IReadOnlyCollection<Guid> members)
    {
        var ids = members.Select(m => m.ToString()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var found = new List<string>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT LIKE 'qrtz%' ORDER BY 1",
            connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                tables.Add(reader.GetString(0));
        }
        foreach (var table in tables)
        {
            await using var rows = new NpgsqlCommand($"SELECT row_to_json(t)::text FROM \"{table}\" t", connection);
            await using var reader = await rows.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                using var document = JsonDocument.Parse(reader.GetString(0));
                Walk(document.RootElement, table, ids, found);
            }
        }
        return found;
    }

    public static List<string> InJson(string json, IReadOnlyCollection<Guid> members)
    {
        var found = new List<string>();
        using var document = JsonDocument.Parse(json);
        Walk(document.RootElement, "$", members.Select(m => m.ToString()).ToHashSet(StringComparer.OrdinalIgnoreCase), found);
        return found;
    }

    private static void Walk(JsonElement element, string where, HashSet<string> members, List<string> found)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                    Walk(item, where, members, found);
                return;
            case JsonValueKind.Object:
                var values = new List<string>();
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Value.ValueKind != JsonValueKind.String)
                    {
                        Walk(property.Value, $"{where}.{property.Name}", members, found);
                        continue;
                    }
                    var text = property.Value.GetString()!;
                    values.Add(text);
                    // JSON kept in a text column (audit data, outbox payloads, effect JSON): look inside too.
                    if (text.Length > 1 && text[0] is '{' or '[' && TryParse(text) is { } inner)
                    {
                        using (inner)
                            Walk(inner.RootElement, $"{where}.{property.Name}", members, found);
                    }
                }
                var member = values.FirstOrDefault(members.Contains);
                var choice = values.FirstOrDefault(v => ChoiceWords.Contains(v, StringComparer.OrdinalIgnoreCase));
                if (member is not null && choice is not null)
                    found.Add($"{where}: {member} → {choice} in {element.GetRawText()[..Math.Min(300, element.GetRawText().Length)]}");
                return;
        }
    }

    private static JsonDocument? TryParse(string text)
    {
        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
