using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Commendations.Domain.Audit;

public enum AuditSealState
{
    /// <summary>The head was written before heads were sealed (or its seal was removed): nothing vouches for its tail.</summary>
    Missing,
    Valid,
    /// <summary>Valid under a key being retired: sealing the heads again moves it to the current key.</summary>
    ValidWithPreviousKey,
    Invalid,
}

/// <summary>
/// An HMAC-SHA256, under a key only the application holds, over a stream's head (stream, last sequence, last hash).
/// The entries' SHA-256 chain can be recomputed by anyone who can write the tables; the seal cannot, so a head moved
/// back over a deleted tail, or forward over a rebuilt chain, no longer matches its seal.
/// </summary>
public sealed class AuditHeadSeal
{
    public const int MinimumKeyBytes = 32;

    private readonly byte[] _key;
    private readonly IReadOnlyList<byte[]> _previousKeys;

    public AuditHeadSeal(byte[] key, IEnumerable<byte[]>? previousKeys = null)
    {
        if (key.Length < MinimumKeyBytes)
            throw new ArgumentException($"An audit head key has at least {MinimumKeyBytes} bytes.", nameof(key));
        _key = key;
        _previousKeys = previousKeys?.ToList() ?? [];
    }

    public string Compute(string stream, long lastSequence, string lastHash) => Compute(_key, stream, lastSequence, lastHash);

    public AuditSealState Check(AuditStream head)
    {
        if (head.Seal is null)
            return AuditSealState.Missing;
        if (Matches(_key, head))
            return AuditSealState.Valid;
        return _previousKeys.Any(key => Matches(key, head)) ? AuditSealState.ValidWithPreviousKey : AuditSealState.Invalid;
    }

    private static bool Matches(byte[] key, AuditStream head) =>
        CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Compute(key, head.Name, head.LastSequence, head.LastHash)),
            Encoding.ASCII.GetBytes(head.Seal!));

    private static string Compute(byte[] key, string stream, long lastSequence, string lastHash)
    {
        // A version prefix keeps this MAC apart from any other use of the key; the separator cannot occur in the fields.
        var text = string.Join('\u001f', "audit-head-v1", stream, lastSequence.ToString(CultureInfo.InvariantCulture), lastHash);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text)));
    }
}
