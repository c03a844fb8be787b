using System.Diagnostics;

namespace Commendations.Common.Telemetry;

/// <summary>
/// The application's own trace source and meter, both named "Commendations" (docs/operations.md, "Telemetry"): the host
/// subscribes to them by this name. The source is static because spans carry their trace id and need no container; the
/// meter is made per container (<see cref="OperationsMetrics"/>) so two hosts in one process keep their figures apart.
/// </summary>
public static class AppTelemetry
{
    public const string Name = "Commendations";

    public static readonly ActivitySource Source = new(Name);
}
