using Commendations.Domain.Audit;
using Commendations.Domain.Calendar;
using Commendations.Domain.Decisions;
using Commendations.Domain.Idempotency;
using Commendations.Domain.Nominations;
using Commendations.Domain.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Commendations.Persistence.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_entries");
        builder.Property(a => a.Stream).HasMaxLength(120);
        builder.HasIndex(a => new { a.Stream, a.Sequence }).IsUnique();
        builder.Property(a => a.ActorName).HasMaxLength(200);
        builder.Property(a => a.IpAddress).HasMaxLength(64);
        builder.Property(a => a.Action).HasMaxLength(80);
        builder.Property(a => a.StepKey).HasMaxLength(80);
        builder.Property(a => a.Comment).HasMaxLength(4000);
        // text, not jsonb: jsonb rewrites the JSON (key order, spacing) and the stored bytes must hash as written.
        builder.Property(a => a.Data).HasColumnType("text");
        builder.Property(a => a.PreviousHash).HasMaxLength(64);
        builder.Property(a => a.Hash).HasMaxLength(64);
    }
}

internal sealed class AuditStreamConfiguration : IEntityTypeConfiguration<AuditStream>
{
    public void Configure(EntityTypeBuilder<AuditStream> builder)
    {
        builder.ToTable("audit_streams");
        builder.HasKey(s => s.Name);
        builder.Property(s => s.Name).HasMaxLength(120);
        builder.Property(s => s.LastHash).HasMaxLength(64);
        builder.Property(s => s.Seal).HasMaxLength(64);
        builder.Property(s => s.Version).IsRowVersion();
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("outbox_messages");
        builder.Property(m => m.Kind).HasMaxLength(60);
        builder.Property(m => m.Payload).HasColumnType("jsonb");
        builder.HasIndex(m => m.Id).HasFilter("processed_at IS NULL").HasDatabaseName("ix_outbox_messages_pending");
    }
}

