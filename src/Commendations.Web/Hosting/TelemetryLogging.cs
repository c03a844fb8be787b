namespace Commendations.Web.Hosting;

/// <summary>
/// <c>Logging:Format</c>: <c>json</c> (the default outside Development) writes one JSON object per line on the console —
/// what journald and a log shipper read — with the scopes, among them the trace and span ids of the request or job the
/// line was written in, so a log line is found from its trace and back; <c>text</c> (the default in Development) is the
/// console's plain lines.
/// </summary>
public static class TelemetryLogging
{
    public static ILoggingBuilder UseCommendationsLogFormat(this ILoggingBuilder logging, IConfiguration configuration, IHostEnvironment environment)
    {
        var format = configuration["Logging:Format"] ?? (environment.IsDevelopment() ? "text" : "json");
        logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId
            | ActivityTrackingOptions.ParentId);
        if (!string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
            return logging;
        logging.AddJsonConsole(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
        return logging;
    }
}
