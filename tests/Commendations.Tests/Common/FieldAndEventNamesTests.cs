using System.Reflection;
using System.Text.RegularExpressions;
using Commendations.Common.Text;
using FluentValidation;

namespace Commendations.Tests.Common;

/// <summary>
/// Fields and audit events are named for people in one table each (<see cref="FieldNames"/>, <see cref="Names.Event"/>),
/// in Vietnamese with English in the catalogue: a validator never says "'Headcount'", a timeline never shows
/// "session.decided".
/// </summary>
public partial class FieldAndEventNamesTests
{
    [Fact]
    public void Every_property_a_validator_checks_has_a_name_with_its_english()
    {
        var validators = typeof(FieldNames).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false } && typeof(IValidator).IsAssignableFrom(t)
                        && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (IValidator)Activator.CreateInstance(t)!)
            .ToList();
        validators.Should().HaveCountGreaterThan(30);

        var unnamed = validators
            .SelectMany(v => ((IEnumerable<IValidationRule>)v).Where(r => r.Member is not null).Select(r => (Validator: v.GetType().Name, r.Member)))
            .Where(r => FieldNames.Of(r.Member) is null)
            .Select(r => $"{r.Validator}: {r.Member.DeclaringType?.Name}.{r.Member.Name}")
            .Distinct()
            .ToList();

        unnamed.Should().BeEmpty("FluentValidation would otherwise name the C# property");
        FieldNames.All.Values.Where(n => !MessageCatalog.EnglishTemplates.ContainsKey(n.Template)).Select(n => n.Template).Should().BeEmpty();
    }

    [Fact]
    public void Every_audit_event_the_code_records_has_a_name_with_its_english()
    {
        var source = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src"));
        var events = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .SelectMany(f => RecordedEvent().Matches(File.ReadAllText(f)).Select(m => m.Groups["event"].Value))
            .Distinct()
            .ToList();

        events.Should().HaveCountGreaterThan(25);
        events.Where(e => Names.Event(e) is null).Should().BeEmpty();
        events.Select(e => Names.Event(e)!).Where(n => !MessageCatalog.EnglishTemplates.ContainsKey(n.Template)).Select(n => n.Template).Should().BeEmpty();
    }

    /// <summary>An event code as the source records it: <c>RecordAsync(stream, "x.y", …)</c>, <c>AuditAsync(…, "x.y", …)</c> or an effect's event.</summary>
    [GeneratedRegex("""(?:RecordAsync|AuditAsync)\([^;]*?"(?<event>[a-z]+(?:-[a-z]+)*\.[a-z]+(?:-[a-z]+)*)"\s*,""", RegexOptions.Singleline)]
    private static partial Regex RecordedEvent();
}