internal sealed class DecisionConfiguration : IEntityTypeConfiguration<Decision>
{
    public void Configure(EntityTypeBuilder<Decision> builder)
    {
        builder.ToTable("decisions");
        builder.Property(d => d.Number).HasMaxLength(60);
        builder.Property(d => d.IssuingBody).HasMaxLength(40);
        // Numbering is per issuing body and year: the same number cannot be issued twice.
        builder.HasIndex(d => new { d.IssuingBody, d.Year, d.Sequence }).IsUnique();
        builder.Property(d => d.SignerName).HasMaxLength(200);
        builder.Property(d => d.SignerTitle).HasMaxLength(200);
        builder.Property(d => d.SignerCapacity).HasDefaultValue(Domain.Documents.SignerCapacity.Head);
        builder.Property(d => d.Citation).HasMaxLength(2000);
        builder.Property(d => d.LeaderSignature).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.SealRole).HasMaxLength(60);
        builder.Property(d => d.SealScope).HasMaxLength(60);
        builder.Property(d => d.RegisterSeries).HasMaxLength(10);
        builder.Property(d => d.CentralAuthority).HasMaxLength(200);
        builder.HasMany<Nomination>().WithOne().HasForeignKey(n => n.DecisionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SignedDecisionDocumentConfiguration : IEntityTypeConfiguration<SignedDecisionDocument>
{
    public void Configure(EntityTypeBuilder<SignedDecisionDocument> builder)
    {
        builder.ToTable("signed_decision_documents");
        // A decision has one leader-signed document and at most one sealed on top of it.
        builder.HasIndex(d => new { d.DecisionId, d.Role }).IsUnique();
        builder.HasOne<Decision>().WithMany().HasForeignKey(d => d.DecisionId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(d => d.FileName).HasMaxLength(255);
        builder.Property(d => d.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(d => d.SignerName).HasMaxLength(200);
        builder.Property(d => d.CertificateName).HasMaxLength(400);
        builder.Property(d => d.Method).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Verification).HasConversion<string>().HasMaxLength(40);
        builder.Property(d => d.Role).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Signatures).HasColumnType("jsonb").HasDefaultValueSql("'[]'::jsonb");
    }
}

internal sealed class SignedMinutesDocumentConfiguration : IEntityTypeConfiguration<Domain.Sessions.SignedMinutesDocument>
{
    public void Configure(EntityTypeBuilder<Domain.Sessions.SignedMinutesDocument> builder)
    {
        builder.ToTable("signed_minutes_documents");
        // A session's minutes are signed once by the secretary and once, over that, by the chair.
        builder.HasIndex(d => new { d.SessionId, d.Role }).IsUnique();
        builder.HasOne<Domain.Sessions.CouncilSession>().WithMany().HasForeignKey(d => d.SessionId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(d => d.Role).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.FileName).HasMaxLength(255);
        builder.Property(d => d.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(d => d.SignerName).HasMaxLength(200);
        builder.Property(d => d.Verification).HasConversion<string>().HasMaxLength(40);
    }
}

internal sealed class DecisionSigningSessionConfiguration : IEntityTypeConfiguration<DecisionSigningSession>
{
    public void Configure(EntityTypeBuilder<DecisionSigningSession> builder)
    {
        builder.ToTable("decision_signing_sessions");
        builder.HasIndex(s => s.DecisionId);
        builder.HasOne<Decision>().WithMany().HasForeignKey(s => s.DecisionId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.Digest).HasMaxLength(100);
        builder.Property(s => s.Role).HasConversion<string>().HasMaxLength(20);
    }
}

internal sealed class MinutesSigningSessionConfiguration : IEntityTypeConfiguration<Domain.Sessions.MinutesSigningSession>
{
    public void Configure(EntityTypeBuilder<Domain.Sessions.MinutesSigningSession> builder)
    {
        builder.ToTable("minutes_signing_sessions");
        builder.HasIndex(s => s.SessionId);
        builder.HasOne<Domain.Sessions.CouncilSession>().WithMany().HasForeignKey(s => s.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.Role).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Digest).HasMaxLength(100);
    }
}

internal sealed class SubmissionLetterSigningSessionConfiguration : IEntityTypeConfiguration<Domain.Nominations.SubmissionLetterSigningSession>
{
    public void Configure(EntityTypeBuilder<Domain.Nominations.SubmissionLetterSigningSession> builder)
    {
        builder.ToTable("submission_letter_signing_sessions");
        builder.HasIndex(s => s.NominationId);
        builder.HasOne<Domain.Nominations.Nomination>().WithMany().HasForeignKey(s => s.NominationId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.Digest).HasMaxLength(100);
    }
}

internal sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> builder)
    {
        builder.ToTable("calendar_days");
        builder.HasKey(d => d.Date);
        builder.Property(d => d.Name).HasMaxLength(CalendarDay.NameMaxLength);
        builder.Property(d => d.Source).HasMaxLength(CalendarDay.SourceMaxLength);
    }
}

internal sealed class CalendarImportConfiguration : IEntityTypeConfiguration<CalendarImport>
{
    public void Configure(EntityTypeBuilder<CalendarImport> builder)
    {
        builder.ToTable("calendar_imports");
        builder.Property(i => i.Id).UseIdentityAlwaysColumn();
        builder.Property(i => i.Origin).HasMaxLength(20);
        builder.Property(i => i.ContentHash).HasMaxLength(64);
        builder.Property(i => i.Outcome).HasMaxLength(20);
        builder.Property(i => i.Summary).HasColumnType("jsonb");
        builder.HasIndex(i => new { i.Year, i.Origin, i.ContentHash });
    }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("idempotency_records");
        builder.HasKey(r => new { r.UserId, r.Key });
        builder.Property(r => r.Key).HasMaxLength(100);
        builder.Property(r => r.RequestType).HasMaxLength(100);
        builder.Property(r => r.RequestFingerprint).HasMaxLength(32);
        builder.Property(r => r.Response).HasColumnType("jsonb");
    }
}
