namespace Commendations.Scheduling;

/// <summary>Configuration section <c>Scheduling</c>: Quartz hosting, the outbox dispatcher and campaign reminders.</summary>
public sealed class SchedulingSettings : System.ComponentModel.DataAnnotations.IValidatableObject
{
    public const string Section = "Scheduling";

    /// <summary>Run Quartz, the outbox dispatcher and the email sender in this process (default on).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Quartz scheduler name: every node of one cluster uses the same name (instance ids are generated).</summary>
    public string SchedulerName { get; set; } = "commendations";

    /// <summary>How often the dispatcher looks for unapplied outbox messages.</summary>
    public TimeSpan DispatchInterval { get; set; } = TimeSpan.FromSeconds(2);

    public int DispatchBatchSize { get; set; } = 200;

    /// <summary>How long a processed outbox message is kept before it is deleted (<see cref="OutboxRetention"/>).</summary>
    public TimeSpan ProcessedOutboxRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>First retry delay of a failed outbox message; doubles per attempt up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How often the catch-up sweeps of deadlines, reminders and escalation levels run besides their slots (the most one
    /// can be late).
    /// </summary>
    public TimeSpan ReminderCatchUpInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How often the slot planner gives the coming instants (due times, reminders, escalation levels) their triggers; an
    /// instant nearer than this when its row is written is swept by the catch-up triggers instead.
    /// </summary>
    public TimeSpan SlotPlanningInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How far ahead the slot planner looks (longer than its interval, so one missed run loses nothing).</summary>
    public TimeSpan SlotPlanningHorizon { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Working days before a campaign's dossier window closes when units with drafts are reminded.</summary>
    public int[] CampaignReminderWorkingDays { get; set; } = [3, 1];

    /// <summary>Quartz scheduler thread's idle wait (how soon it notices triggers added by another node).</summary>
    public TimeSpan IdleWaitTime { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan MisfireThreshold { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan ClusterCheckinInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A node silent this long is considered dead and its in-flight triggers are recovered by another.</summary>
    public TimeSpan ClusterCheckinMisfireThreshold { get; set; } = TimeSpan.FromSeconds(20);

    public int ThreadCount { get; set; } = 10;

    /// <summary>
    /// How many due triggers the scheduler thread takes from the job store per locked round trip. Quartz's default is 1:
    /// a burst of 1,000 reminders then queues behind 1,000 acquisitions (benchmark scenario 4: p99 17.4 s with 1,
    /// 12.9 s with 10, on the same loaded machine). Unset: one batch fills the thread pool (Quartz refuses more).
    /// </summary>
    public int? MaxBatchSize { get; set; }

    /// <summary>How far ahead of its time a trigger may join a batch (so it may fire up to this much early).</summary>
    public TimeSpan BatchTimeWindow { get; set; } = TimeSpan.FromSeconds(1);

    public IEnumerable<System.ComponentModel.DataAnnotations.ValidationResult> Validate(System.ComponentModel.DataAnnotations.ValidationContext validationContext) =>
    [
        .. Common.SettingsChecks.Positive($"{Section}:DispatchInterval", DispatchInterval),
        .. Common.SettingsChecks.Positive($"{Section}:RetryDelay", RetryDelay),
        .. Common.SettingsChecks.Positive($"{Section}:ProcessedOutboxRetention", ProcessedOutboxRetention),
        .. Common.SettingsChecks.Positive($"{Section}:ReminderCatchUpInterval", ReminderCatchUpInterval),
        .. Common.SettingsChecks.Positive($"{Section}:SlotPlanningInterval", SlotPlanningInterval),
        .. Common.SettingsChecks.Positive($"{Section}:SlotPlanningHorizon", SlotPlanningHorizon),
        .. Common.SettingsChecks.Positive($"{Section}:IdleWaitTime", IdleWaitTime),
        .. Common.SettingsChecks.InRange($"{Section}:ThreadCount", ThreadCount, 1, 100),
        .. Common.SettingsChecks.InRange($"{Section}:DispatchBatchSize", DispatchBatchSize, 1, 10_000),
        .. (SlotPlanningHorizon > SlotPlanningInterval ? [] : new[] { new System.ComponentModel.DataAnnotations.ValidationResult(
            $"{Section}:SlotPlanningHorizon must be longer than {Section}:SlotPlanningInterval, or instants fall between two plannings.") }),
    ];
}

/// <summary>Configuration section <c>Smtp</c>: email is sent only when <see cref="Host"/> is set.</summary>
public sealed class SmtpSettings : System.ComponentModel.DataAnnotations.IValidatableObject
{
    public const string Section = "Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public string From { get; set; } = "thidua-khenthuong@localhost";
    public string FromName { get; set; } = "Hệ thống Thi đua - Khen thưởng";
    /// <summary>Authenticate with these when <see cref="UserName"/> is set (only over TLS, unless <see cref="Security"/> is None).</summary>
    public string? UserName { get; set; }
    public string? Password { get; set; }

    /// <summary>
    /// TLS to the mail server: <c>Auto</c> (default: TLS at connect on port 465, STARTTLS when the server offers it
    /// elsewhere), <c>StartTls</c> (required: refuse a server that does not offer it — use this in production on 587),
    /// <c>SslOnConnect</c> (465), <c>StartTlsWhenAvailable</c>, or <c>None</c> (a relay on the same host only).
    /// </summary>
    public MailKit.Security.SecureSocketOptions Security { get; set; } = MailKit.Security.SecureSocketOptions.Auto;

    /// <summary>How long one SMTP command (connect, each send) may take before the mail counts as failed.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Prefixed to notification links in mails, e.g. https://thiduakhenthuong.example.</summary>
    public string? PublicBaseUrl { get; set; }

    public TimeSpan SendInterval { get; set; } = TimeSpan.FromSeconds(5);
    public int MaxAttempts { get; set; } = 10;

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);

    public IEnumerable<System.ComponentModel.DataAnnotations.ValidationResult> Validate(System.ComponentModel.DataAnnotations.ValidationContext validationContext) =>
    [
        .. Common.SettingsChecks.InRange($"{Section}:Port", Port, 1, 65535),
        .. Common.SettingsChecks.Positive($"{Section}:Timeout", Timeout),
        .. Common.SettingsChecks.Positive($"{Section}:SendInterval", SendInterval),
        .. Common.SettingsChecks.HttpUrl($"{Section}:PublicBaseUrl", PublicBaseUrl),
        .. (MimeKit.MailboxAddress.TryParse(From, out _) ? [] : new[] { new System.ComponentModel.DataAnnotations.ValidationResult($"{Section}:From must be an e-mail address, not '{From}'.") }),
    ];
}
