using Commendations.Seeding;
using Commendations.Web;
using Commendations.Web.Cli;
using Commendations.Web.Hosting;

if (args.FirstOrDefault() == ValidateWorkflowCommand.Name)
    return ValidateWorkflowCommand.Run(args[1..], Console.Out);

var startup = System.Diagnostics.Stopwatch.StartNew();
var builder = WebApplication.CreateBuilder(args);

// With no connection string configured, the app brings its own PostgreSQL (README: "Run").
var connectionString = builder.Configuration.GetConnectionString("Commendations");
using var localDatabase = string.IsNullOrWhiteSpace(connectionString)
    ? LocalDatabase.Start(
        builder.Configuration["LocalDatabase:Folder"] ?? Path.Combine(builder.Environment.ContentRootPath, ".data"),
        builder.Configuration["LocalDatabase:BinDirectory"],
        Console.Error)
    : null;
if (string.IsNullOrWhiteSpace(connectionString) && localDatabase is null)
    return 2;
connectionString = localDatabase?.ConnectionString ?? connectionString!;

builder.Services.AddCommendationsWeb(builder.Configuration, builder.Environment, connectionString, usingLocalDatabase: localDatabase is not null);
builder.AddCommendationsTelemetry();
builder.Services.AddAuditHeadKey(builder.Configuration, builder.Environment, localDatabase?.DataFolder);
if (WebServices.SeedsDemoRoutes(builder.Configuration, builder.Environment))
    builder.Services.AddDemoReplayClock();
var app = builder.Build();

if (args.Contains("--migrate-only"))
{
    await DatabaseInitializer.MigrateAsync(app.Services);
    Console.WriteLine("Migrations applied.");
    return 0;
}
if (args.FirstOrDefault() == CreateAdministratorCommand.Name)
    return await CreateAdministratorCommand.RunAsync(app.Services, args[1..], Console.Out);

var hostBuilt = startup.Elapsed;
await app.InitializeDatabaseAsync();
var databaseReady = startup.Elapsed;
app.UseCommendationsWeb();
app.Lifetime.ApplicationStarted.Register(() =>
{
    StartupBanner.Print(app, localDatabase);
    // Where start-up time goes (benchmark scenario 5 reads this line).
    app.Logger.LogInformation("Started in {Total:0} ms: host built {Built:0} ms, database initialised {Database:0} ms, services started {Started:0} ms",
        startup.Elapsed.TotalMilliseconds, hostBuilt.TotalMilliseconds, (databaseReady - hostBuilt).TotalMilliseconds,
        (startup.Elapsed - databaseReady).TotalMilliseconds);
});
// In Production, start-up is refused (DemoAccountsInProductionException) while demo accounts exist.
await app.RunAsync();
return 0;

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
