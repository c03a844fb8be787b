using Quartz;

namespace Commendations.Scheduling;

/// <summary>
/// The Quartz changes of a batch of outbox messages (a wait's end, a failed job's retry), written in Quartz transactions
/// at the end instead of one per message (each takes the cluster-wide trigger lock). Per job the last change wins, which
/// is what applying the messages one by one would leave: scheduling replaces, deleting removes, whatever came before in
/// the batch.
/// </summary>
public sealed class QuartzChanges
{
    private readonly Dictionary<JobKey, (IJobDetail Job, IReadOnlyCollection<ITrigger> Triggers)?> _jobs = [];

    public bool IsEmpty => _jobs.Count == 0;

    public void Schedule(IJobDetail job, IReadOnlyCollection<ITrigger> triggers) => _jobs[job.Key] = (job, triggers);

    /// <summary>Takes over another set's changes as if they came after this one's.</summary>
    public void Append(QuartzChanges later)
    {
        foreach (var (key, change) in later._jobs)
            _jobs[key] = change;
    }

    public async Task ApplyAsync(IScheduler scheduler, CancellationToken cancellationToken)
    {
        var deleted = _jobs.Where(j => j.Value is null).Select(j => j.Key).ToList();
        if (deleted.Count > 0)
            await scheduler.DeleteJobs(deleted, cancellationToken);
        var scheduled = _jobs.Values.Where(j => j is not null)
            .ToDictionary(j => j!.Value.Job, j => j!.Value.Triggers);
        // Replacing keeps a re-applied message harmless; a trigger whose instant has passed fires at once.
        if (scheduled.Count > 0)
            await scheduler.ScheduleJobs(scheduled, ScheduleJobOptions.Replacing, cancellationToken);
    }
}
