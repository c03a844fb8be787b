namespace Commendations.Domain.Idempotency;

/// <summary>The first result of an acting command sent with an idempotency key; a repeat returns it and changes nothing.</summary>
public class IdempotencyRecord
{
    public Guid UserId { get; private set; }
    public string Key { get; private set; } = "";
    public string RequestType { get; private set; } = "";

    /// <summary>SHA-256 of the request's type and content (its route values and body): the key answers only this request.</summary>
    public byte[] RequestFingerprint { get; private set; } = [];
    public string Response { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    private IdempotencyRecord() { }

    public IdempotencyRecord(Guid userId, string key, string requestType, byte[] requestFingerprint, string response, DateTimeOffset now)
    {
        RequestFingerprint = requestFingerprint;
        UserId = userId;
        Key = key;
        RequestType = requestType;
        Response = response;
        CreatedAt = now;
    }
}
