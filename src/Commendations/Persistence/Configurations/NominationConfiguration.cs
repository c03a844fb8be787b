using Commendations.Domain.Campaigns;
using Commendations.Domain.Catalog;
using Commendations.Domain.Nominations;
using Commendations.Domain.Nominees;
using Commendations.Domain.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Commendations.Persistence.Configurations;

internal sealed class NominationConfiguration : IEntityTypeConfiguration<Nomination>
{
    public void Configure(EntityTypeBuilder<Nomination> builder)
    {
        builder.ToTable("nominations");
        builder.Property(n => n.NomineeName).HasMaxLength(300);
        builder.Property(n => n.AchievementSummary).HasMaxLength(Nomination.SummaryMaxLength);
        builder.Property(n => n.CurrentStep).HasMaxLength(80);
        builder.HasOne<OrganisationUnit>().WithMany().HasForeignKey(n => n.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Campaign>().WithMany().HasForeignKey(n => n.CampaignId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AwardForm>().WithMany().HasForeignKey(n => n.AwardFormId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(n => n.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Collective>().WithMany().HasForeignKey(n => n.CollectiveId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(n => n.Documents).WithOne().HasForeignKey(d => d.NominationId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(n => n.Version).IsRowVersion();
        // An officer's list: their unit's nominations, filtered by campaign and status, newest first.
        builder.HasIndex(n => new { n.UnitId, n.CampaignId, n.Status, n.CreatedAt });
        builder.HasIndex(n => new { n.CampaignId, n.Status, n.CurrentStep });
        // A reviewer's list: every submitted nomination of a campaign, by status, newest first (one page = one index range).
        builder.HasIndex(n => new { n.CampaignId, n.Status, n.CreatedAt, n.Id })
            .IsDescending(false, false, true, true)
            .HasFilter("submitted_at IS NOT NULL")
            .HasDatabaseName("ix_nominations_submitted_campaign_status_created");
    }
}

internal sealed class NominationDocumentConfiguration : IEntityTypeConfiguration<NominationDocument>
{
    public void Configure(EntityTypeBuilder<NominationDocument> builder)
    {
        builder.ToTable("nomination_documents");
        builder.Property(d => d.FileName).HasMaxLength(NominationDocument.FileNameMaxLength);
        builder.Property(d => d.ContentType).HasMaxLength(100);
        builder.Property(d => d.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(d => d.Signature).HasConversion<string>().HasMaxLength(40);
        builder.HasOne(d => d.Content).WithOne().HasForeignKey<DocumentContent>(c => c.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DocumentContentConfiguration : IEntityTypeConfiguration<DocumentContent>
{
    public void Configure(EntityTypeBuilder<DocumentContent> builder)
    {
        builder.ToTable("document_contents");
        builder.HasKey(c => c.DocumentId);
    }
}
