using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Commendations.Domain.Committees;
using Commendations.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Definitions;

/// <summary>A template a new route starts from, named and described in the reader's language.</summary>
public sealed record DefinitionTemplateView(string Key, string Title, string Summary);

/// <summary>
/// The skeletons a new route starts from, kept as data (<c>workflows/templates/*.json</c>, embedded): application code
/// never names a step of a route. A template's <c>definition</c> may leave organisation facts open, filled here from
/// today's organisation: <c>"@committee:&lt;CommitteeKind&gt;"</c> becomes the first committee of that kind (by code) and
/// <c>"@awardForm"</c> the first award form (by code) given to the template's first nominee kind.
/// </summary>
public sealed class DefinitionTemplates(CommendationsDbContext db)
{
    private const string ResourcePrefix = "Commendations.Templates.";
    private const string CommitteeMark = "@committee:";
    private const string AwardFormMark = "@awardForm";

    private static readonly Lazy<IReadOnlyList<JsonObject>> All = new(Load);

    public static IReadOnlyList<DefinitionTemplateView> List(CultureInfo? culture = null)
    {
        var language = (culture ?? CultureInfo.CurrentUICulture).TwoLetterISOLanguageName;
        return All.Value.Select(t => t["template"]!).Select(t => new DefinitionTemplateView(
            (string)t["key"]!, Text(t["title"]!, language), Text(t["summary"]!, language))).ToList();
    }

    public static bool Exists(string? key) => All.Value.Any(t => (string?)t["template"]!["key"] == key);

    /// <summary>The template's definition with its id, version 1 and name set and its organisation facts filled in.</summary>
    public async Task<JsonObject> InstantiateAsync(string key, string definitionId, string name, CancellationToken cancellationToken, string? awardFormCode = null)
    {
        var template = All.Value.Single(t => (string?)t["template"]!["key"] == key);
        var skeleton = template["definition"]!.DeepClone().AsObject();
        var document = new JsonObject { ["id"] = definitionId, ["version"] = 1, ["name"] = name };
        foreach (var (property, value) in skeleton.ToList())
        {
            skeleton.Remove(property);
            document[property] = value;
        }

        var committees = await db.Committees.AsNoTracking().OrderBy(c => c.Code).Select(c => new { c.Code, c.Kind }).ToListAsync(cancellationToken);
        var kinds = document["appliesTo"]?["nomineeKinds"]?.AsArray().Select(k => (string?)k).ToList() ?? [];
        var forms = await db.AwardForms.AsNoTracking().OrderBy(f => f.Code).Select(f => new { f.Code, f.NomineeKinds }).ToListAsync(cancellationToken);
        // The award form the administrator chose, else the first given to the template's first nominee kind.
        var awardForm = awardFormCode ?? forms.FirstOrDefault(f => kinds.Count > 0 && f.NomineeKinds.Any(k => JsonNamingPolicy.CamelCase.ConvertName(k.ToString()) == kinds[0]))?.Code
                        ?? forms.FirstOrDefault()?.Code;

        Fill(document, text => text switch
        {
            AwardFormMark => awardForm,
            _ when text.StartsWith(CommitteeMark, StringComparison.Ordinal) =>
                Enum.TryParse<CommitteeKind>(text[CommitteeMark.Length..], out var kind) ? committees.FirstOrDefault(c => c.Kind == kind)?.Code : null,
            _ => text,
        });
        return document;
    }

    /// <summary>Replaces every string value through <paramref name="fill"/>; a fact the organisation lacks is left out (the validator then says what is missing).</summary>
    private static void Fill(JsonNode node, Func<string, string?> fill)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (property, child) in o.ToList())
                {
                    if (child is JsonValue v && v.TryGetValue<string>(out var s))
                        o[property] = fill(s) is { } filled ? filled : null;
                    else if (child is not null)
                        Fill(child, fill);
                }
                break;
            case JsonArray a:
                for (var i = a.Count - 1; i >= 0; i--)
                {
                    if (a[i] is JsonValue v && v.TryGetValue<string>(out var s))
                    {
                        if (fill(s) is { } filled) a[i] = filled;
                        else a.RemoveAt(i);
                    }
                    else if (a[i] is { } child)
                        Fill(child, fill);
                }
                break;
        }
    }

    private static string Text(JsonNode text, string language) =>
        language == "en" && text["en"] is { } en ? (string)en! : (string)text["vi"]!;

    private static IReadOnlyList<JsonObject> Load()
    {
        var assembly = typeof(DefinitionTemplates).Assembly;
        return assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                return JsonNode.Parse(stream)!.AsObject();
            }).ToList();
    }
}
