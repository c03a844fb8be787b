using Microsoft.EntityFrameworkCore;

namespace Commendations.Persistence;

/// <summary>
/// Searching names as people type them: with or without Vietnamese diacritics ("Bich" finds "Bích", "Dong Xuyen" finds
/// "Đông Xuyên"). <see cref="Unaccent"/> maps to <c>f_unaccent</c>, PostgreSQL's unaccent wrapped as an immutable
/// function (migration SearchWithoutDiacritics) so trigram indexes on the unaccented names serve the ILIKE.
/// </summary>
public static class SearchText
{
    [DbFunction("f_unaccent", IsBuiltIn = false)]
    public static string Unaccent(string text) => throw new InvalidOperationException("Translated to SQL only.");

    /// <summary>A contains-pattern for ILIKE with the LIKE wildcards of the text escaped (escape character: backslash).</summary>
    public static string? ContainsPattern(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : "%" + Escape(text.Trim()) + "%";

    /// <summary>The text with the LIKE wildcards and the escape character escaped (escape character: backslash).</summary>
    public static string Escape(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    internal static void Map(ModelBuilder modelBuilder) =>
        modelBuilder.HasDbFunction(typeof(SearchText).GetMethod(nameof(Unaccent))!).HasName("f_unaccent").HasSchema(null);
}
