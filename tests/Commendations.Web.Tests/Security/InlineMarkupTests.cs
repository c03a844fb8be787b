using System.Text.RegularExpressions;
using Commendations.Testing;

namespace Commendations.Web.Tests.Security;

/// <summary>
/// The Content-Security-Policy refuses inline styles, inline event handlers and inline scripts without the nonce. The
/// browser tests visit the main pages; this scan also covers the pages they do not reach (printouts, rare states) and the
/// markup the scripts build.
/// </summary>
public class InlineMarkupTests
{
    private static readonly string Web = Path.Combine(TestCluster.RepositoryRoot, "src", "Commendations.Web");

    [Fact]
    public void No_page_or_script_writes_an_inline_style_handler_or_script()
    {
        var sources = Directory.EnumerateFiles(Path.Combine(Web, "Pages"), "*.cshtml", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(Web, "wwwroot", "js"), "*.js"));
        var problems = new List<string>();
        foreach (var file in sources)
        {
            var text = Regex.Replace(File.ReadAllText(file), @"@\*.*?\*@", "", RegexOptions.Singleline); // Razor comments
            var name = Path.GetRelativePath(Web, file);
            foreach (Match m in Regex.Matches(text, @"<style\b|\sstyle\s*=\s*\\?[""'@]|\son[a-z]+\s*=\s*\\?[""'@]", RegexOptions.IgnoreCase))
                problems.Add($"{name}: {m.Value.Trim()}");
            // An inline script must be a JSON data block or carry the nonce.
            foreach (Match m in Regex.Matches(text, @"<script(?![^>]*\bsrc=)(?![^>]*type=""application/json"")(?![^>]*\bnonce=)[^>]*>", RegexOptions.IgnoreCase))
                problems.Add($"{name}: {m.Value}");
        }

        problems.Should().BeEmpty();
    }
}
