using System.Collections.Concurrent;
using System.Diagnostics;
using Commendations.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using OpenTelemetry.Exporter;
using OpenTelemetry.Trace;

namespace Commendations.Web.Tests.Telemetry;

/// <summary>
/// The web host with telemetry as an operator turns it on: traces recorded (kept in memory here instead of sent over OTLP),
/// a scrape token, JSON logs, and gauges read afresh at every scrape so a test sees the figures of the moment.
/// </summary>
public sealed class TelemetryFactory : ApiFactory
{
    public const string ScrapeToken = "scrape-token-for-the-tests-7f3a9c";

    public List<Activity> Spans { get; } = [];

    /// <summary>Each log line as the console writes it (its configured formatter, scopes included).</summary>
    public ConcurrentQueue<string> LogLines { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Telemetry:Traces:Enabled", "true");
        builder.UseSetting("Telemetry:Prometheus:ScrapeToken", ScrapeToken);
        builder.UseSetting("Telemetry:FiguresMaxAge", "00:00:00");
        builder.UseSetting("Logging:Format", "json");
        builder.ConfigureTestServices(services =>
        {
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans));
            services.Configure<PrometheusAspNetCoreOptions>(o => o.ScrapeResponseCacheDurationMilliseconds = 0);
            services.AddSingleton<ILoggerProvider>(sp => new ConsoleLinesCapture(sp, LogLines));
        });
    }

    /// <summary>The finished spans of one trace (a copy: the exporter adds to the list as spans end).</summary>
    public List<Activity> SpansOf(ActivityTraceId traceId)
    {
        lock (Spans)
            return Spans.Where(s => s.TraceId == traceId).ToList();
    }
}

/// <summary>
/// Writes every log entry with the formatter the console logger is configured to use, into memory: what the console would
/// print, without redirecting the process's console (shared by every test).
/// </summary>
internal sealed class ConsoleLinesCapture(IServiceProvider services, ConcurrentQueue<string> lines) : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider? _scopes;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    private void Add(string line) => lines.Enqueue(line);

    public void Dispose()
    {
    }

    private ConsoleFormatter Formatter()
    {
        var name = services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName;
        return services.GetServices<ConsoleFormatter>().Single(f => f.Name == name);
    }

    private sealed class Logger(ConsoleLinesCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => capture._scopes?.Push(state) ?? NullScope.Instance;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            using var writer = new StringWriter();
            capture.Formatter().Write(new LogEntry<TState>(logLevel, category, eventId, state, exception, formatter), capture._scopes, writer);
            capture.Add(writer.ToString());
        }
    }

    private sealed class NullScope : IDisposable
    {
        public static readonly NullScope Instance = new();

        public void Dispose()
        {
        }
    }
}
