using Commendations.Domain.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Commendations.Persistence.Configurations;

internal sealed class TaskReminderConfiguration : IEntityTypeConfiguration<TaskReminder>
{
    public void Configure(EntityTypeBuilder<TaskReminder> builder)
    {
        builder.ToTable("task_reminders");
        // One row per reminder of a task: applying the same DeadlineScheduled twice inserts nothing new.
        builder.HasKey(r => new { r.InstanceId, r.TaskKey, r.RemindAt });
        builder.Property(r => r.TaskKey).HasMaxLength(120);
        // The sweep reads "everything due by now", oldest first.
        builder.HasIndex(r => r.RemindAt);
        builder.HasOne<WorkflowInstance>().WithMany().HasForeignKey(r => r.InstanceId).OnDelete(DeleteBehavior.Cascade);
    }
}
