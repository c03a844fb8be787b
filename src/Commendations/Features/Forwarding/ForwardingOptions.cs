namespace Commendations.Features.Forwarding;

/// <summary>
/// Where dossier packages are sent upward: section <c>Forwarding</c>, e.g. <c>Forwarding__Endpoint=https://tdkt.gov.vn/api/ho-so</c>.
/// The package is POSTed as <c>application/zip</c>; any 2xx answer is a receipt. Without an endpoint the package can
/// only be downloaded (and sent by other means).
/// </summary>
public sealed class ForwardingOptions : System.ComponentModel.DataAnnotations.IValidatableObject
{
    public const string Section = "Forwarding";

    public string? Endpoint { get; set; }

    /// <summary>How long to wait for the endpoint before the attempt is recorded as failed (it may be retried).</summary>
    public int TimeoutSeconds { get; set; } = 30;

    public IEnumerable<System.ComponentModel.DataAnnotations.ValidationResult> Validate(System.ComponentModel.DataAnnotations.ValidationContext validationContext) =>
    [
        .. Common.SettingsChecks.HttpUrl($"{Section}:Endpoint", Endpoint),
        .. Common.SettingsChecks.InRange($"{Section}:TimeoutSeconds", TimeoutSeconds, 1, 600),
    ];
}
