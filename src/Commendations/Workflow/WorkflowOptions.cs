using System.ComponentModel.DataAnnotations;

namespace Commendations.Workflow;

/// <summary>
/// The section <c>Workflows</c>: everything about routes an installation sets. Validated when the app starts, so a
/// mistyped setting stops it with the setting's name instead of misrouting nominations later.
/// </summary>
public sealed class WorkflowOptions : IValidatableObject
{
    public const string Section = "Workflows";

    /// <summary>
    /// Which unit each unit scope a route names means (besides "nominating", the nomination's own unit):
    /// <c>Workflows:Scopes:{scope}</c> = the unit's code, e.g. <c>Workflows:Scopes:appraisal</c> = the emulation office.
    /// Empty by default; the demo data fills in its own units (the demo province's offices) where nothing is configured.
    /// </summary>
    public Dictionary<string, string> Scopes { get; set; } = [];

    /// <summary>Publishing a version needs a second administrator (default on outside Development).</summary>
    public bool RequireSecondApproval { get; set; }

    /// <summary>Where the shipped route files are read from at start-up (default: <c>workflows</c> beside the app).</summary>
    public string? Folder { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (scope, unitCode) in Scopes)
        {
            if (string.IsNullOrWhiteSpace(unitCode))
                yield return new ValidationResult($"{Section}:Scopes:{scope} names no unit code.", [nameof(Scopes)]);
            if (scope == "nominating")
                yield return new ValidationResult($"{Section}:Scopes:nominating cannot be set: it is always the nomination's own unit.", [nameof(Scopes)]);
        }
        if (Folder is not null && !Directory.Exists(Folder))
            yield return new ValidationResult($"{Section}:Folder '{Folder}' does not exist.", [nameof(Folder)]);
    }
}
