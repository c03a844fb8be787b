using System.Security.Cryptography;
using System.Text;
using Commendations.Audit;
using Commendations.Engine;
using Microsoft.Extensions.Options;

namespace Commendations.Features.Sessions;

/// <summary>
/// Seals and opens secret ballots (<see cref="Domain.Sessions.SealedBallot"/>). AES-256-GCM with a random nonce under a
/// key derived (HKDF-SHA256, its own label) from <c>Audit:HeadKey</c>, the key that already stays outside the database and
/// its backups; ballots sealed under a key being retired (<c>Audit:PreviousHeadKeys</c>) still open. The session and
/// nomination are authenticated with the choice, so a sealed ballot cannot be moved to another agenda item. Whoever reads
/// the database without the key sees who has voted (the receipts) and random bytes, never a choice — not even by
/// comparing the box before and after a ballot, since no count is stored before the close.
/// </summary>
public sealed class BallotBox(IOptions<AuditKeyOptions> options)
{
    private static readonly byte[] Label = Encoding.ASCII.GetBytes("commendations/secret-ballot-box/v1");
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    private byte[] Key => Derive(options.Value.HeadKey!);

    public byte[] Seal(Guid sessionId, Guid nominationId, VoteChoice choice)
    {
        var nonce = RandomNumberGenerator.GetBytes(NonceBytes);
        var sealedBallot = new byte[NonceBytes + 1 + TagBytes];
        nonce.CopyTo(sealedBallot, 0);
        using var aes = new AesGcm(Key, TagBytes);
        aes.Encrypt(nonce, [(byte)choice], sealedBallot.AsSpan(NonceBytes, 1), sealedBallot.AsSpan(NonceBytes + 1), Context(sessionId, nominationId));
        return sealedBallot;
    }

    /// <summary>The choice, or null when the bytes were not sealed for this session and nomination under a known key.</summary>
    public VoteChoice? Open(Guid sessionId, Guid nominationId, byte[] sealedBallot)
    {
        if (sealedBallot.Length != NonceBytes + 1 + TagBytes)
            return null;
        var choice = new byte[1];
        foreach (var key in new[] { options.Value.HeadKey! }.Concat(options.Value.PreviousHeadKeys).Select(Derive))
        {
            try
            {
                using var aes = new AesGcm(key, TagBytes);
                aes.Decrypt(sealedBallot.AsSpan(0, NonceBytes), sealedBallot.AsSpan(NonceBytes, 1), sealedBallot.AsSpan(NonceBytes + 1), choice,
                    Context(sessionId, nominationId));
                return Enum.IsDefined((VoteChoice)choice[0]) ? (VoteChoice)choice[0] : null;
            }
            catch (AuthenticationTagMismatchException)
            {
            }
        }
        return null;
    }

    private static byte[] Derive(string base64Key) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, Convert.FromBase64String(base64Key.Trim()), 32, info: Label);

    private static byte[] Context(Guid sessionId, Guid nominationId) => [.. sessionId.ToByteArray(), .. nominationId.ToByteArray()];
}
