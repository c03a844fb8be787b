using Commendations.Domain.Disclosure;
using Commendations.Domain.Nominations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Commendations.Persistence.Configurations;

internal sealed class DisclosureCommentConfiguration : IEntityTypeConfiguration<DisclosureComment>
{
    public void Configure(EntityTypeBuilder<DisclosureComment> builder)
    {
        builder.ToTable("disclosure_comments");
        builder.Property(c => c.AuthorName).HasMaxLength(DisclosureComment.NameMaxLength);
        builder.Property(c => c.Contact).HasMaxLength(DisclosureComment.ContactMaxLength);
        builder.Property(c => c.Text).HasMaxLength(DisclosureComment.TextMaxLength);
        builder.Property(c => c.IpAddress).HasMaxLength(64);
        builder.Property(c => c.Handling).HasMaxLength(4000);
        builder.Property(c => c.Version).IsRowVersion();
        builder.HasOne<Nomination>().WithMany().HasForeignKey(c => c.NominationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.NominationId, c.Kind, c.HandledAt });
        builder.HasIndex(c => new { c.CampaignId, c.ReceivedAt });
    }
}
