using Commendations.Common.Errors;
using Commendations.Common.Text;

namespace Commendations.Features.Documents.Signing;

/// <summary>
/// How long a prepared document waits for its external signature (deferred signing: a USB token, a remote-signing
/// service). The prepared PDF already states its signing time, so a signature returned hours later would carry a time
/// that is not when it was made; and an abandoned session must not keep a document waiting. After the lifetime the
/// session is refused and removed the next time one is prepared for the same document.
/// </summary>
public static class SigningSessions
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    /// <summary>The oldest creation time a session may have now.</summary>
    public static DateTimeOffset OpenSince(TimeProvider clock) => clock.GetUtcNow() - Lifetime;

    public static void EnsureOpen(DateTimeOffset createdAt, TimeProvider clock)
    {
        if (createdAt < OpenSince(clock))
            throw new ConflictException("signing-session-expired",
                new Message("Phiên ký số đã quá {0} phút kể từ khi chuẩn bị; hãy chuẩn bị ký lại.", (int)Lifetime.TotalMinutes));
    }
}
