using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using Commendations.Seeding;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Commendations.Web.Tests.Infrastructure;

/// <summary>
/// HttpClients signed in with a bearer token: <c>var officer = await app.ClientFor(DemoAccounts.OfficerTanHoa);</c>.
/// Tokens are cached per factory and user (an access token lives an hour; signing in costs a password hash).
/// </summary>
public static class AuthenticatedClient
{
    private static readonly ConditionalWeakTable<WebApplicationFactory<Program>, ConcurrentDictionary<string, string>> Tokens = new();

    public static Task<HttpClient> ClientFor(this WebApplicationFactory<Program> app, DemoAccounts.Account account) =>
        app.ClientFor(account.UserName, DemoAccounts.Password);

    public static async Task<HttpClient> ClientFor(this WebApplicationFactory<Program> app, string userName, string password)
    {
        var tokens = Tokens.GetOrCreateValue(app);
        if (!tokens.TryGetValue(userName, out var token))
            tokens[userName] = token = (await app.LoginAsync(userName, password)).AccessToken;
        var client = app.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A client that does not follow redirects, so a redirect to a sign-in page would show.</summary>
    public static HttpClient AnonymousClient(this WebApplicationFactory<Program> app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>
    /// A browser on the app's own pages: keeps cookies, follows no redirects and sends the Origin header a browser adds
    /// to its POSTs (cookie-authenticated API calls without it are refused as cross-site).
    /// </summary>
    public static HttpClient BrowserClient(this WebApplicationFactory<Program> app)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Add("Origin", client.BaseAddress!.GetLeftPart(UriPartial.Authority));
        return client;
    }

    /// <summary>The client sends the Origin header of the app's own pages, as a browser does (cookie sign-in and writes need it).</summary>
    public static HttpClient FromOwnPages(this HttpClient client)
    {
        client.DefaultRequestHeaders.Add("Origin", client.BaseAddress!.GetLeftPart(UriPartial.Authority));
        return client;
    }

    /// <summary>A fresh sign-in (never cached): the access and refresh tokens.</summary>
    public static async Task<AccessTokenResponse> LoginAsync(this WebApplicationFactory<Program> app, string userName, string password)
    {
        using var client = app.AnonymousClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password });
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException(
                $"Signing in as {userName} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<AccessTokenResponse>())!;
    }
}
