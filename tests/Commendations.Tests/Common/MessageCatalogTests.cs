using System.Globalization;
using System.Text.RegularExpressions;
using Commendations.Common.Text;

namespace Commendations.Tests.Common;

/// <summary>Every sentence the code gives a person in Vietnamese has its English translation, so English readers never meet Vietnamese.</summary>
public class MessageCatalogTests
{
    private static readonly Regex MessageLiteral = new(@"\bnew (?:Common\.Text\.)?Message\(\s*""((?:[^""\\]|\\.)*)""", RegexOptions.Compiled);

    [Fact]
    public void Every_message_template_in_the_code_has_an_english_translation()
    {
        var source = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src"));
        Directory.Exists(source).Should().BeTrue("the test reads the source it checks");
        var templates = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .SelectMany(f => MessageLiteral.Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Template: Regex.Unescape(m.Groups[1].Value))))
            .ToList();

        templates.Should().HaveCountGreaterThan(50);
        templates.Where(t => !MessageCatalog.EnglishTemplates.ContainsKey(t.Template)).Select(t => $"{t.File}: {t.Template}").Should().BeEmpty();
    }

    [Fact]
    public void A_message_reads_in_the_readers_language_with_dates_as_dd_MM_yyyy()
    {
        var message = new Message("Ngày quyết định không thể sau hôm nay ({0}).", new DateOnly(2026, 12, 4));

        message.Format(CultureInfo.GetCultureInfo("vi-VN")).Should().Be("Ngày quyết định không thể sau hôm nay (04/12/2026).");
        message.Format(CultureInfo.GetCultureInfo("en-US")).Should().Be("A decision cannot be dated after today (04/12/2026).");
    }
}
