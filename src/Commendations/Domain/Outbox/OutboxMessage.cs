namespace Commendations.Domain.Outbox;

/// <summary>
/// A side effect to carry out after the transaction commits (schedule or cancel a deadline, deliver a notification).
/// Written in the same transaction as the state change, so a crash in between loses nothing; the dispatcher applies
/// each message idempotently and marks it processed.
/// </summary>
public class OutboxMessage
{
    public long Id { get; private set; }
    public string Kind { get; private set; } = "";
    public string Payload { get; private set; } = "{}";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ProcessedAt { get; private set; }
    public int Attempts { get; private set; }
    public string? LastError { get; private set; }

    /// <summary>
    /// After a failure, not tried again before this instant (the back-off doubles per attempt). Kept in the database, not
    /// in one node's memory, so every node honours it and an administrator's "retry now" (clearing it) reaches them all.
    /// </summary>
    public DateTimeOffset? NextAttemptAt { get; private set; }

    private OutboxMessage() { }

    public OutboxMessage(string kind, string payload, DateTimeOffset now)
    {
        Kind = kind;
        Payload = payload;
        CreatedAt = now;
    }
}
