using Commendations.Common.Security;
using Commendations.Domain.Campaigns;
using Commendations.Domain.Catalog;
using Commendations.Domain.Users;
using Commendations.Features.Nominations;
using Commendations.Persistence;
using Commendations.Seeding;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Commendations.Benchmarks.EndToEnd;

/// <summary>Who a use case runs as, set per scope (a request's signed-in user, without HTTP).</summary>
public sealed class CurrentUserSlot
{
    public ICurrentUser? User { get; set; }
}

public sealed record BenchUser(Guid Id, string UserName, string DisplayName, Guid? UnitId, string Role)
{
    public ICurrentUser AsCurrentUser() => new FixedCurrentUser(Id, DisplayName, new HashSet<string> { Role }, UnitId, "127.0.0.1");
}

/// <summary>
/// One application database of the benchmark cluster: migrated, reference data imported, DOMAIN.md's demo data seeded
/// (exactly as the tests' template), plus what a benchmark needs — a campaign whose dossier window is open today, and
/// as many committee members in <c>bcd-qcdc</c> as there are concurrent clients.
/// </summary>
public sealed class AppDatabase : IAsyncDisposable
{
    public const string BenchCampaignCode = "BENCH-OPEN";
    public static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();

    private AppDatabase(string name, string connectionString, ServiceProvider services)
    {
        Name = name;
        ConnectionString = connectionString;
        Services = services;
    }

    public string Name { get; }
    public string ConnectionString { get; }

    /// <summary>The application's own services (AddCommendations) with a per-scope current user.</summary>
    public ServiceProvider Services { get; }

    /// <summary>What EF sent while <see cref="SqlCapture.Enabled"/> (only when created with captureSql).</summary>
    public SqlCapture Capture => Services.GetRequiredService<SqlCapture>();

    public static async Task<AppDatabase> CreateAsync(BenchCluster cluster, string name, bool captureSql = false)
    {
        cluster.CreateDatabase(name);
        var connectionString = cluster.ConnectionString(name);
        var collection = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<SqlCapture>()
            .AddScoped<CurrentUserSlot>()
            .AddScoped<ICurrentUser>(sp => sp.GetRequiredService<CurrentUserSlot>().User ?? FixedCurrentUser.System)
            .AddCommendations(connectionString, demoScopes: true)
            .Configure<Commendations.Audit.AuditKeyOptions>(o => o.HeadKey = WebProcess.AuditHeadKey);
        if (captureSql)
            collection.ConfigureDbContext<CommendationsDbContext>((sp, options) => options.AddInterceptors(sp.GetRequiredService<SqlCapture>()));
        var services = collection.BuildServiceProvider();
        await DatabaseInitializer.MigrateAsync(services);
        await DatabaseInitializer.ImportReferenceDataAsync(services, Path.Combine(RepositoryRoot, "workflows"));
        await DatabaseInitializer.SeedDemoDataAsync(services);
        // The app's own background services outside scheduling: the reference-data listener that lets the engine's
        // calendar and committees be cached, as in the web process.
        foreach (var hosted in services.GetServices<IHostedService>())
            await hosted.StartAsync(default);
        return new AppDatabase(name, connectionString, services);
    }

    public CommendationsDbContext NewDbContext() =>
        new(new DbContextOptionsBuilder<CommendationsDbContext>().UseCommendationsDatabase(ConnectionString).Options);

