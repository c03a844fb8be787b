namespace Commendations.Common;

/// <summary>An acting command that may carry an idempotency key: repeating it returns the first result and changes nothing.</summary>
public interface IIdempotentCommand
{
    string? IdempotencyKey { get; }
}
