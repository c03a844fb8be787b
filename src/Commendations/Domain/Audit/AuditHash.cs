using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Commendations.Domain.Audit;

/// <summary>SHA-256 over every recorded field and the previous hash, with unambiguous separators.</summary>
public static class AuditHash
{
    public static string Compute(AuditEntry e)
    {
        var text = string.Join('\u001f',
            e.Stream,
            e.Sequence.ToString(CultureInfo.InvariantCulture),
            e.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            e.ActorId.ToString("N"),
            e.ActorName,
            e.IpAddress ?? "",
            e.Action,
            e.StepKey ?? "",
            e.Comment ?? "",
            e.Data,
            e.PreviousHash);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();
    }
}
