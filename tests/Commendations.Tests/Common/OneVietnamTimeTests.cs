using System.Text.RegularExpressions;

namespace Commendations.Tests.Common;

/// <summary>
/// Vietnam's UTC offset is known in one place (<c>VietnamTime</c>): a page, a document or a rule that wrote its own
/// "+7 hours" would drift from the rest the day the offset is configured, and did once show a UTC date.
/// </summary>
public class OneVietnamTimeTests
{
    private static readonly Regex OwnOffset = new(@"FromHours\(\s*7\s*\)|new\s+TimeSpan\(\s*7\s*,\s*0\s*,\s*0\s*\)|CreateCustomTimeZone\(", RegexOptions.Compiled);

    [Fact]
    public void No_source_file_but_VietnamTime_writes_the_offset()
    {
        var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../.."));
        var offenders = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")
                        && Path.GetFileName(f) != "VietnamTime.cs")
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(root, f), Line: i + 1, Text: line)))
            .Where(l => OwnOffset.IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        offenders.Should().BeEmpty("Vietnam's offset and zone come from VietnamTime");
    }
}
