using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Commendations.Common.Security;
using Commendations.Features.Documents.Signing;
using Commendations.Seeding;
using Microsoft.Extensions.Options;

namespace Commendations.Web.Hosting;

/// <summary>
/// Signing out of the box for the demo: in Development with the demo data and no certificate configured
/// (<c>Signing:Certificates</c>, <c>Signing:Default</c>), a demo certificate authority and a PKCS#12 certificate for each
/// demo signer — the leader, the clerk, the unit heads, the committee members (the council's secretary and chair) — are
/// created once in the local data folder (<c>.data/demo-signing</c>, git-ignored) and used, and the demo CA is trusted,
/// so a demo decision or minutes sign and verify "Valid" end to end. <c>Signing:DemoCertificates</c> turns it on or off
/// explicitly. They are for demonstration only, and say so in the log: the keys sit unprotected beside the data.
/// </summary>
public static class DemoSigningCertificates
{
    public const string Password = "demo-only";
    private const string FolderName = "demo-signing", RootFile = "demo-ca.cer";

    private static readonly string[] SignerRoles = [Roles.ProvincialLeader, Roles.Clerk, Roles.UnitHead, Roles.CommitteeMember];
    private static readonly ConcurrentDictionary<string, Lazy<IReadOnlyDictionary<string, string>>> Made = new();

    public static IServiceCollection AddDemoSigningCertificates(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<Pkcs12SigningOptions>().PostConfigure<IHostEnvironment, ILoggerFactory>((options, environment, logs) =>
        {
            if (Folder(configuration, environment) is not { } folder)
                return;
            foreach (var (userName, path) in Ensure(folder, logs.CreateLogger(typeof(DemoSigningCertificates).FullName!)))
                options.Certificates.TryAdd(userName, new Pkcs12Certificate { Path = path, Password = Password });
        });
        services.AddOptions<SignatureTrustOptions>().PostConfigure<IHostEnvironment, ILoggerFactory>((options, environment, logs) =>
        {
            if (Folder(configuration, environment) is not { } folder)
                return;
            Ensure(folder, logs.CreateLogger(typeof(DemoSigningCertificates).FullName!));
            options.TrustedRoots.Add(Path.Combine(folder, RootFile));
        });
        return services;
    }

    /// <summary>The folder of the demo certificates when they are wanted: the demo in Development and nothing configured.</summary>
    private static string? Folder(IConfiguration configuration, IHostEnvironment environment)
    {
        var demo = environment.IsDevelopment() && configuration.GetValue("Database:SeedDemoData", true);
        if (!configuration.GetValue("Signing:DemoCertificates", demo))
            return null;
        if (configuration.GetSection("Signing:Certificates").GetChildren().Any() || !string.IsNullOrWhiteSpace(configuration["Signing:Default:Path"]))
            return null;
        return configuration["Signing:DemoCertificatesFolder"]
               ?? Path.Combine(configuration["LocalDatabase:Folder"] ?? Path.Combine(environment.ContentRootPath, ".data"), FolderName);
    }

    /// <summary>The demo signers' .p12 files by user name, made once per folder (kept across restarts when all are there).</summary>
    private static IReadOnlyDictionary<string, string> Ensure(string folder, ILogger logger) =>
        Made.GetOrAdd(Path.GetFullPath(folder), f => new Lazy<IReadOnlyDictionary<string, string>>(() => Create(f, logger))).Value;

    private static IReadOnlyDictionary<string, string> Create(string folder, ILogger logger)
    {
        var signers = DemoAccounts.All.Where(a => SignerRoles.Contains(a.Role)).ToList();
        var files = signers.ToDictionary(a => a.UserName, a => Path.Combine(folder, $"{a.UserName}.p12"));
        if (!File.Exists(Path.Combine(folder, RootFile)) || files.Values.Any(p => !File.Exists(p)))
        {
            Directory.CreateDirectory(folder);
            var now = DateTimeOffset.UtcNow;
            using var caKey = RSA.Create(2048);
            var caRequest = new CertificateRequest("CN=CA thử nghiệm (chỉ để trình diễn), O=Commendations demo, C=VN", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
            caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
            // Valid long before and after today: the demo replays dates from past campaigns and signs at the demo clock's time.
            using var ca = caRequest.CreateSelfSigned(now.AddYears(-5), now.AddYears(10));
            foreach (var signer in signers)
                File.WriteAllBytes(files[signer.UserName], Issue(ca, signer, now));
            File.WriteAllBytes(Path.Combine(folder, RootFile), ca.RawData);
        }
        logger.LogWarning("Signing with DEMONSTRATION certificates from {Folder} (a demo CA, trusted, and one certificate per demo signer): " +
                          "for demonstration only, never for real documents. Configure Signing:Certificates and Signing:TrustedRoots to use real ones.", folder);
        return files;
    }

    private static byte[] Issue(X509Certificate2 ca, DemoAccounts.Account signer, DateTimeOffset now)
    {
        using var key = RSA.Create(2048);
        var name = new X500DistinguishedNameBuilder();
        name.AddCommonName(signer.DisplayName);
        name.AddOrganizationName("Ủy ban nhân dân tỉnh Lam Giang (trình diễn)");
        name.AddCountryOrRegion("VN");
        var request = new CertificateRequest(name.Build(), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        using var issued = request.Create(ca, now.AddYears(-4), now.AddYears(9), RandomNumberGenerator.GetBytes(16));
        using var withKey = issued.CopyWithPrivateKey(key);
        return new X509Certificate2Collection { withKey, X509CertificateLoader.LoadCertificate(ca.RawData) }.Export(X509ContentType.Pkcs12, Password)!;
    }
}
