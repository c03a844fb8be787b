using Commendations.Domain.Campaigns;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Commendations.Persistence.Configurations;

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> builder)
    {
        builder.ToTable("campaigns");
        builder.Property(c => c.Code).HasMaxLength(Campaign.CodeMaxLength);
        builder.HasIndex(c => c.Code).IsUnique();
        builder.Property(c => c.Name).HasMaxLength(500);
        builder.Property(c => c.PlanReference).HasMaxLength(100);
        // The allowed award forms are part of the campaign aggregate: stored with it as jsonb.
        builder.OwnsMany(c => c.Awards, awards => awards.ToJson());
    }
}
