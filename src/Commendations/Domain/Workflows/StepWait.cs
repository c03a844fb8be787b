namespace Commendations.Domain.Workflows;

/// <summary>
/// A wait step's end (e.g. the seven working days of public disclosure), written in the transaction that entered the
/// wait, like a task's due time — not a Quartz job per nomination. Waits end at 17:00 of working days, so many share each
/// instant, and one Quartz trigger per instant (a "wait slot") sweeps them all. The row is deleted when swept; a wait
/// computed again (a calendar change) replaces it.
/// </summary>
public class StepWait
{
    public Guid InstanceId { get; private set; }

    /// <summary>The wait step's key, a path inside a sub-route ("discipline-check/cool-off").</summary>
    public string StepKey { get; private set; } = "";

    public Guid NominationId { get; private set; }
    public DateTimeOffset Until { get; private set; }

    private StepWait() { }

    public StepWait(Guid instanceId, string stepKey, Guid nominationId, DateTimeOffset until)
    {
        InstanceId = instanceId;
        StepKey = stepKey;
        NominationId = nominationId;
        Until = until.ToUniversalTime();
    }

    public void MoveTo(DateTimeOffset until) => Until = until.ToUniversalTime();
}
