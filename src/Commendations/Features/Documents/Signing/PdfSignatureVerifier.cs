using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;
using Commendations.Domain.Documents;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Commendations.Features.Documents.Signing;

/// <summary>
/// One signature of a PDF, checked. <see cref="TimestampedAt"/>: the time an RFC 3161 time-stamp authority vouched for,
/// when the signature carries a token whose message imprint matches it.
/// </summary>
public sealed record SignatureCheck(SignatureVerdict Verdict, string SignerName, DateTimeOffset? SignedAt, bool CoversWholeDocument, string? Problem)
{
    public DateTimeOffset? TimestampedAt { get; init; }
}

/// <summary>Every signature of a PDF, checked; <see cref="Verdict"/> is the worst of them.</summary>
public sealed record PdfVerification(IReadOnlyList<SignatureCheck> Signatures)
{
    public SignatureVerdict Verdict => Signatures.Count == 0 ? SignatureVerdict.Unsigned : Signatures.Max(s => s.Verdict);

    /// <summary>A document of record is never stored with a signature its certificate's issuer had revoked by then.</summary>
    public void EnsureNotRevoked()
    {
        if (Signatures.FirstOrDefault(s => s.Verdict == SignatureVerdict.Revoked) is { } revoked)
            throw new Common.Errors.UnprocessableException("certificate-revoked",
                new Common.Text.Message("Chứng thư số của {0} đã bị thu hồi trước thời điểm ký; văn bản không được lưu.", revoked.SignerName));
    }
}

