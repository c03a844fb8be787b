using Commendations.Common.Telemetry;
using Npgsql;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Quartz.Diagnostics;

namespace Commendations.Web.Hosting;

/// <summary>
/// OpenTelemetry for the host (docs/operations.md, "Telemetry"): metrics always (the app's meter, Quartz's, Npgsql's,
/// ASP.NET Core's, the HTTP client's and the runtime's), scraped at <c>/metrics</c> (<see cref="TelemetryScrapeGuard"/>)
/// and pushed over OTLP when an endpoint is configured; traces — HTTP request → use case → database, and each Quartz
/// firing → its use cases → database — when an OTLP endpoint is configured or <c>Telemetry:Traces:Enabled</c> is true,
/// so a node with nowhere to send spans does not record them.
/// </summary>
public static class TelemetrySetup
{
    public const string ServiceName = "commendations";

    public static WebApplicationBuilder AddCommendationsTelemetry(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.Logging.UseCommendationsLogFormat(configuration, builder.Environment);
        var otlp = OtlpEndpoint(configuration);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(ServiceName, serviceInstanceId: Environment.MachineName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(AppTelemetry.Name, QuartzInstrumentation.MeterName)
                    .AddNpgsqlInstrumentation()
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddPrometheusExporter();
                if (otlp is not null)
                    metrics.AddOtlpExporter(o => o.Endpoint = otlp);
            });
        if (otlp is not null || configuration.GetValue("Telemetry:Traces:Enabled", false))
        {
            telemetry.WithTracing(tracing =>
            {
                tracing.AddSource(AppTelemetry.Name, QuartzInstrumentation.ActivitySourceName)
                    .SetSampler(new ParentBasedSampler(new RootClientSpansDropped()))
                    .AddAspNetCoreInstrumentation(o => o.Filter = http => !TelemetryScrapeGuard.IsQuiet(http.Request.Path))
                    .AddHttpClientInstrumentation()
                    .AddNpgsql();
                if (otlp is not null)
                    tracing.AddOtlpExporter(o => o.Endpoint = otlp);
            });
        }
        builder.Services.Configure<TelemetryScrapeOptions>(configuration.GetSection(TelemetryScrapeOptions.Section));
        builder.Services.Configure<Features.Operations.OperationsFiguresOptions>(configuration.GetSection(Features.Operations.OperationsFiguresOptions.Section));
        return builder;
    }

    /// <summary><c>OpenTelemetry:Otlp:Endpoint</c>, else the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (read from the environment).</summary>
    public static Uri? OtlpEndpoint(IConfiguration configuration)
    {
        var endpoint = configuration["OpenTelemetry:Otlp:Endpoint"];
        if (string.IsNullOrWhiteSpace(endpoint))
            endpoint = configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (string.IsNullOrWhiteSpace(endpoint))
            return null;
        return Uri.TryCreate(endpoint, UriKind.Absolute, out var uri)
            ? uri
            : throw new InvalidOperationException($"OpenTelemetry:Otlp:Endpoint is not an absolute URL: '{endpoint}'.");
    }

    /// <summary>
    /// The Prometheus scrape endpoint, after authentication (an administrator's session is one way in, the scrape token the other).
    /// </summary>
    public static WebApplication UseTelemetryScrapeEndpoint(this WebApplication app)
    {
        // The meter and its gauges exist from the start, not from the first sign-in or action that needs the counters.
        app.Services.GetRequiredService<OperationsMetrics>();
        app.UseOpenTelemetryPrometheusScrapingEndpoint(meterProvider: null,
            predicate: http => http.Request.Path == TelemetryScrapeGuard.Path, path: null,
            configureBranchedPipeline: branch => branch.UseMiddleware<TelemetryScrapeGuard>(), optionsName: null);
        return app;
    }
}

/// <summary>
/// A database command or HTTP call with no request or job around it (Quartz's polling of its tables, the outbox dispatcher's
/// checks) would each be a trace of one span, many per second per node: those roots are not recorded. Everything under a
/// request, a job firing or a use case is (the parent decides, <see cref="ParentBasedSampler"/>).
/// </summary>
internal sealed class RootClientSpansDropped : Sampler
{
    public override SamplingResult ShouldSample(in SamplingParameters parameters) =>
        new(parameters.Kind == System.Diagnostics.ActivityKind.Client ? SamplingDecision.Drop : SamplingDecision.RecordAndSample);
}
