namespace Commendations.Domain.Units;

/// <summary>Cụm/khối thi đua: units grouped to compete; the cluster's leader may receive the emulation flag.</summary>
public class EmulationCluster
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";

    private EmulationCluster() { }

    public EmulationCluster(string code, string name)
    {
        Code = code;
        Name = name;
    }
}