    /// <summary>Sends a use case as <paramref name="user"/> in a scope of its own, like one HTTP request.</summary>
    public async Task<T> SendAs<T>(BenchUser user, IRequest<T> request)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUserSlot>().User = user.AsCurrentUser();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    public async Task<BenchUser> UserAsync(string userName)
    {
        await using var db = NewDbContext();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName);
        var role = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == user.Id select r.Name).FirstAsync();
        return new BenchUser(user.Id, user.UserName!, user.DisplayName, user.UnitId, role!);
    }

    /// <summary>
    /// A campaign of the benchmark's own whose dossier window contains today (Vietnam date), routed like PT-2026-QCDC
    /// (certificate of merit, <c>bang-khen-chuyen-de</c>), so submissions succeed whatever the date of the run.
    /// </summary>
    public async Task<Guid> EnsureOpenCampaignAsync(string code = BenchCampaignCode)
    {
        await using var db = NewDbContext();
        var existing = await db.Campaigns.SingleOrDefaultAsync(c => c.Code == code);
        if (existing is not null)
            return existing.Id;
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).DateTime);
        var merit = await db.AwardForms.SingleAsync(a => a.Code == DemoCatalog.CertificateOfMerit);
        var campaign = new Campaign(code, "Phong trào thi đua dùng cho đo hiệu năng", CampaignType.Thematic,
            new DateOnly(today.Year, 1, 1), new DateOnly(today.Year, 12, 31), today.AddDays(-30), today.AddDays(60));
        campaign.Allow(merit.Id, "bang-khen-chuyen-de", null, null);
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync();
        return campaign.Id;
    }

    /// <summary>
    /// The steering committee's members in rank order, adding <c>bench.memberN</c> accounts (committee members of the
    /// mass-mobilisation board, demo password) until there are <paramref name="count"/>.
    /// </summary>
    public async Task<IReadOnlyList<BenchUser>> EnsureCommitteeMembersAsync(int count)
    {
        await using (var scope = Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CommendationsDbContext>();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var committee = await db.Committees.SingleAsync(c => c.Code == DemoCatalog.SteeringCommittee);
            var unitId = await db.Units.Where(u => u.Code == DemoUnits.MassMobilisation).Select(u => u.Id).SingleAsync();
            for (var rank = committee.Members.Count + 1; rank <= count; rank++)
            {
                var user = new AppUser
                {
                    UserName = $"bench.member{rank}",
                    Email = $"bench.member{rank}@lamgiang.example",
                    EmailConfirmed = true,
                    DisplayName = $"Thành viên đo hiệu năng {rank}",
                    Title = "Ủy viên",
                    UnitId = unitId,
                    IsDemo = true,
                };
                Check(await users.CreateAsync(user, DemoAccounts.Password));
                Check(await users.AddToRoleAsync(user, Roles.CommitteeMember));
                committee.AddMember(user.Id, "Ủy viên");
            }
            await db.SaveChangesAsync();
        }
        await using var read = NewDbContext();
        var ordered = (await read.Committees.AsNoTracking().SingleAsync(c => c.Code == DemoCatalog.SteeringCommittee)).MembersInOrder();
        var members = new List<BenchUser>();
        foreach (var id in ordered.Take(count))
        {
            var name = await read.Users.Where(u => u.Id == id).Select(u => u.UserName!).SingleAsync();
            members.Add(await UserAsync(name));
        }
        return members;
    }

    /// <summary>
    /// Nominations sent to the committee through the use cases (create, two documents, submit: four transactions each),
    /// <paramref name="parallelism"/> at a time. Returns the elapsed time.
    /// </summary>
    public async Task<TimeSpan> SubmitNominationsAsync(BenchUser officer, Guid campaignId, int count, int parallelism, TextWriter log)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var done = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (i, _) =>
        {
            var id = await SendAs(officer, new CreateNomination(campaignId, DemoCatalog.CertificateOfMerit, NomineeKind.Collective, null,
                new CollectiveInput($"Tập thể đo hiệu năng {i + 1}", 40 + i % 20, 20, 30), "Hoàn thành xuất sắc nhiệm vụ năm."));
            await SendAs(officer, new AddDocument(id, DocumentKind.SubmissionLetter, "to-trinh.pdf", Pdf));
            await SendAs(officer, new AddDocument(id, DocumentKind.AchievementReport, "bao-cao.pdf", Pdf));
            await SendAs(officer, new SubmitNomination(id, "Kính trình."));
            var n = Interlocked.Increment(ref done);
            if (n % 250 == 0)
                log.WriteLine($"  {n}/{count} nominations submitted ({n / watch.Elapsed.TotalSeconds:F0}/s)");
        });
        return watch.Elapsed;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Commendations.sln")))
                    return dir.FullName;
            }
            throw new InvalidOperationException("Commendations.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var hosted in Services.GetServices<IHostedService>())
            await hosted.StopAsync(default);
        await Services.DisposeAsync();
    }
}
