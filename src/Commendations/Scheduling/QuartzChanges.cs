using Quartz;

namespace Commendations.Scheduling;

/// <summary>
/// The Quartz changes of a batch of outbox messages, written in two Quartz transactions at the end instead of one per
/// message (each takes the cluster-wide trigger lock). Per job the last change wins, which is what applying the
/// messages one by one would leave: scheduling replaces, deleting removes, whatever came before in the batch.
/// </summary>
public sealed class QuartzChanges
{
    private readonly Dictionary<JobKey, (IJobDetail Job, IReadOnlyCollection<ITrigger> Triggers)?> _jobs = [];
    private readonly Dictionary<TriggerKey, ITrigger> _slots = [];
    private readonly HashSet<TriggerKey> _storedSlots = [];

    public bool IsEmpty => _jobs.Count == 0 && _slots.Count == 0;

    public void Schedule(IJobDetail job, IReadOnlyCollection<ITrigger> triggers) => _jobs[job.Key] = (job, triggers);

    public void Delete(JobKey job) => _jobs[job] = null;

    /// <summary>
    /// A slot trigger of a durable sweep job (<see cref="ReminderSlotJob"/>, <see cref="EscalationSlotJob"/>); slots are never
    /// deleted by messages.
    /// </summary>
    public void AddSlot(ITrigger slot) => _slots[slot.Key] = slot;

    /// <summary>Whether this batch already adds <paramref name="slot"/> or found it stored (one look per batch and instant).</summary>
    public bool KnowsSlot(TriggerKey slot) => _slots.ContainsKey(slot) || _storedSlots.Contains(slot);

    public void SlotIsStored(TriggerKey slot) => _storedSlots.Add(slot);

    /// <summary>Takes over another set's changes as if they came after this one's.</summary>
    public void Append(QuartzChanges later)
    {
        foreach (var (key, change) in later._jobs)
            _jobs[key] = change;
        foreach (var (key, slot) in later._slots)
            _slots[key] = slot;
        _storedSlots.UnionWith(later._storedSlots);
    }

    public async Task ApplyAsync(IScheduler scheduler, CancellationToken cancellationToken)
    {
        var deleted = _jobs.Where(j => j.Value is null).Select(j => j.Key).ToList();
        if (deleted.Count > 0)
            await scheduler.DeleteJobs(deleted, cancellationToken);
        var scheduled = _jobs.Values.Where(j => j is not null)
            .ToDictionary(j => j!.Value.Job, j => j!.Value.Triggers);
        foreach (var slots in _slots.Values.GroupBy(t => t.JobKey))
            scheduled[slots.Key.Equals(EscalationSlotJob.Detail.Key) ? EscalationSlotJob.Detail : ReminderSlotJob.Detail] = slots.ToList();
        // Replacing keeps a re-applied message harmless; a trigger whose instant has passed fires at once.
        if (scheduled.Count > 0)
            await scheduler.ScheduleJobs(scheduled, ScheduleJobOptions.Replacing, cancellationToken);
    }
}
