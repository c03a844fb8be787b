using System.Text;
using System.Text.RegularExpressions;
using Commendations.Engine.Tests.Support;

namespace Commendations.Engine.Tests;

/// <summary>
/// The engine writes every sentence for a person as a Vietnamese template; the application's catalog holds its English.
/// Every Vietnamese string literal in the engine's source must be a plain (not interpolated) template with a translation.
/// </summary>
public class EngineTemplatesTests
{
    private static readonly Regex Vietnamese = new("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹáàãéèíìóòõúùý]", RegexOptions.IgnoreCase);

    [Fact]
    public void Every_vietnamese_template_of_the_engine_has_its_english_and_none_is_interpolated()
    {
        var source = Path.Combine(Repo.Root, "src", "Commendations.Engine");
        var literals = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .SelectMany(f => Literals(File.ReadAllText(f)).Select(l => (File: Path.GetFileName(f), l.Interpolated, l.Text)))
            .Where(l => Vietnamese.IsMatch(l.Text))
            .ToList();

        literals.Should().HaveCountGreaterThan(60);
        literals.Where(l => l.Interpolated).Select(l => $"{l.File}: {l.Text}").Should().BeEmpty("a template is translated as written; arguments go in {0}, {1}");
        literals.Where(l => !EnglishCatalog.All.ContainsKey(l.Text)).Select(l => $"{l.File}: {l.Text}").Should().BeEmpty();
    }

    /// <summary>The string literals of C# source (regular, verbatim, interpolated), comments and character literals skipped.</summary>
    private static IEnumerable<(bool Interpolated, string Text)> Literals(string s)
    {
        var i = 0;
        while (i < s.Length)
        {
            if (s.AsSpan(i).StartsWith("//")) { i = s.IndexOf('\n', i) is var e and >= 0 ? e : s.Length; continue; }
            if (s.AsSpan(i).StartsWith("/*")) { i = s.IndexOf("*/", i, StringComparison.Ordinal) is var e and >= 0 ? e + 2 : s.Length; continue; }
            if (s[i] == '\'') { i++; while (i < s.Length && s[i] != '\'') i += s[i] == '\\' ? 2 : 1; i++; continue; }
            var prefix = 0;
            while (i + prefix < s.Length && s[i + prefix] is '$' or '@') prefix++;
            if (i + prefix >= s.Length || s[i + prefix] != '"') { i += Math.Max(prefix, 1); continue; }
            var head = s.Substring(i, prefix);
            bool interpolated = head.Contains('$'), verbatim = head.Contains('@');
            var text = new StringBuilder();
            var j = i + prefix + 1;
            var depth = 0;
            while (j < s.Length)
            {
                var c = s[j];
                if (depth > 0)
                {
                    if (c == '"') { j++; while (j < s.Length && s[j] != '"') j += s[j] == '\\' ? 2 : 1; j++; continue; }
                    depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                    text.Append(c); j++;
                    continue;
                }
                if (c == '\\' && !verbatim) { text.Append(Unescape(s[j + 1])); j += 2; continue; }
                if (c == '"' && verbatim && j + 1 < s.Length && s[j + 1] == '"') { text.Append('"'); j += 2; continue; }
                if (c == '"') break;
                if (interpolated && c == '{' && j + 1 < s.Length && s[j + 1] != '{') { depth = 1; text.Append(c); j++; continue; }
                text.Append(c); j++;
            }
            yield return (interpolated, text.ToString());
            i = j + 1;
        }
    }

    private static char Unescape(char c) => c switch { 'n' => '\n', 't' => '\t', 'r' => '\r', '0' => '\0', _ => c };
}
