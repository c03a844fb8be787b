using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Commendations.Common.Errors;
using Commendations.Common.Text;
using PdfSharp.Pdf.IO;
using PdfSharp.Pdf.Signatures;

namespace Commendations.Features.Documents.Signing;

/// <summary>A document prepared for an external signer: the PDF with an empty signature field, and the base64 SHA-256 to sign.</summary>
public sealed record PreparedSignature(byte[] Pdf, string Digest);

/// <summary>
/// Deferred signing (USB tokens, remote-signing services) in two halves. <see cref="PrepareAsync"/> lets PDFsharp write the
/// signature field and its /ByteRange around a reserved /Contents, through an <see cref="IDigitalSigner"/> that only
/// records the digest of the covered bytes and leaves the reserve as zeros. <see cref="Embed"/> later writes the
/// external signer's CMS (PKCS#7 detached, messageDigest = that digest) into the reserve as hex: the covered bytes never
/// change, so the digest the signer saw is the one the finished document has.
/// </summary>
public static class DeferredSignature
{
    /// <summary>Room for a CMS with a 4096-bit RSA signature, a certificate chain of three and a time-stamp token.</summary>
    public const int ReservedBytes = 16 * 1024;

    private static readonly Regex ByteRange = new(@"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]", RegexOptions.Compiled);

    public static async Task<PreparedSignature> PrepareAsync(byte[] pdf, SignerIdentity signer, string reason, string location,
        SignaturePlace? place, DateTimeOffset now)
    {
        using var input = new MemoryStream(pdf, writable: false);
        using var document = PdfReader.Open(input, PdfDocumentOpenMode.Modify);
        var options = SignatureFields.Options(document, signer, reason, location, place, now);
        var recorder = new DigestRecorder(signer.Name);
        DigitalSignatureHandler.ForDocument(document, recorder, options);
        using var output = new MemoryStream();
        await document.SaveAsync(output, false);
        var prepared = output.ToArray();
        // The digest recomputed from the saved bytes: what a reader will hash, whatever PDFsharp passed the signer.
        var digest = Convert.ToBase64String(SHA256.HashData(Covered(prepared, out _)));
        return new PreparedSignature(prepared, digest);
    }

    /// <summary>The prepared PDF with <paramref name="cms"/> in its reserved /Contents.</summary>
    public static byte[] Embed(byte[] prepared, byte[] cms)
    {
        Covered(prepared, out var reserve);
        // The reserve is "<" + hex digits + ">"; the CMS's hex must fit inside it, the rest stays zeros.
        var hex = Encoding.ASCII.GetBytes(Convert.ToHexString(cms));
        if (hex.Length > reserve.Length - 2)
            throw new UnprocessableException("signature-too-large",
                new Message("Chữ ký số gửi về lớn hơn chỗ dành cho chữ ký trong văn bản ({0} byte).", ReservedBytes));
        var signed = (byte[])prepared.Clone();
        hex.CopyTo(signed, reserve.Start + 1);
        return signed;
    }

    /// <summary>The bytes the last signature covers (both ranges) and where its /Contents reserve is.</summary>
    public static byte[] Covered(byte[] pdf, out (int Start, int Length) reserve)
    {
        var ranges = ByteRange.Matches(Encoding.Latin1.GetString(pdf));
        if (ranges.Count == 0)
            throw new UnprocessableException("signature-invalid", new Message("Văn bản không có trường chữ ký."));
        var m = ranges[^1];
        var (s1, l1, s2, l2) = (int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value), int.Parse(m.Groups[3].Value), int.Parse(m.Groups[4].Value));
        reserve = (s1 + l1, s2 - (s1 + l1));
        var covered = new byte[l1 + l2];
        Array.Copy(pdf, s1, covered, 0, l1);
        Array.Copy(pdf, s2, covered, l1, l2);
        return covered;
    }

    /// <summary>PDFsharp's signer for the first half: reserves the room and signs nothing.</summary>
    private sealed class DigestRecorder(string name) : IDigitalSigner
    {
        public string CertificateName => name;

        public Task<int> GetSignatureSizeAsync() => Task.FromResult(ReservedBytes);

        public Task<byte[]> GetSignatureAsync(Stream stream) => Task.FromResult(new byte[1]);
    }
}
