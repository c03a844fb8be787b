using System.Globalization;
using Commendations.Domain.Disclosure;
using Commendations.Features.Disclosure;
using MediatR;
using Microsoft.AspNetCore.DataProtection;

namespace Commendations.Web.Api;

/// <summary>
/// Public disclosure: the public list and comment form (no sign-in, under <c>/api/public</c>), and the secretary's handling
/// of comments (signed in).
/// </summary>
public static class DisclosureEndpoints
{
    public sealed record CommentBody(string? AuthorName, string? Contact, string Text, bool IsComplaint = false, string? Website = null, string? FormToken = null);
    public sealed record HandlingBody(CommentKind Kind, string? Handling, bool Resolved);
    public sealed record FormToken(string Token);

    /// <summary>What a sender learns: received (also when the honeypot caught it) and the comment's id when one was stored.</summary>
    public sealed record CommentReceived(bool Received, Guid? CommentId);

    public static void MapDisclosureEndpoints(this RouteGroupBuilder api)
    {
        var open = api.MapGroup("/public").WithTags("Public disclosure").AllowAnonymous();
        open.MapGet("/disclosure", (IMediator m, CancellationToken ct) => m.Send(new ListDisclosureCampaigns(), ct))
            .WithSummary("Campaigns whose nominees are in public disclosure (no sign-in needed)");
        open.MapGet("/campaigns/{code}/disclosure", (IMediator m, string code, CancellationToken ct) => m.Send(new ListDisclosedNominees(code), ct))
            .WithSummary("A campaign's nominees in public disclosure, with what the law allows shown");
        open.MapGet("/disclosure/form-token", (IDataProtectionProvider protection, TimeProvider clock) =>
            new FormToken(DisclosureForm.Issue(protection, clock)))
            .WithSummary("A form token for one public comment (anti-automation)");
        open.MapPost("/nominations/{id:guid}/comments", async (IMediator m, HttpContext http, CommentRateLimiter limiter, IDataProtectionProvider protection,
            Guid id, CommentBody body, CancellationToken ct) =>
        {
            var ip = http.Connection.RemoteIpAddress?.ToString();
            if (!limiter.TryAcquire(ip))
                return TypedResults.Problem(new Common.Text.Message("Bạn đã gửi quá nhiều ý kiến; vui lòng thử lại sau.").Format(),
                    statusCode: StatusCodes.Status429TooManyRequests);
            var receipt = await m.Send(new SendDisclosureComment(id, body.AuthorName, body.Contact, body.Text ?? "", body.IsComplaint, body.Website,
                DisclosureForm.Read(protection, body.FormToken), ip), ct);
            // A honeypot hit looks like any success to the sender.
            return Results.Accepted(value: new CommentReceived(true, receipt.CommentId));
        })
            .Produces<CommentReceived>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Send a public comment on a disclosed nominee (rate-limited)");

        api.MapGet("/nominations/{id:guid}/disclosure-comments", (IMediator m, Guid id, CancellationToken ct) => m.Send(new ListDisclosureComments(id), ct))
            .WithTags("Public disclosure")
            .WithSummary("Public comments received on a nomination");
        api.MapPost("/disclosure-comments/{id:guid}/handling", (IMediator m, Guid id, HandlingBody body, CancellationToken ct) =>
            m.Send(new HandleDisclosureComment(id, body.Kind, body.Handling, body.Resolved), ct)).WithTags("Public disclosure")
            .WithSummary("Record how a public comment was handled");
    }
}

/// <summary>The comment form's token: when it was issued, signed by ASP.NET Core Data Protection so it cannot be forged.</summary>
public static class DisclosureForm
{
    private const string Purpose = "Commendations.Disclosure.CommentForm.v1";

    public static string Issue(IDataProtectionProvider protection, TimeProvider clock) =>
        protection.CreateProtector(Purpose).Protect(clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));

    /// <summary>When the form was issued, or null for a missing or tampered token.</summary>
    public static DateTimeOffset? Read(IDataProtectionProvider protection, string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
            return null;
        try
        {
            var text = protection.CreateProtector(Purpose).Unprotect(token);
            return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
