using Commendations.Domain.Catalog;

namespace Commendations.Domain.Nominees;

public enum Gender
{
    Female,
    Male,
}

/// <summary>An individual nominee: the registry's "who received what" is answered per person.</summary>
public class Person
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
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
    public string Name { get; set; } = "";
    public Guid UnitId { get; set; }
    public int Headcount { get; set; }
    public int Women { get; set; }
    public int AdvancedWorkers { get; set; }
}

public static class NomineeRules
{
    public static bool NeedsPerson(NomineeKind kind) => kind == NomineeKind.Individual;
}
