namespace Commendations.Domain.Workflows;

/// <summary>A simulation scenario an administrator saved to re-run against any version of a definition.</summary>
public class SavedScenario
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public string DefinitionId { get; private set; } = "";
    public string Name { get; private set; } = "";

    /// <summary>The engine's SimulationScenario JSON.</summary>
    public string Scenario { get; private set; } = "";
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    private SavedScenario() { }

    public SavedScenario(string definitionId, string name, string scenario, string createdBy, DateTimeOffset now)
    {
        DefinitionId = definitionId;
        Name = name;
        Scenario = scenario;
        CreatedBy = createdBy;
        CreatedAt = now;
    }
}
