using Commendations.Domain.Substitutions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Commendations.Persistence.Configurations;

public sealed class SubstitutionConfiguration : IEntityTypeConfiguration<Substitution>
{
    public void Configure(EntityTypeBuilder<Substitution> builder)
    {
        builder.ToTable("substitutions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Reason).HasMaxLength(Substitution.ReasonMaxLength);
        builder.HasOne<Domain.Users.AppUser>().WithMany().HasForeignKey(s => s.PrincipalUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Domain.Users.AppUser>().WithMany().HasForeignKey(s => s.SubstituteUserId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(s => s.From).HasColumnName("starts_on");
        builder.Property(s => s.To).HasColumnName("ends_on");
        builder.ToTable(t => t.HasCheckConstraint("ck_substitutions_range", "starts_on <= ends_on AND principal_user_id <> substitute_user_id"));
        // "Whom do I cover today?" (the inbox, every request of a substitute) and "who covers me?" (acting, notifying).
        builder.HasIndex(s => new { s.SubstituteUserId, s.To }).HasFilter("revoked_at IS NULL");
        builder.HasIndex(s => new { s.PrincipalUserId, s.To }).HasFilter("revoked_at IS NULL");
    }
}
