namespace Commendations.Features.Documents.Signing;

/// <summary>
/// Where the PKCS#12 (.p12/.pfx) certificates of <see cref="Pkcs12DocumentSigner"/> are: section <c>Signing</c>, e.g.
/// <c>Signing__Certificates__lanhdao__Path=/run/secrets/lanhdao.p12</c>, <c>Signing__Certificates__lanhdao__Password=…</c>
/// for the person whose user name is "lanhdao", and <c>Signing__Default__Path</c> / <c>Signing__Default__Password</c> for
/// everyone without their own (one development certificate, or a small office's single certificate). Files, never the
/// repository: keep them and their passwords in the host's secrets.
/// </summary>
public sealed class Pkcs12SigningOptions : System.ComponentModel.DataAnnotations.IValidatableObject
{
    public const string Section = "Signing";

    /// <summary>The certificate used for a signer without one of their own; none means such a signer cannot sign.</summary>
    public Pkcs12Certificate? Default { get; set; }

    /// <summary>
    /// The agency's seal certificate (<c>Signing__Seal__Path</c>, <c>Signing__Seal__Password</c>): the clerk applies the
    /// seal with it; without it, the clerk's own certificate (by user name) or the default.
    /// </summary>
    public Pkcs12Certificate? Seal { get; set; }

    /// <summary>Certificates by user name.</summary>
    public Dictionary<string, Pkcs12Certificate> Certificates { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A configured certificate file that is missing stops the start, instead of the first signature.</summary>
    public IEnumerable<System.ComponentModel.DataAnnotations.ValidationResult> Validate(System.ComponentModel.DataAnnotations.ValidationContext validationContext) =>
    [
        .. Common.SettingsChecks.ExistingFile($"{Section}:Default:Path", Default?.Path),
        .. Common.SettingsChecks.ExistingFile($"{Section}:Seal:Path", Seal?.Path),
        .. Certificates.SelectMany(c => Common.SettingsChecks.ExistingFile($"{Section}:Certificates:{c.Key}:Path", c.Value.Path)),
    ];
}

public sealed class Pkcs12Certificate
{
    /// <summary>The .p12/.pfx file holding the certificate and its private key.</summary>
    public string Path { get; set; } = "";

    public string? Password { get; set; }
}
