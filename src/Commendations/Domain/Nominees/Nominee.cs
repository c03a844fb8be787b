using Commendations.Domain.Catalog;

namespace Commendations.Domain.Nominees;

public enum Gender
{
    Female,
    Male,
}

/// <summary>
/// An individual nominee as one nomination describes them (name, position, birth year at that time). The same human across
/// nominations and awards shares one <see cref="IdentityId"/>: the registry's "who received what" and the eligibility
/// checks' past titles are answered per identity, never by a name within a unit.
/// </summary>
public class Person
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    /// <summary>The stable identity of the person (the first record's id); set when the nomination is drafted.</summary>
    public Guid IdentityId { get; set; }
    public string FullName { get; set; } = "";
    public Gender Gender { get; set; }
    public int BirthYear { get; set; }
    public string Position { get; set; } = "";
    public Guid UnitId { get; set; }
}

/// <summary>A collective nominee: a unit, or a group within one, with the figures the criteria look at.</summary>
public class Collective
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    /// <summary>The stable identity of the collective across nominations (its figures change each year; its identity does not).</summary>
    public Guid IdentityId { get; set; }
    public string Name { get; set; } = "";
    public Guid UnitId { get; set; }
    public int Headcount { get; set; }
    public int Women { get; set; }
    public int AdvancedWorkers { get; set; }
}

public static class NomineeRules
{
    /// <summary>How names are compared when linking a new record to an existing identity: trimmed, single-spaced, case-insensitive.</summary>
    public static string NormalisedName(string name) =>
        string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToLower(new System.Globalization.CultureInfo("vi-VN"));

    public static bool NeedsPerson(NomineeKind kind) => kind == NomineeKind.Individual;
}
