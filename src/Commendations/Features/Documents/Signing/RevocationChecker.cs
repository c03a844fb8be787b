using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Commendations.Features.Documents.Signing;

/// <summary>What the revocation lists say of a certificate at the time of a signature.</summary>
public enum RevocationStatus
{
    /// <summary>Revocation checking is not configured.</summary>
    NotChecked,
    /// <summary>A list its issuer signed covers the certificate and does not revoke it before the signature.</summary>
    Good,
    /// <summary>Revoked at or before the time of the signature.</summary>
    Revoked,
    /// <summary>Checking is configured but no list of its issuer could be had (none configured for it, the distribution point down).</summary>
    Unknown,
}

/// <summary>
/// Checks a signer's certificate against certificate revocation lists (<see cref="RevocationOptions"/>): the configured
/// files, and — when enabled — the lists its CRL distribution points name, fetched over HTTP with a short timeout and
/// kept until the list's next update. A list is believed only when its issuer's key signed it. A certificate revoked after
/// the signature was made leaves that signature good (it was made while the certificate stood). OCSP is not used: see
/// docs/documents.md.
/// </summary>
public sealed class RevocationChecker(IOptions<SignatureTrustOptions> options, TimeProvider clock, ILogger<RevocationChecker>? logger = null)
{
    private static readonly HttpClient Http = new();
    private readonly ConcurrentDictionary<string, (CertificateRevocationList? List, DateTimeOffset Until)> _fetched = new();

    public RevocationStatus Check(X509Certificate2 certificate, X509Certificate2 issuer, DateTimeOffset signedAt)
    {
        var settings = options.Value.Revocation;
        if (!settings.Enabled)
            return RevocationStatus.NotChecked;
        var lists = FromFiles(settings).Concat(settings.FetchFromCertificate ? Fetched(certificate, settings) : [])
            .Where(l => l.IsSignedBy(issuer)).ToList();
        if (lists.Count == 0)
            return RevocationStatus.Unknown;
        return lists.Select(l => l.RevocationOf(certificate)).Any(at => at is { } revoked && revoked <= signedAt)
            ? RevocationStatus.Revoked
            : RevocationStatus.Good;
    }

    /// <summary>Read on each check: the host replaces the files as the authority publishes, and a check is rare.</summary>
    private IEnumerable<CertificateRevocationList> FromFiles(RevocationOptions settings)
    {
        foreach (var path in settings.CrlFiles.Where(p => !string.IsNullOrWhiteSpace(p)))
        {
            CertificateRevocationList? list = null;
            try
            {
                list = CertificateRevocationList.TryRead(File.ReadAllBytes(path));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                logger?.LogWarning("Revocation list {Path} (Signing:Revocation:CrlFiles) cannot be read: {Error}.", path, e.Message);
            }
            if (list is not null)
                yield return list;
        }
    }

    private IEnumerable<CertificateRevocationList> Fetched(X509Certificate2 certificate, RevocationOptions settings)
    {
        foreach (var url in CertificateRevocationList.DistributionPoints(certificate))
        {
            var now = clock.GetUtcNow();
            if (!_fetched.TryGetValue(url, out var cached) || cached.Until <= now)
            {
                var list = Fetch(url, settings.TimeoutSeconds);
                // A failure is remembered briefly too, so a dead distribution point does not slow every check.
                var until = list?.NextUpdate is { } next && next > now ? next : now.AddMinutes(list is null ? 1 : settings.CacheMinutes);
                _fetched[url] = cached = (list, until);
            }
            if (cached.List is { } found)
                yield return found;
        }
    }

    private CertificateRevocationList? Fetch(string url, int timeoutSeconds)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(Math.Max(1, timeoutSeconds)));
            using var response = Http.Send(new HttpRequestMessage(HttpMethod.Get, url), timeout.Token);
            response.EnsureSuccessStatusCode();
            using var body = new MemoryStream();
            response.Content.ReadAsStream(timeout.Token).CopyTo(body);
            return CertificateRevocationList.TryRead(body.ToArray());
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
        {
            logger?.LogWarning("Revocation list {Url} could not be fetched: {Error}.", url, e.Message);
            return null;
        }
    }
}
