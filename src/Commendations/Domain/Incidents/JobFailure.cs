namespace Commendations.Domain.Incidents;

/// <summary>
/// A scheduled job that threw (a deadline, a wait's end, a sweep): recorded by <see cref="Scheduling.JobFailureRecorder"/>
/// with what is needed to run it again — the job's type and its data — since a one-shot trigger that fired is gone from
/// Quartz's store. An unretried failure on a running nomination is an incident until an administrator retries it.
/// </summary>
public class JobFailure
{
    public const int ErrorMaxLength = 2000;

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    /// <summary>The job's type, assembly-qualified, to run it again.</summary>
    public string JobType { get; private set; } = "";

    public string JobName { get; private set; } = "";
    public string JobGroup { get; private set; } = "";

    /// <summary>The job's merged data (strings), as JSON.</summary>
    public string Data { get; private set; } = "{}";

    public Guid? NominationId { get; private set; }
    public string Error { get; private set; } = "";
    public DateTimeOffset FailedAt { get; private set; }
    public DateTimeOffset? RetriedAt { get; private set; }
    public Guid? RetriedBy { get; private set; }

    private JobFailure() { }

    public JobFailure(string jobType, string jobName, string jobGroup, string data, Guid? nominationId, string error, DateTimeOffset failedAt)
    {
        JobType = jobType;
        JobName = jobName;
        JobGroup = jobGroup;
        Data = data;
        NominationId = nominationId;
        Error = error.Length > ErrorMaxLength ? error[..ErrorMaxLength] : error;
        FailedAt = failedAt;
    }

    public void Retried(Guid by, DateTimeOffset now)
    {
        RetriedAt = now;
        RetriedBy = by;
    }
}
