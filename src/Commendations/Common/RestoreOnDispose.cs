namespace Commendations.Common;

/// <summary>Puts something back when a <c>using</c> block ends (an async-local value set for the block's duration).</summary>
public sealed class RestoreOnDispose(Action restore) : IDisposable
{
    public void Dispose() => restore();
}
