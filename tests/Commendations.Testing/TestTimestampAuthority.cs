using System.Formats.Asn1;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace Commendations.Testing;

/// <summary>
/// A tiny RFC 3161 time-stamp authority in the test process (HttpListener on a free local port): it reads the query
/// with .NET's own parser and answers with a token signed by a certificate made on the fly (timeStamping EKU, ESS
/// signing-certificate-v2 attribute), stamped with <see cref="Time"/>. <see cref="Failing"/> makes it answer 500.
/// </summary>
public sealed class TestTimestampAuthority : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly X509Certificate2 _certificate;
    private readonly CancellationTokenSource _stop = new();
    private int _serial;

    public string Url { get; }
    public DateTimeOffset Time { get; set; } = new(2027, 1, 12, 2, 0, 0, TimeSpan.Zero);
    public bool Failing { get; set; }
    public int Requests => _serial;

    /// <summary>Why the last query could not be answered (a test's diagnostic).</summary>
    public Exception? LastError { get; private set; }

    public TestTimestampAuthority()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=TSA thử nghiệm, O=Commendations tests, C=VN", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.8")], critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        var now = DateTimeOffset.UtcNow;
        using var made = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(2));
        _certificate = X509CertificateLoader.LoadPkcs12(made.Export(X509ContentType.Pkcs12, "tsa"), "tsa", X509KeyStorageFlags.EphemeralKeySet);
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = $"http://127.0.0.1:{port}/tsa/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            if (Failing || !Rfc3161TimestampRequest.TryDecode(body.ToArray(), out var query, out _))
            {
                context.Response.StatusCode = 500;
                context.Response.Close();
                continue;
            }
            byte[] answer;
            try
            {
                answer = Answer(query);
            }
            catch (Exception e)
            {
                LastError = e;
                context.Response.StatusCode = 500;
                context.Response.Close();
                continue;
            }
            context.Response.ContentType = "application/timestamp-reply";
            await context.Response.OutputStream.WriteAsync(answer);
            context.Response.Close();
        }
    }

    private byte[] Answer(Rfc3161TimestampRequest query)
    {
        // A minimal positive INTEGER: a non-zero first byte below 0x80.
        byte[] serial = [0x01, (byte)Interlocked.Increment(ref _serial)];
        var info = new Rfc3161TimestampTokenInfo(new Oid("1.3.6.1.4.1.99999.1"), query.HashAlgorithmId, query.GetMessageHash(), serial, Time,
            nonce: query.GetNonce());
        var token = new SignedCms(new ContentInfo(new Oid("1.2.840.113549.1.9.16.1.4"), info.Encode()));
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, _certificate)
        {
            DigestAlgorithm = new Oid("2.16.840.1.101.3.4.2.1"),
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        // ESS signing-certificate-v2 (RFC 5035): which certificate signed the token, by its SHA-256.
        var ess = new AsnWriter(AsnEncodingRules.DER);
        ess.PushSequence();
        ess.PushSequence();
        ess.PushSequence();
        ess.WriteOctetString(SHA256.HashData(_certificate.RawData));
        ess.PopSequence();
        ess.PopSequence();
        ess.PopSequence();
        signer.SignedAttributes.Add(new AsnEncodedData("1.2.840.113549.1.9.16.2.47", ess.Encode()));
        token.ComputeSignature(signer, silent: true);

        var reply = new AsnWriter(AsnEncodingRules.DER);
        reply.PushSequence();
        reply.PushSequence();
        reply.WriteInteger(0); // granted
        reply.PopSequence();
        reply.WriteEncodedValue(token.Encode());
        reply.PopSequence();
        return reply.Encode();
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        _certificate.Dispose();
    }
}
