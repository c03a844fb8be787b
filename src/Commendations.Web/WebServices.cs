using Commendations.Persistence;
using Commendations.Seeding;
using Commendations.Web.Api;
using Commendations.Web.Auth;
using Commendations.Web.Errors;
using Commendations.Web.Health;
using Commendations.Web.Hosting;
using Commendations.Web.Scheduling;
using Commendations.Web.Security;
using Commendations.Web.Ui;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Commendations.Web;

public static class WebServices
{
    public static IServiceCollection AddCommendationsWeb(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment,
        string connectionString, bool usingLocalDatabase)
    {
        var database = DatabaseSettings(configuration, environment, usingLocalDatabase);
        services.AddSingleton(database);
        services.AddCommendations(connectionString, demoScopes: database.SeedDemoData == true);
        services.AddCommendationsAuth();
        services.AddCommendationsWebSecurity(configuration);
        services.AddDefinitionPublishing(configuration);
        services.Configure<Commendations.Features.Repairs.RepairOptions>(configuration.GetSection("Repairs"));
        services.AddOptions<Commendations.Features.Documents.Signing.Pkcs12SigningOptions>()
            .Bind(configuration.GetSection(Commendations.Features.Documents.Signing.Pkcs12SigningOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.Configure<Commendations.Features.Documents.Signing.SignatureTrustOptions>(
            configuration.GetSection(Commendations.Features.Documents.Signing.Pkcs12SigningOptions.Section));
        services.Configure<Commendations.Features.Documents.Signing.SignatureTimestampOptions>(
            configuration.GetSection(Commendations.Features.Documents.Signing.Pkcs12SigningOptions.Section));
        // The demo signs out of the box in Development (demo certificates, for demonstration only): Hosting/DemoSigningCertificates.
        services.AddDemoSigningCertificates(configuration);
        services.AddOptions<Commendations.Features.Forwarding.ForwardingOptions>()
            .Bind(configuration.GetSection(Commendations.Features.Forwarding.ForwardingOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddCommendationsSchedulingHost(configuration, connectionString);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = Errors.ProblemCodes.Complete);
        services.AddOpenApi(o =>
        {
            o.AddSchemaTransformer(Contracts.StrictSchemas.Apply);
            o.AddOperationTransformer(Contracts.ProblemResponses.Apply);
        });
        // Binding failures (malformed JSON, unknown enum names) reach the one exception handler, which names the field.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        // Bodies are read strictly (required fields, no unknown fields, enums by name, no control characters).
        services.ConfigureHttpJsonOptions(o => Contracts.StrictJson.Apply(o.SerializerOptions));
        services.AddBrowserErrorPages();
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        services.AddCommendationsUi();
        // Background services (listener, dispatcher, mail, scheduler) start side by side: start-up waits for the slowest, not the sum.
        services.Configure<HostOptions>(o =>
        {
            o.ServicesStartConcurrently = true;
            o.ServicesStopConcurrently = true;
        });
        return services;
    }

    /// <summary>
    /// The section <c>Workflows</c>: four eyes by default outside Development (where the demo has one administrator);
    /// <c>Workflows:RequireSecondApproval</c> overrides either way.
    /// </summary>
    public static IServiceCollection AddDefinitionPublishing(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<Commendations.Workflow.WorkflowOptions>()
            .Configure<IHostEnvironment>((o, env) => o.RequireSecondApproval = !env.IsDevelopment())
            .Bind(configuration.GetSection(Commendations.Workflow.WorkflowOptions.Section));
        return services;
    }

    /// <summary>The section <c>Database</c> with its defaults for this environment filled in.</summary>
    public static DatabaseStartupOptions DatabaseSettings(IConfiguration configuration, IHostEnvironment environment, bool usingLocalDatabase) =>
        (configuration.GetSection(DatabaseStartupOptions.Section).Get<DatabaseStartupOptions>() ?? new DatabaseStartupOptions())
            .Resolve(environment.IsDevelopment(), usingLocalDatabase);

    public static WebApplication UseCommendationsWeb(this WebApplication app)
    {
        app.UseCommendationsWebSecurity();
        // Language next: the exception handler formats refusals (their messages) after the rest of the pipeline has
        // unwound, so it must itself run in the reader's language.
        app.UseRequestLocalization();
        app.UseErrorResponses();
        app.UseCommendationsUiStatics();
        app.UseMiddleware<Contracts.ControlCharacterGuard>();
        app.UseCommendationsAuth();
        app.UseTelemetryScrapeEndpoint();
        app.MapCommendationsApi();
        app.MapCommendationsUi();
        app.MapOpenApi("/api/openapi/{documentName}.json").AllowAnonymous();
        app.MapApiReference();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        return app;
    }

    /// <summary>Migrations run at start-up for the local database and when configured; production uses --migrate-only.</summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        var database = app.Services.GetRequiredService<DatabaseStartupOptions>();
        if (database.MigrateOnStartup == true)
            await DatabaseInitializer.MigrateAsync(app.Services);
        if (database.ImportReferenceData)
        {
            var workflowFolder = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Commendations.Workflow.WorkflowOptions>>().Value.Folder
                ?? Path.Combine(AppContext.BaseDirectory, "workflows");
            await DatabaseInitializer.ImportReferenceDataAsync(app.Services, workflowFolder);
        }
        if (database.SeedDemoData == true)
            await DatabaseInitializer.SeedDemoDataAsync(app.Services);
        if (database.SeedDemoRoutes == true)
            await DatabaseInitializer.SeedDemoRoutesAsync(app.Services);
    }

    /// <summary>
    /// The demo's nominations (several units' dossiers at different stages, an overdue task, the 2024 awards) are replayed
    /// through the use cases at their own instants, which needs the replay clock registered before the host is built.
    /// </summary>
    public static bool SeedsDemoRoutes(IConfiguration configuration, IHostEnvironment environment) =>
        DatabaseSettings(configuration, environment, usingLocalDatabase: false).SeedDemoRoutes == true;

    public static void AddDemoReplayClock(this IServiceCollection services) =>
        services.AddSingleton<TimeProvider>(new Common.Time.ReplayClock(TimeProvider.System));
}
