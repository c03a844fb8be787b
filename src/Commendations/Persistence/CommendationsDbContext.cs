using Commendations.Domain.Audit;
using Commendations.Domain.Calendar;
using Commendations.Domain.Campaigns;
using Commendations.Domain.Catalog;
using Commendations.Domain.Committees;
using Commendations.Domain.Decisions;
using Commendations.Domain.Disclosure;
using Commendations.Domain.Eligibility;
using Commendations.Domain.Idempotency;
using Commendations.Domain.Nominations;
using Commendations.Domain.Nominees;
using Commendations.Domain.Notifications;
using Commendations.Domain.Outbox;
using Commendations.Domain.Registry;
using Commendations.Domain.Sessions;
using Commendations.Domain.Units;
using Commendations.Domain.Workflows;
using Commendations.Domain.Users;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Persistence;

/// <remarks>Also the store of the Data Protection key ring (cookies and bearer tokens), so every web node reads the same keys.</remarks>
public class CommendationsDbContext(DbContextOptions<CommendationsDbContext> options)
    : IdentityDbContext<AppUser, AppRole, Guid>(options), IDataProtectionKeyContext
{
    public const string MigrationsAssembly = "Commendations.Migrations";

    public DbSet<OrganisationUnit> Units => Set<OrganisationUnit>();
    public DbSet<EmulationCluster> Clusters => Set<EmulationCluster>();
    public DbSet<AwardForm> AwardForms => Set<AwardForm>();
    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<RegistrationWindow> RegistrationWindows => Set<RegistrationWindow>();
    public DbSet<TitleRegistration> TitleRegistrations => Set<TitleRegistration>();
    public DbSet<Committee> Committees => Set<Committee>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<Collective> Collectives => Set<Collective>();
    public DbSet<Nomination> Nominations => Set<Nomination>();
    public DbSet<NominationDocument> Documents => Set<NominationDocument>();
    public DbSet<DocumentContent> DocumentContents => Set<DocumentContent>();
    public DbSet<WorkflowDefinitionRecord> WorkflowDefinitions => Set<WorkflowDefinitionRecord>();
    public DbSet<DefinitionUpgrade> DefinitionUpgrades => Set<DefinitionUpgrade>();
    public DbSet<ShippedDefinitionImport> ShippedDefinitionImports => Set<ShippedDefinitionImport>();
    public DbSet<WorkflowInstance> WorkflowInstances => Set<WorkflowInstance>();
    public DbSet<SavedScenario> SavedScenarios => Set<SavedScenario>();
    public DbSet<WorkflowTask> Tasks => Set<WorkflowTask>();
    public DbSet<TaskFollowUp> TaskFollowUps => Set<TaskFollowUp>();
    public DbSet<TaskReminder> TaskReminders => Set<TaskReminder>();
    public DbSet<TaskEscalation> TaskEscalations => Set<TaskEscalation>();
    public DbSet<StepWait> StepWaits => Set<StepWait>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AuditStream> AuditStreams => Set<AuditStream>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<Decision> Decisions => Set<Decision>();
    public DbSet<SignedDecisionDocument> SignedDecisionDocuments => Set<SignedDecisionDocument>();
    public DbSet<Domain.Sessions.SignedMinutesDocument> SignedMinutes => Set<Domain.Sessions.SignedMinutesDocument>();
    public DbSet<Domain.Sessions.MinutesSigningSession> MinutesSigningSessions => Set<Domain.Sessions.MinutesSigningSession>();
    public DbSet<DecisionSigningSession> DecisionSigningSessions => Set<DecisionSigningSession>();
    public DbSet<SubmissionLetterSigningSession> SubmissionLetterSigningSessions => Set<SubmissionLetterSigningSession>();
    public DbSet<Domain.Documents.LegalInstrument> LegalInstruments => Set<Domain.Documents.LegalInstrument>();
    public DbSet<Domain.Documents.SigningAuthority> SigningAuthorities => Set<Domain.Documents.SigningAuthority>();
    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();
    public DbSet<CalendarImport> CalendarImports => Set<CalendarImport>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<Domain.Incidents.Incident> Incidents => Set<Domain.Incidents.Incident>();
    public DbSet<Domain.Repairs.RepairRequest> RepairRequests => Set<Domain.Repairs.RepairRequest>();
    public DbSet<Domain.Incidents.JobFailure> JobFailures => Set<Domain.Incidents.JobFailure>();
    public DbSet<Domain.Substitutions.Substitution> Substitutions => Set<Domain.Substitutions.Substitution>();
    public DbSet<AwardRecord> AwardRecords => Set<AwardRecord>();
    public DbSet<Domain.Forwarding.ForwardingSend> ForwardingSends => Set<Domain.Forwarding.ForwardingSend>();
    public DbSet<RegisterCounter> RegisterCounters => Set<RegisterCounter>();
    public DbSet<CouncilSession> CouncilSessions => Set<CouncilSession>();
    public DbSet<SealedBallot> SealedBallots => Set<SealedBallot>();
    public DbSet<DisclosureComment> DisclosureComments => Set<DisclosureComment>();
    public DbSet<EligibilityRuleSet> EligibilityRuleSets => Set<EligibilityRuleSet>();
    public DbSet<NominationEligibility> NominationEligibility => Set<NominationEligibility>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>
    /// The workflow's own inserts and updates go as one prepared batch (<see cref="RowWriter"/>); anything else, and any
    /// unit of work that holds something else, through EF Core's pipeline as before.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (!acceptAllChangesOnSuccess || !RowWriter.Applies(this))
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (await RowWriter.TryWriteAsync(this, cancellationToken) is { } written)
            return written;
        // Changes were just detected by RowWriter's plan: EF Core need not scan every tracked entity again.
        var detecting = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detecting;
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CommendationsDbContext).Assembly);
        NameIdentityTables(modelBuilder);
        SearchText.Map(modelBuilder);
        SnakeCaseNames.Apply(modelBuilder);
    }

    private static void NameIdentityTables(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AppRole>().ToTable("roles");
        modelBuilder.Entity<Microsoft.AspNetCore.Identity.IdentityUserRole<Guid>>().ToTable("user_roles");
        modelBuilder.Entity<Microsoft.AspNetCore.Identity.IdentityUserClaim<Guid>>().ToTable("user_claims");
        modelBuilder.Entity<Microsoft.AspNetCore.Identity.IdentityUserLogin<Guid>>().ToTable("user_logins");
        modelBuilder.Entity<Microsoft.AspNetCore.Identity.IdentityUserToken<Guid>>().ToTable("user_tokens");
        modelBuilder.Entity<Microsoft.AspNetCore.Identity.IdentityRoleClaim<Guid>>().ToTable("role_claims");
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Statuses and kinds are stored as readable strings, never as numbers (ARCHITECTURE.md).
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcConverter>();
    }
}
