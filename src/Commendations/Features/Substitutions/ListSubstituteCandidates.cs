using Commendations.Common;
using Commendations.Common.Security;
using MediatR;

namespace Commendations.Features.Substitutions;

/// <summary>Who may cover me (<see cref="Substitutes.CandidatesAsync"/>), for the form's choice.</summary>
[Allowed(Audience.SignedIn)]
public sealed record ListMySubstituteCandidates : IQuery<IReadOnlyList<SubstituteCandidate>>;

/// <summary>Who may cover <paramref name="PrincipalUserId"/>, for an administrator setting it.</summary>
[Allowed(Roles.Administrator)]
public sealed record ListSubstituteCandidates(Guid PrincipalUserId) : IQuery<IReadOnlyList<SubstituteCandidate>>;

public sealed class ListMySubstituteCandidatesHandler(Substitutes substitutes, ICurrentUser user)
    : IRequestHandler<ListMySubstituteCandidates, IReadOnlyList<SubstituteCandidate>>
{
    public Task<IReadOnlyList<SubstituteCandidate>> Handle(ListMySubstituteCandidates request, CancellationToken cancellationToken) =>
        substitutes.CandidatesAsync(user.UserId, cancellationToken);
}

public sealed class ListSubstituteCandidatesHandler(Substitutes substitutes, Persistence.CommendationsDbContext db)
    : IRequestHandler<ListSubstituteCandidates, IReadOnlyList<SubstituteCandidate>>
{
    public async Task<IReadOnlyList<SubstituteCandidate>> Handle(ListSubstituteCandidates request, CancellationToken cancellationToken)
    {
        if (!await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Users, u => u.Id == request.PrincipalUserId, cancellationToken))
            throw new Common.Errors.NotFoundException(Common.Text.Things.User);
        return await substitutes.CandidatesAsync(request.PrincipalUserId, cancellationToken);
    }
}
