using Commendations.Features.Substitutions;
using Commendations.Web.Auth;
using MediatR;

namespace Commendations.Web.Api;

/// <summary>
/// Substitutes while away: /api/substitutions for one's own (anyone signed in), /api/admin/substitutions for an
/// administrator setting them for someone. No route type constraints: a caller without the right gets 403 before an id is read.
/// </summary>
public static class SubstitutionEndpoints
{
    /// <summary>Who covers, from and to which dates (Vietnam dates, both included, at most 90 days), and why.</summary>
    public sealed record SubstitutionBody(Guid SubstituteUserId, DateOnly From, DateOnly To, string? Reason);

    /// <summary>The same, for <c>principalUserId</c> (the person away).</summary>
    public sealed record SubstitutionForBody(Guid PrincipalUserId, Guid SubstituteUserId, DateOnly From, DateOnly To, string? Reason);

    public static void MapSubstitutionEndpoints(this RouteGroupBuilder api)
    {
        var mine = api.MapGroup("/substitutions").WithTags("Substitutes");
        mine.MapGet("", (IMediator m, CancellationToken ct) => m.Send(new ListMySubstitutions(), ct))
            .WithSummary("My substitutions: who covers me and whom I cover");
        mine.MapGet("/candidates", (IMediator m, CancellationToken ct) => m.Send(new ListMySubstituteCandidates(), ct))
            .WithSummary("Who may cover me while I am away");
        mine.MapPost("", (IMediator m, SubstitutionBody body, CancellationToken ct) =>
                m.Send(new SetMySubstitute(body.SubstituteUserId, body.From, body.To, body.Reason), ct))
            .WithSummary("Name my substitute for a date range");
        mine.MapPost("/{id}/revoke", (IMediator m, Guid id, CancellationToken ct) => m.Send(new RevokeSubstitution(id), ct))
            .WithSummary("End a substitution now (the person away, whoever set it, or an administrator)");

        var admin = api.MapGroup("/admin/substitutions").WithTags("Substitutes").RequireAuthorization(Policies.Administrator);
        admin.MapGet("", (IMediator m, CancellationToken ct) => m.Send(new ListSubstitutions(), ct))
            .WithSummary("Every current or upcoming substitution");
        admin.MapGet("/candidates", (IMediator m, Guid principalUserId, CancellationToken ct) => m.Send(new ListSubstituteCandidates(principalUserId), ct))
            .WithSummary("Who may cover a given person");
        admin.MapPost("", (IMediator m, SubstitutionForBody body, CancellationToken ct) =>
                m.Send(new SetSubstituteFor(body.PrincipalUserId, body.SubstituteUserId, body.From, body.To, body.Reason), ct))
            .WithSummary("Name a substitute for someone");
    }
}
