namespace Commendations.Domain.Units;

/// <summary>A node of the province's organisation tree: the province, its departments and communes/wards, and their units.</summary>
public class OrganisationUnit
{
    public const int CodeMaxLength = 40;
    public const int NameMaxLength = 300;

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public UnitLevel Level { get; private set; }
    public Guid? ParentId { get; private set; }
    public OrganisationUnit? Parent { get; private set; }
    public Guid? ClusterId { get; private set; }

    /// <summary>PostgreSQL's xmin: two editors of the same row get one success and one conflict.</summary>
    public uint Version { get; private set; }

    private OrganisationUnit() { }

    public OrganisationUnit(string code, string name, UnitLevel level, OrganisationUnit? parent = null)
    {
        Code = code;
        Name = name;
        Level = level;
        Parent = parent;
        ParentId = parent?.Id;
    }

    public void Rename(string name) => Name = name;

    public void JoinCluster(EmulationCluster cluster) => ClusterId = cluster.Id;

    public void LeaveCluster() => ClusterId = null;

    /// <summary>Moves the unit (with its sub-units) under another parent; the caller checks that no cycle results.</summary>
    public void MoveUnder(OrganisationUnit parent)
    {
        Parent = parent;
        ParentId = parent.Id;
    }
}
