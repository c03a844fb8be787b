namespace Commendations.Domain.Forwarding;

/// <summary>
/// One attempt to send a nomination's dossier package to the central level's endpoint: what was sent (the package's
/// SHA-256 and size), where, by whom, and what came back — the HTTP status and the start of the answer, or why no answer
/// came (timeout, refused connection). Never changed: a retry is a new row, so the history of attempts stays.
/// </summary>
public class ForwardingSend
{
    public const int ResponseMaxLength = 2000;

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid NominationId { get; private set; }
    public string Endpoint { get; private set; } = "";
    public string PackageSha256 { get; private set; } = "";
    public long PackageBytes { get; private set; }
    public Guid SentBy { get; private set; }
    public DateTimeOffset SentAt { get; private set; }
    public bool Succeeded { get; private set; }
    public int? StatusCode { get; private set; }

    /// <summary>The start of the endpoint's answer (its receipt number, usually), or the reason no answer came.</summary>
    public string? Response { get; private set; }

    private ForwardingSend() { }

    public ForwardingSend(Guid nominationId, string endpoint, string packageSha256, long packageBytes, Guid sentBy, DateTimeOffset sentAt,
        bool succeeded, int? statusCode, string? response)
    {
        NominationId = nominationId;
        Endpoint = endpoint;
        PackageSha256 = packageSha256;
        PackageBytes = packageBytes;
        SentBy = sentBy;
        SentAt = sentAt;
        Succeeded = succeeded;
        StatusCode = statusCode;
        Response = response is { Length: > ResponseMaxLength } ? response[..ResponseMaxLength] : response;
    }
}
