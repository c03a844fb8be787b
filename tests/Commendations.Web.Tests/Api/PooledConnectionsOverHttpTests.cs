using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Commendations.Seeding;
using Commendations.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Npgsql;

namespace Commendations.Web.Tests.Api;

/// <summary>The web host with a pool of two database connections, so each request reuses the last one's.</summary>
public sealed class TwoConnectionApiFactory : ApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ConnectionStrings:Commendations",
            new NpgsqlConnectionStringBuilder(ConnectionString) { MaxPoolSize = 2 }.ConnectionString);
    }
}

/// <summary>
/// A search PostgreSQL refuses (a NUL byte reaches it; an edge filter may stop it one day, but this must hold without one)
/// never turns another user's ordinary search into a 500 on the same pooled connection.
/// </summary>
public class PooledConnectionsOverHttpTests(TwoConnectionApiFactory app) : IClassFixture<TwoConnectionApiFactory>
{
    private const int Rounds = 150;

    [Fact]
    public async Task Searches_refused_by_the_database_never_break_another_users_next_search()
    {
        var attacker = await app.As(DemoAccounts.OfficerTanHoa);
        var other = await app.As(DemoAccounts.OfficerDongXuyen);
        var nominations = await TotalCount(other, "/api/nominations?search=x%C3%A3");
        var registry = await TotalCount(other, "/api/registry?person=Nguy%E1%BB%85n");

        var unexpected = new List<string>();
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var refused in new[] { "/api/nominations?search=x%C3%A3%00", "/api/registry?person=Nguy%E1%BB%85n%00" })
            {
                var response = await attacker.GetAsync(refused);
                if (response.IsSuccessStatusCode)
                    unexpected.Add($"round {round}: {refused} answered {(int)response.StatusCode}");
            }
            foreach (var (ordinary, expected) in new[] { ("/api/nominations?search=x%C3%A3", nominations), ("/api/registry?person=Nguy%E1%BB%85n", registry) })
            {
                var response = await other.GetAsync(ordinary);
                if (response.StatusCode != HttpStatusCode.OK)
                    unexpected.Add($"round {round}: {ordinary} answered {(int)response.StatusCode}");
                else if ((await response.Content.ReadFromJsonAsync<JsonObject>())!["totalCount"]!.GetValue<int>() != expected)
                    unexpected.Add($"round {round}: {ordinary} counted differently");
            }
        }

        unexpected.Should().BeEmpty();
    }

    private static async Task<int> TotalCount(HttpClient client, string url) =>
        (await client.GetFromJsonAsync<JsonObject>(url))!["totalCount"]!.GetValue<int>();
}
