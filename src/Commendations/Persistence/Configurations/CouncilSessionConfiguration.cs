using Commendations.Domain.Committees;
using Commendations.Domain.Nominations;
using Commendations.Domain.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Commendations.Persistence.Configurations;

internal sealed class CouncilSessionConfiguration : IEntityTypeConfiguration<CouncilSession>
{
    public void Configure(EntityTypeBuilder<CouncilSession> builder)
    {
        builder.ToTable("council_sessions");
        builder.Property(s => s.CommitteeCode).HasMaxLength(Committee.CodeMaxLength);
        builder.Property(s => s.Title).HasMaxLength(CouncilSession.TitleMaxLength);
        builder.Property(s => s.Location).HasMaxLength(300);
        builder.Property(s => s.MinutesNumber).HasMaxLength(60);
        builder.Property(s => s.Version).IsRowVersion();
        builder.HasOne<Committee>().WithMany().HasForeignKey(s => s.CommitteeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Agenda).WithOne().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Attendance).WithOne().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Ballots).WithOne().HasForeignKey(b => b.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.CommitteeId, s.Status });
    }
}

internal sealed class SessionAgendaItemConfiguration : IEntityTypeConfiguration<SessionAgendaItem>
{
    public void Configure(EntityTypeBuilder<SessionAgendaItem> builder)
    {
        builder.ToTable("session_agenda_items");
        builder.HasKey(a => new { a.SessionId, a.NominationId });
        builder.Property(a => a.StepKey).HasMaxLength(80);
        builder.Property(a => a.EngineTally).HasMaxLength(300);
        builder.HasOne<Nomination>().WithMany().HasForeignKey(a => a.NominationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.NominationId);
    }
}

internal sealed class SessionAttendanceConfiguration : IEntityTypeConfiguration<SessionAttendance>
{
    public void Configure(EntityTypeBuilder<SessionAttendance> builder)
    {
        builder.ToTable("session_attendance");
        builder.HasKey(a => new { a.SessionId, a.MemberUserId });
        builder.Property(a => a.Note).HasMaxLength(1000);
    }
}

internal sealed class SessionBallotConfiguration : IEntityTypeConfiguration<SessionBallot>
{
    public void Configure(EntityTypeBuilder<SessionBallot> builder)
    {
        builder.ToTable("session_ballots");
        // Ballots are added to a loaded session with their id already set: new rows, not updates.
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.HasIndex(b => new { b.SessionId, b.NominationId, b.MemberUserId }).IsUnique();
    }
}

internal sealed class SealedBallotConfiguration : IEntityTypeConfiguration<SealedBallot>
{
    public void Configure(EntityTypeBuilder<SealedBallot> builder)
    {
        builder.ToTable("session_ballot_box");
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Sealed).HasMaxLength(64);
        builder.HasOne<CouncilSession>().WithMany().HasForeignKey(b => b.SessionId).OnDelete(DeleteBehavior.Cascade);
        // The close opens one nomination's box at a time.
        builder.HasIndex(b => new { b.SessionId, b.NominationId });
    }
}
