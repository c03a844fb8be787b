using Commendations.Common.Security;
using Commendations.Seeding;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Commendations.Testing;

/// <summary>
/// The application's use cases over a fresh seeded database, with a hand-moved clock: send any command as any demo
/// account, exactly as the web host would after authentication.
/// </summary>
public class LifecycleHarness : DatabaseFixture
{
    private ServiceProvider? _services;
    private Dictionary<string, (Guid UserId, Guid UnitId)> _directory = [];

    public TestClock Clock { get; } = new(TestClock.At(2026, 12, 1));

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _services = new ServiceCollection()
            .AddLogging()
            .AddCommendations(ConnectionString, demoScopes: true)
            .AddTestAuditKey()
            .AddSingleton<TimeProvider>(Clock)
            .AddScoped<CurrentUserHolder>()
            .AddScoped<ICurrentUser>(sp => sp.GetRequiredService<CurrentUserHolder>().User)
            .BuildServiceProvider();
        await using var db = CreateDbContext();
        _directory = await db.Users.ToDictionaryAsync(u => u.UserName!, u => (u.Id, u.UnitId ?? Guid.Empty));
    }

    public override async Task DisposeAsync()
    {
        if (_services is not null)
            await _services.DisposeAsync();
        await base.DisposeAsync();
    }

    /// <summary>The application's services, e.g. to give a test the signing certificates a host would configure.</summary>
    public IServiceProvider Services => _services!;

    public FixedCurrentUser User(DemoAccounts.Account account) => TestUsers.For(account, _directory);

    public Guid UserId(DemoAccounts.Account account) => _directory[account.UserName].UserId;

    public async Task<T> Send<T>(DemoAccounts.Account account, IRequest<T> request) => await Send(User(account), request);

    /// <summary>
    /// Issues a decision on its own date: a decision cannot be dated after the day it is signed, so the clock moves to
    /// that day (09:00, Vietnam) first when it is earlier.
    /// </summary>
    public Task<Features.Decisions.DecisionIssued> SendOnDecisionDay(DemoAccounts.Account account, Features.Decisions.IssueDecision decision)
    {
        var signedAt = TestClock.At(decision.Date.Year, decision.Date.Month, decision.Date.Day);
        if (Clock.GetUtcNow() < signedAt)
            Clock.Set(signedAt);
        return Send(account, decision);
    }

    public async Task<T> Send<T>(ICurrentUser user, IRequest<T> request)
    {
        await using var scope = _services!.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUserHolder>().User = user;
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }
}
