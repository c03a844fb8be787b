using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;

namespace Commendations.Web.Auth;

/// <summary>
/// Marks the endpoints that check a password or a refresh token (API login and refresh, the sign-in page): their POSTs
/// are counted by the sign-in rate limits (<see cref="SignInRateLimiting"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class SignInEndpointAttribute : Attribute
{
}

/// <summary>
/// Reads the account name of a sign-in request before the rate limiter, which partitions by it but cannot read a body
/// itself: the JSON body is buffered and rewound for the endpoint, the page's form is read once and kept by the framework.
/// </summary>
internal sealed class SignInEndpoint(RequestDelegate next)
{
    /// <summary>A sign-in body is a name and a password: the server refuses anything larger (413) where it lets us say so (Kestrel).</summary>
    private const long MaxBodyBytes = 16 * 1024;

    private const string AccountNameItem = "Commendations.SignIn.AccountName";

    public static bool Is(HttpContext http) =>
        HttpMethods.IsPost(http.Request.Method) && http.GetEndpoint()?.Metadata.GetMetadata<SignInEndpointAttribute>() is not null;

    /// <summary>The account name as counted: names differ only by case or surrounding spaces sign in to the same account.</summary>
    public static string NormaliseName(string userName) => userName.Trim().ToUpperInvariant();

    public static string? AccountName(HttpContext http) => http.Items[AccountNameItem] as string;

    public async Task InvokeAsync(HttpContext http)
    {
        if (Is(http))
        {
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
                size.MaxRequestBodySize = MaxBodyBytes;
            http.Items[AccountNameItem] = await ReadNameAsync(http.Request);
        }
        await next(http);
    }

    private static async Task<string?> ReadNameAsync(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            try
            {
                var form = await request.ReadFormAsync();
                return Normalise(form.FirstOrDefault(f => f.Key.Equals("UserName", StringComparison.OrdinalIgnoreCase)).Value.ToString());
            }
            catch (InvalidDataException)
            {
                return null; // a malformed form: the page's model binding answers it
            }
        }
        if (!request.HasJsonContentType())
            return null;
        request.EnableBuffering();
        try
        {
            using var body = await JsonDocument.ParseAsync(request.Body);
            return body.RootElement.ValueKind == JsonValueKind.Object
                ? body.RootElement.EnumerateObject().Where(p => p.Name.Equals("userName", StringComparison.OrdinalIgnoreCase))
                    .Select(p => p.Value.ValueKind == JsonValueKind.String ? Normalise(p.Value.GetString()) : null).FirstOrDefault()
                : null;
        }
        catch (JsonException)
        {
            return null; // the endpoint answers the malformed body
        }
        finally
        {
            request.Body.Position = 0;
        }
    }

    private static string? Normalise(string? name) => string.IsNullOrWhiteSpace(name) ? null : NormaliseName(name);
}
