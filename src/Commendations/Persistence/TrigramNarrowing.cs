using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Persistence;

/// <summary>
/// Which part of a multi-word name search the trigram index should look up. A GIN trigram scan reads the whole posting
/// list of every trigram of its pattern, so a trigram most names share ("tap", " th" in "Tập thể số …", "ngu" in
/// "Nguyễn") costs about as much as reading the index entry of every row (4–5 ms per 1,000,000 names in benchmark
/// scenario 3), whatever the other trigrams select. When one word of the search is rare, looking up that word alone
/// and checking the whole search on its candidates is cheaper: the results are the same, since a name containing the
/// search contains each of its words. The frequencies come from a statistics object that ANALYZE keeps (migration
/// NameTrigramStatistics) — nothing is written when names change.
/// </summary>
public static class TrigramNarrowing
{
    /// <summary>
    /// Rechecking one candidate row (heap fetch, unaccent, ILIKE: ~2.7 µs) costs about as much as reading this many
    /// posting-list entries (~3.6 ns each) — both measured on the benchmark's 1,000,000 nominations.
    /// </summary>
    private const double CandidateCostInEntries = 1000;

    /// <summary>
    /// The contains-pattern of the one word (with the separators beside it in the search) worth looking up alone, or
    /// null to look up the whole search as before: one word, no statistics yet, or no word cheap enough.
    /// </summary>
    public static async Task<string?> PatternAsync(DbContext db, string statistics, string? search, CancellationToken cancellationToken)
    {
        var words = Words(search);
        if (words.Count < 2)
            return null;
        var trigrams = words.SelectMany(w => w.Trigrams).Distinct().ToArray();
        var rows = await db.Database.SqlQuery<TrigramFrequency>($"""
            SELECT s.most_common_elem_freqs[array_length(s.most_common_elem_freqs, 1) - 2]::float8 AS "Cutoff",
                   e.trigram AS "Trigram", e.frequency::float8 AS "Frequency"
            FROM pg_stats_ext_exprs s
            LEFT JOIN LATERAL unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS e(trigram, frequency)
                ON e.trigram = ANY({trigrams})
            WHERE s.schemaname = current_schema() AND s.statistics_name = {statistics}
            """).ToListAsync(cancellationToken);
        // No row: the statistics object has not been analysed yet; without frequencies every word looks rare.
        if (rows.Count == 0 || rows[0].Cutoff is not { } cutoff)
            return null;
        var frequencies = rows.Where(r => r.Trigram != null).ToDictionary(r => r.Trigram!, r => r.Frequency ?? cutoff);
        return Choose(words, t => frequencies.GetValueOrDefault(t, cutoff));
    }

    /// <summary>
    /// The word whose lookup saves the most: the posting entries of the whole search's trigrams minus its own, minus its
    /// candidates' recheck (its rarest trigram's share of the rows — an upper bound). Frequencies are shares of rows;
    /// a trigram missing from the statistics is rarer than the least common one listed (the cutoff).
    /// </summary>
    public static string? Choose(IReadOnlyList<SearchWord> words, Func<string, double> frequency)
    {
        var all = words.SelectMany(w => w.Trigrams).Distinct().Sum(frequency);
        var best = words
            .Where(w => w.Trigrams.Count > 0)
            .Select(w => (Word: w, Gain: all - w.Trigrams.Sum(frequency) - CandidateCostInEntries * w.Trigrams.Min(frequency)))
            .OrderByDescending(x => x.Gain)
            .FirstOrDefault();
        return best.Word is not null && best.Gain > 0 ? "%" + SearchText.Escape(best.Word.Fragment) + "%" : null;
    }

    /// <summary>
    /// The search's words as pg_trgm sees them (runs of letters and digits, lower case, without diacritics), each with
    /// the trigrams its contains-pattern gives the index: a word's padded first (last) trigrams only where a separator
    /// stands before (after) it in the search, since the pattern's % may join it to other letters.
    /// </summary>
    public static IReadOnlyList<SearchWord> Words(string? search)
    {
        var text = search?.Trim() ?? "";
        var words = new List<SearchWord>();
        for (var start = 0; start < text.Length;)
        {
            if (!char.IsLetterOrDigit(text[start]))
            {
                start++;
                continue;
            }
            var end = start;
            while (end < text.Length && char.IsLetterOrDigit(text[end]))
                end++;
            var before = start > 0;
            var after = end < text.Length;
            var padded = "  " + Unaccent(text[start..end]) + " ";
            var trigrams = Enumerable.Range(0, padded.Length - 2).Select(i => padded.Substring(i, 3))
                .Where(t => (before || t[0] != ' ') && (after || t[2] != ' '))
                .Distinct().ToList();
            words.Add(new SearchWord(text[(before ? start - 1 : start)..(after ? end + 1 : end)], trigrams));
            start = end;
        }
        return words;
    }

    /// <summary>Close enough to f_unaccent for estimating (Vietnamese marks, đ); the results never depend on it.</summary>
    private static string Unaccent(string word)
    {
        var plain = new StringBuilder(word.Length);
        foreach (var c in word.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                plain.Append(c is 'đ' or 'Đ' ? 'd' : c);
        }
        return plain.ToString().ToLowerInvariant();
    }

    internal sealed record TrigramFrequency(double? Cutoff, string? Trigram, double? Frequency);
}

/// <summary>A word of a search: the text looked up for it (with the separators beside it) and its trigrams.</summary>
public sealed record SearchWord(string Fragment, IReadOnlyList<string> Trigrams);
