using System.Threading.RateLimiting;
using Commendations.Common.Text;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Commendations.Web.Auth;

/// <summary>
/// ASP.NET Core's rate limiter on the sign-in endpoints (<see cref="SignInEndpointAttribute"/>): per client address and per
/// account name (<see cref="SignInLimits"/>), fixed windows, no queueing. A refusal is 429 with Retry-After: a ProblemDetails
/// with code <c>rate-limited</c> for the API, the sign-in form with the sentence for the page.
/// </summary>
public static class SignInRateLimiting
{
    /// <summary>Set for the sign-in page when the limiter refused it: the page then shows the form with this message.</summary>
    public const string RefusalItem = "Commendations.SignIn.Refusal";

    public static IServiceCollection AddSignInRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<SignInLimits>, SignInThrottle>((options, limits, throttle) =>
        {
            // Address first: a request refused for its address takes nothing from the account's allowance.
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(ByAddress(limits.Value), ByAccount(limits.Value, throttle));
            options.OnRejected = RejectAsync;
        });
        return services;
    }

    /// <summary>After authorisation, so a refused sign-in page renders as it would have (the limiter then calls it, see below).</summary>
    public static WebApplication UseSignInRateLimiting(this WebApplication app)
    {
        // Only sign-in requests are limited (every other request would get the limiters' no-limit lease): the rest of the
        // API does not pay for two partitioned limiters and their leases on every call.
        app.UseWhen(SignInEndpoint.Is, signIn =>
        {
            signIn.UseMiddleware<SignInEndpoint>();
            signIn.UseRateLimiter();
        });
        return app;
    }

    private static PartitionedRateLimiter<HttpContext> ByAddress(SignInLimits limits) =>
        PartitionedRateLimiter.Create<HttpContext, string>(http => SignInEndpoint.Is(http)
            ? RateLimitPartition.GetFixedWindowLimiter("address:" + ClientAddress.Of(http), _ => Window(limits.PermitsPerIp, limits.Window))
            : RateLimitPartition.GetNoLimiter(""));

    /// <summary>
    /// An address already blocked for this name (<see cref="SignInThrottle"/>) is answered by the endpoint at no cost and is
    /// not counted here: otherwise one attacker's address could use up the account's allowance and keep its owner out.
    /// </summary>
    private static PartitionedRateLimiter<HttpContext> ByAccount(SignInLimits limits, SignInThrottle throttle) =>
        PartitionedRateLimiter.Create<HttpContext, string>(http =>
            SignInEndpoint.Is(http) && SignInEndpoint.AccountName(http) is { } name && throttle.RetryAfter(ClientAddress.Of(http), name) is null
                ? RateLimitPartition.GetFixedWindowLimiter("account:" + name, _ => Window(limits.PermitsPerAccount, limits.Window))
                : RateLimitPartition.GetNoLimiter(""));

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) =>
        new() { PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true };

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
            ? wait
            : http.RequestServices.GetRequiredService<IOptions<SignInLimits>>().Value.Window;
        http.Response.Headers.RetryAfter = SignInMessages.Seconds(retryAfter).ToString();
        var message = SignInMessages.RateLimited(retryAfter);
        if (ApiPaths.IsApi(http.Request) || http.GetEndpoint()?.RequestDelegate is not { } page)
        {
            await TooManyRequests(message, "rate-limited").ExecuteAsync(http);
            return;
        }
        // The browser gets its form back with the sentence in it, not a bare error page: the page reads this item and
        // shows it instead of signing in (nothing else runs: no password is checked).
        http.Items[RefusalItem] = message;
        await page(http);
    }

    public static IResult TooManyRequests(Message message, string code) => TypedResults.Problem(
        statusCode: StatusCodes.Status429TooManyRequests,
        title: new Message("Quá nhiều lần đăng nhập.").Format(),
        detail: message.Format(),
        extensions: new Dictionary<string, object?> { ["code"] = code });
}
