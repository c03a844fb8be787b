namespace Commendations.Infrastructure.Postgres;

public sealed record PostgresServerOptions
{
    /// <summary>The cluster's data directory; created by initdb when empty or absent.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>Loopback port; 0 picks a free one at each start.</summary>
    public int Port { get; init; }

    /// <summary>Durable (fsync, synchronous_commit) unless a throwaway test cluster asks otherwise.</summary>
    public bool Durable { get; init; } = true;

    /// <summary>Extra server settings passed as <c>-c name=value</c>.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();
}
