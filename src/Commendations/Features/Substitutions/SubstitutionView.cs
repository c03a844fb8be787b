using Commendations.Domain.Substitutions;

namespace Commendations.Features.Substitutions;

public enum SubstitutionStatus
{
    Upcoming,
    Active,
    Ended,
    Revoked,
}

/// <summary>A substitution as people read it: both names, the range, and where it stands today.</summary>
public sealed record SubstitutionView(Guid Id, Guid PrincipalUserId, string PrincipalName, Guid SubstituteUserId, string SubstituteName,
    DateOnly From, DateOnly To, string? Reason, SubstitutionStatus Status, DateTimeOffset CreatedAt)
{
    public static SubstitutionView Of(Substitution s, string principalName, string substituteName, DateOnly today) =>
        new(s.Id, s.PrincipalUserId, principalName, s.SubstituteUserId, substituteName, s.From, s.To, s.Reason, StatusOf(s, today), s.CreatedAt);

    public static SubstitutionStatus StatusOf(Substitution s, DateOnly today) =>
        s.RevokedAt is not null ? SubstitutionStatus.Revoked
        : s.To < today ? SubstitutionStatus.Ended
        : s.From > today ? SubstitutionStatus.Upcoming
        : SubstitutionStatus.Active;
}
