namespace Commendations.Domain.Workflows;

/// <summary>A running (or finished) workflow for one nomination. <see cref="State"/> is the engine's InstanceState as jsonb.</summary>
public class WorkflowInstance
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid NominationId { get; private set; }
    public string DefinitionId { get; private set; } = "";
    public int DefinitionVersion { get; private set; }
    public string State { get; private set; } = "";
    public string? CurrentStep { get; private set; }
    public bool IsCompleted { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>xmin: two commands transitioning the same instance at once get one success and one 409.</summary>
    public uint Version { get; private set; }

    private WorkflowInstance() { }

    public WorkflowInstance(Guid nominationId, string definitionId, int definitionVersion, DateTimeOffset now)
    {
        NominationId = nominationId;
        DefinitionId = definitionId;
        DefinitionVersion = definitionVersion;
        StartedAt = now;
    }

    /// <summary>An administrator moved this instance to another version of its definition (with a step mapping).</summary>
    public void MoveToVersion(int version) => DefinitionVersion = version;

    public void Update(string state, string? currentStep, bool completed, DateTimeOffset now)
    {
        State = state;
        CurrentStep = currentStep;
        if (completed && !IsCompleted)
            CompletedAt = now;
        IsCompleted = completed;
    }
}