/// <summary>
/// Checks each signature of a PDF the way a reader does, with nothing but .NET's cryptography: the bytes its /ByteRange
/// names hash to the CMS's message digest (integrity), the CMS signature over its signed attributes is correct, the
/// signer's certificate chains to a configured trusted root (<see cref="SignatureTrustOptions"/>) as of the signing time,
/// and was valid then, and — when configured — was not revoked by then according to its issuer's revocation lists
/// (<see cref="RevocationChecker"/>; CRLs only, no OCSP).
/// </summary>
public sealed class PdfSignatureVerifier(IOptions<SignatureTrustOptions> options, TimeProvider clock, ILogger<PdfSignatureVerifier>? logger = null,
    RevocationChecker? revocation = null)
{
    private static readonly Regex ByteRange = new(@"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]", RegexOptions.Compiled);

    public PdfVerification Verify(byte[] pdf)
    {
        var latin = Encoding.Latin1.GetString(pdf);
        var roots = LoadRoots();
        var checks = new List<SignatureCheck>();
        foreach (Match range in ByteRange.Matches(latin))
        {
            var numbers = Enumerable.Range(1, 4).Select(i => long.TryParse(range.Groups[i].Value, out var n) ? n : -1).ToArray();
            checks.Add(Check(pdf, numbers[0], numbers[1], numbers[2], numbers[3], roots, DictionaryTime(latin, range, numbers[1])));
        }
        return new PdfVerification(checks);
    }

    private SignatureCheck Check(byte[] pdf, long start1, long length1, long start2, long length2, X509Certificate2Collection roots, DateTimeOffset? claimed)
    {
        // A placeholder not yet filled (PDFsharp's first pass) or ranges outside the file: nothing that can be checked.
        if (start1 != 0 || length1 <= 0 || start2 <= length1 || length2 < 0 || start2 + length2 > pdf.LongLength)
            return new SignatureCheck(SignatureVerdict.Invalid, "", null, false, "byte-range");
        var covered = new byte[length1 + length2];
        Array.Copy(pdf, 0, covered, 0, length1);
        Array.Copy(pdf, start2, covered, length1, length2);
        var whole = start2 + length2 == pdf.LongLength;
        byte[] cms;
        try
        {
            cms = Hex(pdf.AsSpan((int)length1, (int)(start2 - length1)));
        }
        catch (FormatException)
        {
            return new SignatureCheck(SignatureVerdict.Invalid, "", null, whole, "contents");
        }
        var signed = new SignedCms(new ContentInfo(covered), detached: true);
        try
        {
            signed.Decode(cms);
        }
        catch (CryptographicException)
        {
            return new SignatureCheck(SignatureVerdict.Invalid, "", null, whole, "cms");
        }
        if (signed.SignerInfos.Count != 1 || signed.SignerInfos[0].Certificate is not { } certificate)
            return new SignatureCheck(SignatureVerdict.Invalid, "", null, whole, "signer");
        var signer = signed.SignerInfos[0];
        var name = certificate.GetNameInfo(X509NameType.SimpleName, false);
        var at = SigningTime(signer) ?? claimed;
        try
        {
            // Checks the message digest against the covered bytes and the signature over the signed attributes.
            signer.CheckSignature(verifySignatureOnly: true);
        }
        catch (CryptographicException)
        {
            return new SignatureCheck(SignatureVerdict.Invalid, name, at, whole, "digest-or-signature");
        }
        var stamped = Timestamp(signer);
        if (roots.Count == 0)
            return new SignatureCheck(SignatureVerdict.NotCheckedAgainstTrustedRoots, name, at, whole, null) { TimestampedAt = stamped };
        // A time-stamp is the authority's word for when the signature existed; the signer's own claim only without one.
        var when = stamped ?? at ?? clock.GetUtcNow();
        if (when < certificate.NotBefore.ToUniversalTime() || when > certificate.NotAfter.ToUniversalTime())
            return new SignatureCheck(SignatureVerdict.Untrusted, name, at, whole, "expired-at-signing") { TimestampedAt = stamped };
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.ExtraStore.AddRange(signed.Certificates);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = when.UtcDateTime;
        if (!chain.Build(certificate))
            return new SignatureCheck(SignatureVerdict.Untrusted, name, at, whole, "chain") { TimestampedAt = stamped };
        // Revocation at the same moment the chain was judged: a certificate revoked later still made this signature.
        var issuer = chain.ChainElements.Count > 1 ? chain.ChainElements[1].Certificate : certificate;
        return (revocation ?? new RevocationChecker(options, clock)).Check(certificate, issuer, when) switch
        {
            RevocationStatus.Revoked => new SignatureCheck(SignatureVerdict.Revoked, name, at, whole, "revoked") { TimestampedAt = stamped },
            RevocationStatus.Unknown => new SignatureCheck(SignatureVerdict.RevocationUnknown, name, at, whole, "revocation-unknown") { TimestampedAt = stamped },
            _ => new SignatureCheck(SignatureVerdict.Valid, name, at, whole, null) { TimestampedAt = stamped },
        };
    }

    /// <summary>
    /// The time of the signature's time-stamp token (unsigned attribute id-aa-timeStampToken), when its imprint is the
    /// hash of this signature's value — a token for another signature proves nothing about this one.
    /// </summary>
    private static DateTimeOffset? Timestamp(SignerInfo signer)
    {
        foreach (var attribute in signer.UnsignedAttributes)
        {
            if (attribute.Oid.Value != TimestampToken.AttributeOid || attribute.Values.Count == 0)
                continue;
            if (Rfc3161TimestampToken.TryDecode(attribute.Values[0].RawData, out var token, out _)
                && token.VerifySignatureForSignerInfo(signer, out _))
                return token.TokenInfo.Timestamp;
        }
        return null;
    }

    private static readonly Regex PdfDate = new(@"/M\s*\(D:(\d{14})(?:([Z+\-])(\d{2})?'?(\d{2})?'?)?\)", RegexOptions.Compiled);

    /// <summary>
    /// The signature dictionary's /M — the time the signer claims — when the CMS carries no signing-time attribute
    /// (PDFsharp's default signer writes none): looked for just before the /Contents and just after the /ByteRange.
    /// </summary>
    private static DateTimeOffset? DictionaryTime(string latin, Match range, long contentsStart)
    {
        foreach (var (from, to) in new[] { (Math.Max(0, (int)contentsStart - 2000), (int)Math.Min(contentsStart, latin.Length)), (range.Index, Math.Min(latin.Length, range.Index + 2000)) })
        {
            var m = PdfDate.Match(latin[from..to]);
            if (!m.Success)
                continue;
            var local = DateTime.ParseExact(m.Groups[1].Value, "yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
            var offset = m.Groups[2].Value is "+" or "-"
                ? new TimeSpan(int.Parse(m.Groups[3].Value is "" ? "0" : m.Groups[3].Value), int.Parse(m.Groups[4].Value is "" ? "0" : m.Groups[4].Value), 0)
                : TimeSpan.Zero;
            return new DateTimeOffset(local, m.Groups[2].Value == "-" ? -offset : offset);
        }
        return null;
    }

    /// <summary>The CMS's signing-time attribute; PDFsharp and most signers write one.</summary>
    private static DateTimeOffset? SigningTime(SignerInfo signer)
    {
        foreach (var attribute in signer.SignedAttributes)
            if (attribute.Oid.Value == "1.2.840.113549.1.9.5" && attribute.Values.Count > 0)
                return new DateTimeOffset(new Pkcs9SigningTime(attribute.Values[0].RawData).SigningTime.ToUniversalTime(), TimeSpan.Zero);
        return null;
    }

    /// <summary>"&lt;3082…0000&gt;": the hex string, then only the DER value (the placeholder's zero padding dropped).</summary>
    private static byte[] Hex(ReadOnlySpan<byte> contents)
    {
        var text = Encoding.ASCII.GetString(contents).Trim();
        if (text.Length < 2 || text[0] != '<' || text[^1] != '>')
            throw new FormatException("Not a hex string.");
        var bytes = Convert.FromHexString(text[1..^1]);
        try
        {
            AsnDecoder.ReadEncodedValue(bytes, AsnEncodingRules.BER, out _, out _, out var consumed);
            return bytes[..consumed];
        }
        catch (AsnContentException e)
        {
            throw new FormatException(e.Message);
        }
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> UnreadableRoots = new();

    private X509Certificate2Collection LoadRoots()
    {
        var roots = new X509Certificate2Collection();
        foreach (var path in options.Value.TrustedRoots.Where(p => !string.IsNullOrWhiteSpace(p)))
        {
            // A root that cannot be read (moved, wrong format) trusts nothing, rather than failing every upload of a PDF.
            try
            {
                roots.Add(X509CertificateLoader.LoadCertificateFromFile(path));
            }
            catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
            {
                // Said once per file and process: signatures are then judged without this root, never valid through it.
                if (UnreadableRoots.TryAdd(path, true))
                    logger?.LogWarning("Trusted root certificate {Path} (Signing:TrustedRoots) cannot be read: {Error}. Signatures are not judged against it (never reported valid through it).",
                        path, e.Message);
            }
        }
        return roots;
    }
}
