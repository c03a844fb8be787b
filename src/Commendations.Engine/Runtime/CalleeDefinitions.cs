namespace Commendations.Engine;

/// <summary>
/// The definitions sub-route steps may call, as the application found them before the transition (a pure lookup: the
/// engine never loads anything). <see cref="Latest"/> is the latest published version of an id — what a sub-route step
/// without a fixed version pins when it is entered; <see cref="Find"/> gives any known version (pinned ones included).
/// </summary>
public sealed class CalleeDefinitions
{
    public static CalleeDefinitions Empty { get; } = new([]);

    private readonly Dictionary<(string Id, int Version), WorkflowDefinition> _versions = [];
    private readonly Dictionary<string, WorkflowDefinition> _latest = new(StringComparer.Ordinal);

    /// <param name="latestPublished">The latest published version of each callable id.</param>
    /// <param name="otherVersions">Other versions that may be needed (versions running instances are pinned to, fixed versions).</param>
    public CalleeDefinitions(IEnumerable<WorkflowDefinition> latestPublished, IEnumerable<WorkflowDefinition>? otherVersions = null)
    {
        foreach (var definition in latestPublished)
        {
            _latest[definition.Id] = definition;
            _versions[(definition.Id, definition.Version)] = definition;
        }
        foreach (var definition in otherVersions ?? []) _versions[(definition.Id, definition.Version)] = definition;
    }

    public int Count => _versions.Count;

    public WorkflowDefinition? Latest(string id) => _latest.GetValueOrDefault(id);

    public WorkflowDefinition? Find(string id, int version) => _versions.GetValueOrDefault((id, version));

    /// <summary>Every known version.</summary>
    public IEnumerable<WorkflowDefinition> All => _versions.Values;
}
