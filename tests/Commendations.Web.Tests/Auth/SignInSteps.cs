using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Commendations.Persistence;
using Commendations.Web.Auth;
using Commendations.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Commendations.Web.Tests.Auth;

/// <summary>What the sign-in, session and throttling tests do over HTTP, from a chosen client address.</summary>
internal static class SignInSteps
{
    /// <summary>The language cookie the header's switch sets (the API honours it too).</summary>
    public const string EnglishCookie = ".AspNetCore.Culture=c%3Den-US%7Cuic%3Den-US";

    public static Task<HttpResponseMessage> LoginFrom(this WebApplicationFactory<Program> app, string address, string userName, string password,
        bool english = false)
    {
        var client = app.AnonymousClient().From(address);
        if (english)
            client.DefaultRequestHeaders.Add("Cookie", EnglishCookie);
        return client.PostAsJsonAsync("/api/auth/login", new { userName, password });
    }

    /// <summary>A bearer client and a cookie client of the same user, each signed in afresh.</summary>
    public static async Task<(HttpClient Bearer, HttpClient Cookie, string RefreshToken)> SignInBothWaysAsync(
        this WebApplicationFactory<Program> app, string userName, string password)
    {
        var tokens = await app.LoginAsync(userName, password);
        var bearer = app.AnonymousClient();
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        var cookie = await app.CookieClientAsync(userName, password);
        return (bearer, cookie, tokens.RefreshToken);
    }

    /// <summary>A client carrying the sign-in cookie only (set by hand, so it can be sent to another node too).</summary>
    public static async Task<HttpClient> CookieClientAsync(this WebApplicationFactory<Program> app, string userName, string password)
    {
        var login = await app.AnonymousClient().FromOwnPages().PostAsJsonAsync("/api/auth/login", new { userName, password, useCookie = true });
        login.StatusCode.Should().Be(HttpStatusCode.NoContent, await login.Content.ReadAsStringAsync());
        return app.WithCookie(SignInCookie(login));
    }

    public static string SignInCookie(HttpResponseMessage login) =>
        login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(AuthSetup.CookieName + "=")).Split(';')[0];

    public static HttpClient WithCookie(this WebApplicationFactory<Program> app, string cookie)
    {
        var client = app.AnonymousClient();
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    public static HttpClient WithBearer(this WebApplicationFactory<Program> app, string accessToken)
    {
        var client = app.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    public static async Task<HttpStatusCode> MeStatus(this HttpClient client) => (await client.GetAsync("/api/auth/me")).StatusCode;

    /// <summary>
    /// Polls a condition that another node learns by PostgreSQL NOTIFY (delivered a few milliseconds after the commit):
    /// within <paramref name="seconds"/>, far below any cache lifetime, or the test fails.
    /// </summary>
    public static async Task Soon(Func<Task<bool>> condition, string what, double seconds = 2)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed.TotalSeconds > seconds)
                throw new Xunit.Sdk.XunitException($"Not within {seconds} s: {what}");
            await Task.Delay(20);
        }
    }

    public static async Task<Guid> UserIdAsync(this WebApplicationFactory<Program> app, string userName)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommendationsDbContext>();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }

    public static async Task<string?> SecurityStampAsync(this WebApplicationFactory<Program> app, string userName)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommendationsDbContext>();
        return await db.Users.AsNoTracking().Where(u => u.UserName == userName).Select(u => u.SecurityStamp).SingleAsync();
    }

    /// <summary>A problem body without its per-request trace id, to compare two answers.</summary>
    public static async Task<string> ProblemWithoutTrace(HttpResponseMessage response)
    {
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        body.Remove("traceId");
        return body.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }
}
