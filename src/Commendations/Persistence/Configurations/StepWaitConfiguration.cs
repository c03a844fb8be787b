using Commendations.Domain.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Commendations.Persistence.Configurations;

internal sealed class StepWaitConfiguration : IEntityTypeConfiguration<StepWait>
{
    public void Configure(EntityTypeBuilder<StepWait> builder)
    {
        builder.ToTable("step_waits");
        // One row per wait of an instance: entering the same wait again (or computing it again) moves its end.
        builder.HasKey(w => new { w.InstanceId, w.StepKey });
        builder.Property(w => w.StepKey).HasMaxLength(200);
        // The sweep reads "everything ended by now", oldest first; the planner the distinct instants ahead.
        builder.HasIndex(w => w.Until);
        builder.HasOne<WorkflowInstance>().WithMany().HasForeignKey(w => w.InstanceId).OnDelete(DeleteBehavior.Cascade);
    }
}
