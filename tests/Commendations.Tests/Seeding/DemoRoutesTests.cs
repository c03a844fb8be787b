using Commendations.Common.Time;
using Commendations.Domain.Nominations;
using Commendations.Domain.Workflows;
using Commendations.Seeding;
using Commendations.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Commendations.Tests.Seeding;

/// <summary>
/// The demo shows what a reviewer meets on a working day: past awards in the registry, several units' dossiers at
/// different stages, a return with its reason and a task left overdue — written by the real use cases at their instants.
/// </summary>
public class DemoRoutesTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static readonly DateTimeOffset Now = TestClock.At(2026, 12, 4, 10);

    [Fact]
    public async Task The_demo_story_is_replayed_once_through_the_use_cases_at_its_own_instants()
    {
        await using var services = new ServiceCollection().AddLogging().AddCommendations(database.ConnectionString, demoScopes: true).AddTestAuditKey()
            .AddSingleton<TimeProvider>(new ReplayClock(new TestClock(Now))).BuildServiceProvider();

        await DatabaseInitializer.SeedDemoRoutesAsync(services);

        await using var db = database.CreateDbContext();
        // The 2024 awards are in the registry under the decision signed then, recorded then.
        var awards = await db.AwardRecords.Where(a => a.DecisionNumber == "2856/QĐ-UBND").ToListAsync();
        awards.Select(a => a.NomineeName).Should().BeEquivalentTo(
            ["Chi hội Phụ nữ thôn Đông, xã Tân Hòa", "Tổ dân phố số 3, phường Đông Xuyên", "Lê Văn Cường"]);
        awards.Should().OnlyContain(a => a.DecisionDate == new DateOnly(2024, 12, 16) && a.RecordedAt.Year == 2024);

        var nominations = await db.Nominations.ToListAsync();
        nominations.Select(n => n.UnitId).Distinct().Should().HaveCount(3, "Tân Hòa, Đông Xuyên and the public service centre propose");
        nominations.Should().Contain(n => n.Status == NominationStatus.Returned)
            .And.Contain(n => n.Status == NominationStatus.Draft)
            .And.Contain(n => n.Status == NominationStatus.InReview);

        // The deputy head has not acted on Đông Xuyên's dossier since the standing member approved it: it is overdue.
        var deputy = await db.Users.SingleAsync(u => u.UserName == DemoAccounts.SteeringDeputyHead.UserName);
        (await db.Tasks.Where(t => t.Status == WorkflowTaskStatus.Open && t.AssigneeUserId == deputy.Id && t.DueAt < Now).CountAsync())
            .Should().BeGreaterThan(0);

        // The return's reason is in the audit trail, written by the standing member on the day he returned it.
        var returned = nominations.Single(n => n.Status == NominationStatus.Returned);
        var entries = await db.AuditEntries.Where(e => e.Stream == Commendations.Audit.AuditTrail.NominationStream(returned.Id)).ToListAsync();
        entries.Should().Contain(e => e.Comment != null && e.Comment.Contains("số liệu so sánh") && e.At >= TestClock.At(2026, 11, 17, 0) && e.At < TestClock.At(2026, 11, 18, 0));

        // Past their disclosure, the appraiser and the leader each have a dossier to act on today.
        foreach (var account in new[] { DemoAccounts.Appraiser, DemoAccounts.Leader })
        {
            await using var scope = services.CreateAsyncScope();
            var user = await db.Users.SingleAsync(u => u.UserName == account.UserName);
            using var actor = Commendations.Common.Security.StartupActor.Use(new Commendations.Common.Security.FixedCurrentUser(
                user.Id, account.DisplayName, new HashSet<string> { account.Role }, user.UnitId));
            (await scope.ServiceProvider.GetRequiredService<MediatR.IMediator>().Send(new Commendations.Features.Nominations.GetInbox()))
                .Should().NotBeEmpty($"{account.UserName} has work in the demo");
        }

        // A Prime Minister's certificate of merit waits for the commendation office to forward it upward.
        await using (var scope = services.CreateAsyncScope())
        {
            var appraiser = await db.Users.SingleAsync(u => u.UserName == DemoAccounts.Appraiser.UserName);
            using var actor = Commendations.Common.Security.StartupActor.Use(new Commendations.Common.Security.FixedCurrentUser(
                appraiser.Id, DemoAccounts.Appraiser.DisplayName, new HashSet<string> { DemoAccounts.Appraiser.Role }, appraiser.UnitId));
            var waiting = await scope.ServiceProvider.GetRequiredService<MediatR.IMediator>().Send(new Commendations.Features.Forwarding.ListForwardingQueue());
            waiting.Should().ContainSingle().Which.Should().BeEquivalentTo(new
            {
                NomineeName = "Đinh Văn Khải", AwardFormName = "Bằng khen của Thủ tướng Chính phủ", CampaignCode = DemoCatalog.CurrentRegularCampaign,
                WaitingSince = TestClock.At(2026, 11, 25), LastSendSucceeded = (bool?)null,
            }, o => o.ExcludingMissingMembers());
        }

        var count = nominations.Count;
        await DatabaseInitializer.SeedDemoRoutesAsync(services);
        (await db.Nominations.CountAsync()).Should().Be(count, "a database that has nominations is left as it is");
    }

    [Fact]
    public async Task Without_the_replay_clock_the_story_is_refused_rather_than_written_at_the_wrong_time()
    {
        await using var services = new ServiceCollection().AddLogging().AddCommendations(database.ConnectionString, demoScopes: true).AddTestAuditKey()
            .AddSingleton<TimeProvider>(new TestClock(Now)).BuildServiceProvider();

        var seeding = () => DatabaseInitializer.SeedDemoRoutesAsync(services);

        await seeding.Should().ThrowAsync<InvalidOperationException>();
    }
}
