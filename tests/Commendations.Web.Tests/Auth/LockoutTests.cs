using System.Net;
using System.Net.Http.Json;
using Commendations.Seeding;
using Commendations.Web.Tests.Infrastructure;
using Commendations.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Commendations.Web.Tests.Auth;

public class LockoutTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Five_failed_sign_ins_lock_the_account_even_against_the_right_password()
    {
        var client = app.AnonymousClient();
        var userName = DemoAccounts.OfficerServiceCentre.UserName;
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var failed = await (await client.PostAsJsonAsync("/api/auth/login", new { userName, password = $"Wrong@{attempt}" }))
                .ShouldBeProblem(HttpStatusCode.Unauthorized);
            failed.Code().Should().Be("invalid_credentials");
        }
        await (await client.PostAsJsonAsync("/api/auth/login", new { userName, password = "Wrong@5" })).ShouldBeProblem(HttpStatusCode.Unauthorized);

        var rightPassword = await (await client.PostAsJsonAsync("/api/auth/login", new { userName, password = DemoAccounts.Password }))
            .ShouldBeProblem(HttpStatusCode.Unauthorized);

        rightPassword.Code().Should().Be("locked_out");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommendationsDbContext>();
        var user = await db.Users.SingleAsync(u => u.UserName == userName);
        user.LockoutEnd.Should().BeAfter(DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task A_success_before_the_fifth_failure_resets_the_count()
    {
        var client = app.AnonymousClient();
        var userName = DemoAccounts.OfficerDongXuyen.UserName;
        for (var attempt = 1; attempt <= 4; attempt++)
            await client.PostAsJsonAsync("/api/auth/login", new { userName, password = "Wrong@2026" });
        (await client.PostAsJsonAsync("/api/auth/login", new { userName, password = DemoAccounts.Password })).StatusCode.Should().Be(HttpStatusCode.OK);

        for (var attempt = 1; attempt <= 4; attempt++)
            await client.PostAsJsonAsync("/api/auth/login", new { userName, password = "Wrong@2026" });

        (await client.PostAsJsonAsync("/api/auth/login", new { userName, password = DemoAccounts.Password })).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
