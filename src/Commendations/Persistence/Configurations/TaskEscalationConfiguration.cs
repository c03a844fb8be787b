using Commendations.Domain.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Commendations.Persistence.Configurations;

internal sealed class TaskEscalationConfiguration : IEntityTypeConfiguration<TaskEscalation>
{
    public void Configure(EntityTypeBuilder<TaskEscalation> builder)
    {
        builder.ToTable("task_escalations");
        // One row per level of a task: applying the same DeadlineScheduled twice inserts nothing new.
        builder.HasKey(e => new { e.InstanceId, e.TaskKey, e.Level });
        builder.Property(e => e.TaskKey).HasMaxLength(120);
        // The sweep reads "everything due by now", oldest first.
        builder.HasIndex(e => e.EscalateAt);
        builder.HasOne<WorkflowInstance>().WithMany().HasForeignKey(e => e.InstanceId).OnDelete(DeleteBehavior.Cascade);
    }
}
