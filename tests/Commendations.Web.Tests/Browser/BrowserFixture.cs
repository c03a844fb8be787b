using Commendations.Common.Security;
using Commendations.Persistence;
using Commendations.Seeding;
using Commendations.Testing;
using Commendations.Web.Auth;
using Commendations.Web.Tests.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Commendations.Web.Tests.Browser;

/// <summary>
/// The app on a real port (Kestrel) over the class's fresh seeded database, and Debian's Chromium driven by Playwright.
/// Each user gets their own browser context (cookies), as people on different machines would.
/// Set-up steps a test does not show in the browser go through the use cases as a chosen demo account (<see cref="SendAs{T}"/>).
/// </summary>
public class BrowserFixture : AppFactory, IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private Dictionary<string, (Guid UserId, Guid UnitId)> _directory = [];

    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium was not started.");

    /// <summary>The clock of the app; tests that move time register a <see cref="TestClock"/> (see <see cref="DecisionBrowserFixture"/>).</summary>
    protected virtual TimeProvider? Clock => null;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            if (Clock is { } clock)
                services.AddSingleton(clock);
            // Inside a request: the signed-in user. In a test's own scope: the account it acts as (or the system).
            services.AddScoped<CurrentUserHolder>();
            services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<IHttpContextAccessorProbe>().HasRequest
                ? HttpCurrentUser.Resolve(sp)
                : sp.GetRequiredService<CurrentUserHolder>().User);
            services.AddScoped<IHttpContextAccessorProbe, HttpContextAccessorProbe>();
        });
    }

    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        if (!Chromium.IsInstalled && !Chromium.UnderCi)
            return; // every test of the class is skipped (BrowserFact)
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1").TrimEnd('/');
        await using (var db = CreateDbContext())
            _directory = await db.Users.ToDictionaryAsync(u => u.UserName!, u => (u.Id, u.UnitId ?? Guid.Empty));

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.ExecutablePath,
            Headless = true,
            Args = Chromium.Args,
        });
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (_browser is not null)
            await _browser.DisposeAsync();
        _playwright?.Dispose();
        await DisposeAsync();
    }

    public Commendations.Persistence.CommendationsDbContext CreateDbContext() =>
        new(new DbContextOptionsBuilder<Commendations.Persistence.CommendationsDbContext>().UseCommendationsDatabase(ConnectionString).Options);

    /// <summary>A use case sent inside the running app as a demo account (or the system), for set-up the test does not show.</summary>
    public async Task<T> SendAs<T>(DemoAccounts.Account? account, IRequest<T> request)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUserHolder>().User =
            account is null ? FixedCurrentUser.System : TestUsers.For(account, _directory);
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    /// <summary>A new browser session (own cookies), signed in through the sign-in page.</summary>
    public async Task<IPage> SignInAsync(DemoAccounts.Account account, bool acceptConfirmations = true)
    {
        var page = await NewPageAsync(acceptConfirmations);
        await page.GotoAsync("/dang-nhap");
        await page.GetByLabel("Tên đăng nhập").FillAsync(account.UserName);
        await page.GetByLabel("Mật khẩu").FillAsync(DemoAccounts.Password);
        await NextPage.AfterAsync(page, () => page.Locator("main button[type=submit]").ClickAsync());
        await Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/dang-nhap"));
        return page;
    }

    /// <summary>
    /// A page in a fresh context. Buttons that end something ask "are you sure?" first; by default the
    /// page answers yes (as a person who meant to click), a test of the question itself asks for false.
    /// </summary>
    public async Task<IPage> NewPageAsync(bool acceptConfirmations = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        context.SetDefaultTimeout(15_000);
        await CspViolations.WatchAsync(context);
        var page = await context.NewPageAsync();
        CspViolations.WatchPage(page);
        if (acceptConfirmations) page.Dialog += (_, dialog) => dialog.AcceptAsync();
        return page;
    }
}

/// <summary>Whether the current scope belongs to an HTTP request.</summary>
public interface IHttpContextAccessorProbe
{
    bool HasRequest { get; }
}

internal sealed class HttpContextAccessorProbe(Microsoft.AspNetCore.Http.IHttpContextAccessor accessor) : IHttpContextAccessorProbe
{
    public bool HasRequest => accessor.HttpContext is not null;
}
