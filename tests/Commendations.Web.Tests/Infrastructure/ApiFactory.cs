using System.Net.Http.Headers;
using Commendations.Common.Security;
using Commendations.Seeding;
using Commendations.Testing;
using MediatR;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Commendations.Web.Tests.Infrastructure;

/// <summary>The web host with a hand-moved clock (01/12/2026 09:00, inside PT-2026-QCDC's dossier window).</summary>
public class ApiFactory : AppFactory
{
    private readonly Dictionary<string, string> _tokens = [];

    public TestClock Clock { get; } = new(TestClock.At(2026, 12, 1));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>A client signed in with a bearer token issued at the current test time.</summary>
    public async Task<HttpClient> As(DemoAccounts.Account account)
    {
        var key = $"{account.UserName}@{Clock.GetUtcNow():O}";
        if (!_tokens.TryGetValue(key, out var token))
            _tokens[key] = token = (await this.LoginAsync(account.UserName, DemoAccounts.Password)).AccessToken;
        var client = this.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Runs a use case as the scheduler would: outside any request, as the system.</summary>
    public async Task<T> AsSystem<T>(IRequest<T> request)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ICurrentUser>().UserId.Should().Be(FixedCurrentUser.SystemUserId);
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }
}
