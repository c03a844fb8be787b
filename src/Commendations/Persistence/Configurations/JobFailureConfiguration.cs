using Commendations.Domain.Incidents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Commendations.Persistence.Configurations;

public sealed class JobFailureConfiguration : IEntityTypeConfiguration<JobFailure>
{
    public void Configure(EntityTypeBuilder<JobFailure> builder)
    {
        builder.ToTable("job_failures");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.JobType).HasMaxLength(400);
        builder.Property(f => f.JobName).HasMaxLength(200);
        builder.Property(f => f.JobGroup).HasMaxLength(200);
        builder.Property(f => f.Data).HasColumnType("jsonb");
        builder.Property(f => f.Error).HasMaxLength(JobFailure.ErrorMaxLength);
        // The incident sweep reads the failures nobody retried yet.
        builder.HasIndex(f => f.FailedAt).HasFilter("retried_at IS NULL");
    }
}
