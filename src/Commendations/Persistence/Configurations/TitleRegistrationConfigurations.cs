using Commendations.Domain.Campaigns;
using Commendations.Domain.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Commendations.Persistence.Configurations;

internal sealed class RegistrationWindowConfiguration : IEntityTypeConfiguration<RegistrationWindow>
{
    public void Configure(EntityTypeBuilder<RegistrationWindow> builder)
    {
        builder.ToTable("registration_windows");
        builder.HasKey(w => w.CampaignId);
        builder.Property(w => w.Version).IsRowVersion();
        builder.HasOne<Campaign>().WithOne().HasForeignKey<RegistrationWindow>(w => w.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TitleRegistrationConfiguration : IEntityTypeConfiguration<TitleRegistration>
{
    public void Configure(EntityTypeBuilder<TitleRegistration> builder)
    {
        builder.ToTable("title_registrations");
        builder.Property(r => r.Version).IsRowVersion();
        // One registration per unit and campaign: two officers saving at once get one row and one conflict.
        builder.HasIndex(r => new { r.CampaignId, r.UnitId }).IsUnique();
        builder.HasOne<RegistrationWindow>().WithMany().HasForeignKey(r => r.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<OrganisationUnit>().WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.OwnsMany(r => r.Titles, titles => titles.ToJson());
    }
}
