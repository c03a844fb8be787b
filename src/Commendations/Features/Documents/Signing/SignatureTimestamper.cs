using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using Commendations.Common.Errors;
using Commendations.Common.Text;
using Microsoft.Extensions.Options;

namespace Commendations.Features.Documents.Signing;

/// <summary>
/// The time-stamp authority signatures are stamped by: section <c>Signing</c>, e.g.
/// <c>Signing__TimestampAuthority__Url=https://tsa.example.gov.vn/tsa</c>. Without a URL signatures carry no time-stamp.
/// </summary>
public sealed class SignatureTimestampOptions
{
    public TimestampAuthoritySettings? TimestampAuthority { get; set; }
}

public sealed class TimestampAuthoritySettings
{
    /// <summary>The authority's RFC 3161 endpoint (HTTP POST, application/timestamp-query).</summary>
    public string? Url { get; set; }

    /// <summary>How long to wait for the authority before the signature is refused.</summary>
    public int TimeoutSeconds { get; set; } = 20;
}

/// <summary>
/// Adds an RFC 3161 signature time-stamp to a CMS signature: the hash of the signature value sent to the configured
/// authority (<see cref="Rfc3161TimestampRequest"/> builds the query and checks the reply: status, imprint, nonce),
/// and the token it returns kept as the SignerInfo's unsigned attribute id-aa-signatureTimeStampToken (PAdES B-T).
/// The authority's word proves the signature existed at that time, whatever clock the signer had. When the authority
/// fails, the signature is refused: a document the definition wants time-stamped is never stored without it.
/// </summary>
public sealed class SignatureTimestamper(IOptions<SignatureTimestampOptions> options)
{
    private static readonly HttpClient Http = new();

    public bool Enabled => !string.IsNullOrWhiteSpace(options.Value.TimestampAuthority?.Url);

    /// <summary>The CMS with a time-stamp token on its (single) signer, or unchanged when no authority is configured.</summary>
    public async Task<byte[]> AddToAsync(byte[] cms, CancellationToken cancellationToken = default)
    {
        if (!Enabled)
            return cms;
        var signed = new SignedCms();
        signed.Decode(cms);
        var signer = signed.SignerInfos[0];
        var token = await RequestAsync(signer.GetSignature(), cancellationToken);
        signer.AddUnsignedAttribute(new AsnEncodedData(TimestampToken.AttributeOid, token));
        return signed.Encode();
    }

    private async Task<byte[]> RequestAsync(byte[] signatureValue, CancellationToken cancellationToken)
    {
        var settings = options.Value.TimestampAuthority!;
        var request = Rfc3161TimestampRequest.CreateFromData(signatureValue, HashAlgorithmName.SHA256,
            nonce: RandomNumberGenerator.GetBytes(8), requestSignerCertificates: true);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, settings.TimeoutSeconds)));
            using var content = new ByteArrayContent(request.Encode());
            content.Headers.ContentType = new MediaTypeHeaderValue("application/timestamp-query");
            using var response = await Http.PostAsync(settings.Url, content, timeout.Token);
            response.EnsureSuccessStatusCode();
            var reply = await response.Content.ReadAsByteArrayAsync(timeout.Token);
            return request.ProcessResponse(reply, out _).AsSignedCms().Encode();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or CryptographicException or InvalidOperationException or UriFormatException)
        {
            throw new UnprocessableException("timestamp-failed",
                new Message("Không lấy được dấu thời gian từ máy chủ cấp dấu thời gian; chữ ký chưa được thêm, không có gì được lưu."));
        }
    }
}
