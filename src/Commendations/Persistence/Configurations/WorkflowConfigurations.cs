using Commendations.Domain.Nominations;
using Commendations.Domain.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Commendations.Persistence.Configurations;

internal sealed class WorkflowDefinitionRecordConfiguration : IEntityTypeConfiguration<WorkflowDefinitionRecord>
{
    public void Configure(EntityTypeBuilder<WorkflowDefinitionRecord> builder)
    {
        builder.ToTable("workflow_definitions");
        builder.Property(d => d.DefinitionId).HasMaxLength(80);
        builder.HasIndex(d => new { d.DefinitionId, d.Version }).IsUnique();
        builder.Property(d => d.Name).HasMaxLength(300);
        builder.Property(d => d.ContentHash).HasMaxLength(64);
        builder.Property(d => d.Author).HasMaxLength(200);
        builder.Property(d => d.PublishedBy).HasMaxLength(200);
        builder.Property(d => d.PublicationRequestedBy).HasMaxLength(200);
        // Drafts are kept exactly as the administrator wrote them (they may not be valid yet), so text rather than jsonb.
        builder.Property(d => d.Content).HasColumnType("text");
        builder.Property(d => d.Origin).HasConversion<string>().HasMaxLength(20).HasDefaultValue(DefinitionOrigin.Administrator);
        builder.Property(d => d.RowVersion).IsRowVersion();
    }
}

internal sealed class DefinitionUpgradeConfiguration : IEntityTypeConfiguration<DefinitionUpgrade>
{
    public void Configure(EntityTypeBuilder<DefinitionUpgrade> builder)
    {
        builder.ToTable("definition_upgrades");
        builder.Property(u => u.DefinitionId).HasMaxLength(80);
        builder.Property(u => u.Kind).HasMaxLength(40);
        builder.Property(u => u.Outcome).HasMaxLength(40);
        builder.Property(u => u.FromHash).HasMaxLength(64);
        builder.Property(u => u.ToHash).HasMaxLength(64);
        builder.Property(u => u.Changes).HasColumnType("jsonb");
        // At most once per version and kind of upgrade.
        builder.HasIndex(u => new { u.RecordId, u.Kind }).IsUnique();
        builder.HasOne<WorkflowDefinitionRecord>().WithMany().HasForeignKey(u => u.RecordId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ShippedDefinitionImportConfiguration : IEntityTypeConfiguration<ShippedDefinitionImport>
{
    public void Configure(EntityTypeBuilder<ShippedDefinitionImport> builder)
    {
        builder.ToTable("shipped_definition_imports");
        builder.Property(i => i.DefinitionId).HasMaxLength(80);
        builder.Property(i => i.ContentHash).HasMaxLength(64);
        builder.Property(i => i.FileName).HasMaxLength(260);
        builder.Property(i => i.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(i => new { i.DefinitionId, i.ShippedVersion, i.ContentHash }).IsUnique();
    }
}

internal sealed class WorkflowInstanceConfiguration : IEntityTypeConfiguration<WorkflowInstance>
{
    public void Configure(EntityTypeBuilder<WorkflowInstance> builder)
    {
        builder.ToTable("workflow_instances");
        builder.Property(i => i.DefinitionId).HasMaxLength(80);
        builder.Property(i => i.State).HasColumnType("jsonb");
        builder.Property(i => i.CurrentStep).HasMaxLength(80);
        builder.HasOne<Nomination>().WithMany().HasForeignKey(i => i.NominationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => i.NominationId).IsUnique();
        builder.HasIndex(i => new { i.DefinitionId, i.DefinitionVersion, i.IsCompleted });
        builder.Property(i => i.Version).IsRowVersion();
    }
}

internal sealed class WorkflowTaskConfiguration : IEntityTypeConfiguration<WorkflowTask>
{
    public void Configure(EntityTypeBuilder<WorkflowTask> builder)
    {
        builder.ToTable("workflow_tasks");
        builder.Property(t => t.TaskKey).HasMaxLength(120);
        builder.Property(t => t.StepKey).HasMaxLength(80);
        builder.Property(t => t.AssigneeRole).HasMaxLength(60);
        builder.Property(t => t.Outcome).HasMaxLength(60);
        builder.HasIndex(t => new { t.InstanceId, t.TaskKey }).IsUnique();
        builder.HasOne<WorkflowInstance>().WithMany().HasForeignKey(t => t.InstanceId).OnDelete(DeleteBehavior.Cascade);
        // Inboxes read only open tasks: by user (a committee member's turn) or by role within a unit.
        builder.HasIndex(t => new { t.AssigneeUserId, t.DueAt }).HasFilter("status = 'Open'");
        builder.HasIndex(t => new { t.AssigneeRole, t.AssigneeUnitId, t.DueAt }).HasFilter("status = 'Open'");
        builder.HasIndex(t => t.NominationId);
        // The task list's campaign filter and name sort, per part as above (its search: a trigram index, migration
        // TaskListColumns). Copied columns, so the list never joins all of a person's tasks to their nominations.
        builder.Property(t => t.NomineeName).HasMaxLength(300);
        builder.HasIndex(t => new { t.AssigneeUserId, t.CampaignId, t.DueAt }).HasFilter("status = 'Open'");
        builder.HasIndex(t => new { t.AssigneeRole, t.AssigneeUnitId, t.CampaignId, t.DueAt }).HasFilter("status = 'Open'");
        builder.HasIndex(t => new { t.AssigneeUserId, t.NomineeName, t.Id }).HasFilter("status = 'Open'");
        builder.HasIndex(t => new { t.AssigneeRole, t.AssigneeUnitId, t.NomineeName, t.Id }).HasFilter("status = 'Open'");
        // "Claimed by me" counts and filters read only open, claimed tasks: a small partial index.
        builder.HasIndex(t => new { t.ClaimedBy, t.DueAt }).HasFilter("status = 'Open' AND claimed_by IS NOT NULL");
        // The deadline sweep's rows: open tasks whose due time is still to be handled, by due time (deadlines as data).
        builder.HasIndex(t => t.DueAt).HasFilter("status = 'Open' AND deadline_passed_at IS NULL").HasDatabaseName("ix_workflow_tasks_deadline_pending");
        // The operations page's actions per hour today: tasks people closed, by when (not the system's closures).
        builder.HasIndex(t => t.ClosedAt).HasFilter("closed_by IS NOT NULL").HasDatabaseName("ix_workflow_tasks_closed_by_person");
        builder.Property(t => t.Version).IsRowVersion();
        builder.PrimitiveCollection(t => t.ReminderTimes).Metadata.SetValueComparer(new InstantListComparer());
    }
}

internal sealed class TaskFollowUpConfiguration : IEntityTypeConfiguration<TaskFollowUp>
{
    public void Configure(EntityTypeBuilder<TaskFollowUp> builder)
    {
        builder.ToTable("task_follow_ups");
        builder.HasKey(f => new { f.TaskId, f.UserId });
        builder.HasOne<WorkflowTask>().WithMany().HasForeignKey(f => f.TaskId).OnDelete(DeleteBehavior.Cascade);
        // A person's follow-ups by date (the list's filter and sort read them per user).
        builder.HasIndex(f => new { f.UserId, f.RemindOn });
    }
}
