namespace Commendations.Workflow;

/// <summary>
/// Which unit each workflow unit scope means (besides "nominating", which is the nomination's own unit):
/// configuration "Workflow:Scopes:{scope}" = unit code. Defaults fit the demo province.
/// </summary>
public sealed class WorkflowScopeOptions
{
    public Dictionary<string, string> Scopes { get; set; } = new(Seeding.DemoUnits.Scopes);
}
