namespace Commendations.Features.Forwarding;

/// <summary>
/// Where dossier packages are sent upward: section <c>Forwarding</c>, e.g. <c>Forwarding__Endpoint=https://tdkt.gov.vn/api/ho-so</c>.
/// The package is POSTed as <c>application/zip</c>; any 2xx answer is a receipt. Without an endpoint the package can
/// only be downloaded (and sent by other means).
/// </summary>
public sealed class ForwardingOptions
{
    public const string Section = "Forwarding";

    public string? Endpoint { get; set; }

    /// <summary>How long to wait for the endpoint before the attempt is recorded as failed (it may be retried).</summary>
    public int TimeoutSeconds { get; set; } = 30;
}
