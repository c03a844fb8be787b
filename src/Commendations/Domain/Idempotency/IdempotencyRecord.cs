namespace Commendations.Domain.Idempotency;

/// <summary>The first result of an acting command sent with an idempotency key; a repeat returns it and changes nothing.</summary>
public class IdempotencyRecord
{
    public Guid UserId { get; private set; }
    public string Key { get; private set; } = "";
    public string RequestType { get; private set; } = "";
    public string Response { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    private IdempotencyRecord() { }

    public IdempotencyRecord(Guid userId, string key, string requestType, string response, DateTimeOffset now)
    {
        UserId = userId;
        Key = key;
        RequestType = requestType;
        Response = response;
        CreatedAt = now;
    }
}
