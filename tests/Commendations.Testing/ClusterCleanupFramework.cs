using Xunit.Abstractions;
using Xunit.Sdk;

namespace Commendations.Testing;

/// <summary>
/// xunit 2 has no assembly-wide fixture; its test framework is disposed when the assembly's run ends,
/// before the test host exits — the one dependable moment to stop and delete the throwaway cluster
/// (a ProcessExit handler is cut short by the host). Register in each test assembly with
/// [assembly: TestFramework("Commendations.Testing.ClusterCleanupFramework", "Commendations.Testing")].
/// </summary>
public sealed class ClusterCleanupFramework : XunitTestFramework
{
    public ClusterCleanupFramework(IMessageSink messageSink) : base(messageSink) =>
        DisposalTracker.Add(new Cleanup());

    private sealed class Cleanup : IDisposable
    {
        public void Dispose() => TestCluster.Shutdown();
    }
}
