using System.Net;
using System.Net.Http.Json;
using Commendations.Domain.Notifications;
using Commendations.Seeding;
using Commendations.Persistence;
using Commendations.Web.Tests.Auth;
using Commendations.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Web.Tests.Scheduling;

public class NotificationApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private sealed record Item(Guid Id, string Kind, string Title, string Body, string? Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);
    private sealed record PageOf(List<Item> Items, int PageNumber, int PageSize, int TotalCount);
    private sealed record Unread(int Count);

    private async Task<Guid> SeedAsync(DemoAccounts.Account account, int count)
    {
        await using var db = new Persistence.CommendationsDbContext(
            new DbContextOptionsBuilder<Persistence.CommendationsDbContext>().UseCommendationsDatabase(app.ConnectionString).Options);
        var userId = await db.Users.Where(u => u.UserName == account.UserName).Select(u => u.Id).SingleAsync();
        var start = new DateTimeOffset(2026, 12, 4, 1, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < count; i++)
            db.Notifications.Add(new Notification(userId, NotificationKinds.TaskReminder, $"Nhắc hạn xử lý hồ sơ {i}", "Hạn xử lý: 17:00 ngày 08/12/2026.",
                "/nominations/x", null, $"test:{account.UserName}:{i}", start.AddMinutes(i), null));
        await db.SaveChangesAsync();
        return userId;
    }

    [Fact]
    public async Task A_user_pages_through_their_notifications_newest_first_and_marks_them_read()
    {
        await SeedAsync(DemoAccounts.SteeringDeputyHead, 3);
        await SeedAsync(DemoAccounts.SteeringHead, 1);
        var deputy = await app.ClientFor(DemoAccounts.SteeringDeputyHead);

        var page = await deputy.GetFromJsonAsync<PageOf>("/api/notifications?page=1&pageSize=2");
        page!.TotalCount.Should().Be(3);
        page.Items.Select(i => i.Title).Should().Equal("Nhắc hạn xử lý hồ sơ 2", "Nhắc hạn xử lý hồ sơ 1");
        (await deputy.GetFromJsonAsync<PageOf>("/api/notifications?page=2&pageSize=2"))!.Items.Select(i => i.Title).Should().Equal("Nhắc hạn xử lý hồ sơ 0");
        (await deputy.GetFromJsonAsync<Unread>("/api/notifications/unread-count"))!.Count.Should().Be(3);

        var read = await deputy.PostAsync($"/api/notifications/{page.Items[0].Id}/read", null);
        (await read.Content.ReadFromJsonAsync<Unread>())!.Count.Should().Be(2);
        (await deputy.PostAsync($"/api/notifications/{page.Items[0].Id}/read", null)).StatusCode.Should().Be(HttpStatusCode.OK, "reading twice is harmless");
        (await deputy.GetFromJsonAsync<PageOf>("/api/notifications?unreadOnly=true"))!.TotalCount.Should().Be(2);

        (await deputy.PostAsync("/api/notifications/read-all", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await deputy.GetFromJsonAsync<Unread>("/api/notifications/unread-count"))!.Count.Should().Be(0);
        (await (await app.ClientFor(DemoAccounts.SteeringHead)).GetFromJsonAsync<Unread>("/api/notifications/unread-count"))!.Count.Should().Be(1,
            "marking all read touches only the caller's own");
    }

    [Fact]
    public async Task Someone_elses_notification_is_not_found_and_bad_paging_is_a_field_error()
    {
        await SeedAsync(DemoAccounts.Appraiser, 1);
        var appraiser = await app.ClientFor(DemoAccounts.Appraiser);
        var theirs = (await appraiser.GetFromJsonAsync<PageOf>("/api/notifications"))!.Items.Single();

        var leader = await app.ClientFor(DemoAccounts.Leader);
        await (await leader.PostAsync($"/api/notifications/{theirs.Id}/read", null)).ShouldBeProblem(HttpStatusCode.NotFound);
        (await leader.GetFromJsonAsync<PageOf>("/api/notifications"))!.Items.Should().BeEmpty();
        (await (await leader.GetAsync("/api/notifications?pageSize=1000")).ShouldBeValidationProblem()).Errors.Should().ContainKey("pageSize");
        await (await app.AnonymousClient().GetAsync("/api/notifications/unread-count")).ShouldBeProblem(HttpStatusCode.Unauthorized);
    }
}
