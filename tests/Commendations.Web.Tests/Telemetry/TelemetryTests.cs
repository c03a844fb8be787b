using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Commendations.Common.Telemetry;
using Commendations.Domain.Workflows;
using Commendations.Seeding;
using Commendations.Web.Tests.Api;
using Commendations.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Commendations.Web.Tests.Telemetry;

/// <summary>
/// Alone in its collection: the metrics the scrape reports are this host's only, not those of another test class's host
/// running beside it in the same process.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry";
}

/// <summary>What an operator relies on: a request traced down to its database calls, the figures scraped, logs tied to traces.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class TelemetryTests(TelemetryFactory app) : IClassFixture<TelemetryFactory>
{
    private readonly ApiJourney _journey = new(app);

    [Fact]
    public async Task A_request_through_a_use_case_is_one_trace_of_the_http_span_the_use_case_span_and_its_database_spans()
    {
        var id = await _journey.CreateAsync(await _journey.IndividualBodyAsync());
        var traceId = ActivityTraceId.CreateRandom();
        var client = await app.As(DemoAccounts.OfficerTanHoa);
        client.DefaultRequestHeaders.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");

        (await client.GetAsync($"/api/nominations/{id}")).StatusCode.Should().Be(HttpStatusCode.OK);

        // The server span ends as the response completes, a moment after the client has it.
        var spans = await EventuallyAsync(() => app.SpansOf(traceId), s => s.Any(a => a.Kind == ActivityKind.Server));
        var http = spans.Single(s => s.Kind == ActivityKind.Server);
        http.Source.Name.Should().Be("Microsoft.AspNetCore");
        var useCase = spans.Single(s => s.Source.Name == AppTelemetry.Name);
        useCase.DisplayName.Should().Be("GetNomination");
        useCase.ParentSpanId.Should().Be(http.SpanId);
        var database = spans.Where(s => s.Source.Name == "Npgsql").ToList();
        database.Should().Contain(s => s.ParentSpanId == useCase.SpanId, "the use case's queries run inside its span");
    }

    [Fact]
    public async Task A_scheduled_job_firing_is_a_span_named_by_its_job_with_its_use_case_and_database_spans_beneath()
    {
        var scheduler = await app.Services.GetRequiredService<Quartz.ISchedulerFactory>().GetScheduler();
        await scheduler.TriggerJob(Commendations.Scheduling.ScheduleKeys.IncidentSweepJob);

        var job = await EventuallyAsync(() => AllSpans().Where(s => s.Source.Name == Quartz.Diagnostics.QuartzInstrumentation.ActivitySourceName
            && Equals(s.GetTagItem("quartz.job.name"), Commendations.Scheduling.ScheduleKeys.IncidentSweepJob.Name)).ToList(), s => s.Count > 0);
        var firing = job.Should().NotBeEmpty().And.Subject.First();
        firing.GetTagItem("quartz.job.group").Should().Be(Commendations.Scheduling.ScheduleKeys.IncidentSweepJob.Group);
        var spans = app.SpansOf(firing.TraceId);
        var useCase = spans.Should().ContainSingle(s => s.Source.Name == AppTelemetry.Name && s.DisplayName == "SweepIncidents").Subject;
        useCase.ParentSpanId.Should().Be(firing.SpanId);
        spans.Should().Contain(s => s.Source.Name == "Npgsql" && s.ParentSpanId == useCase.SpanId);
    }

    private List<Activity> AllSpans()
    {
        lock (app.Spans)
            return app.Spans.ToList();
    }

    [Fact]
    public async Task The_scrape_endpoint_reports_an_approval_and_the_open_tasks_in_prometheus_text()
    {
        var id = await _journey.CreateAsync(await _journey.IndividualBodyAsync());
        await _journey.AttachRequiredAsync(id);
        await _journey.SubmitAsync(id);
        var before = ApprovalsCounted(await ScrapeAsync());

        var member = DemoAccounts.SteeringStandingMember;
        var task = await _journey.TaskInInboxAsync(member, id);
        await ApiJourney.Expect(await _journey.ActAsync(member, task, "approve", "Đồng ý."), HttpStatusCode.OK);

        var metrics = await ScrapeAsync();
        ApprovalsCounted(metrics).Should().Be(before + 1);
        await using var db = _journey.CreateDbContext();
        var step = await db.Tasks.Where(t => t.Id == task).Select(t => t.StepKey).SingleAsync();
        metrics.Should().Contain(l => l.StartsWith("commendations_task_actions_total{") && l.Contains($"step=\"{step}\"") && l.Contains("meaning=\"Approve\""));
        var open = await db.Tasks.CountAsync(t => t.Status == WorkflowTaskStatus.Open);
        Gauge(metrics, "commendations_tasks_open").Should().Be(open);
        Gauge(metrics, "commendations_incidents_open").Should().Be(await db.Incidents.CountAsync(i => i.ResolvedAt == null));
        Gauge(metrics, "commendations_outbox_pending").Should().Be(await db.Outbox.CountAsync(m => m.ProcessedAt == null));
        metrics.Should().Contain(l => l.StartsWith("# TYPE commendations_outbox_lag_seconds gauge"));
        metrics.Should().Contain(l => l.StartsWith("# TYPE commendations_reminders_lag_seconds gauge"));
    }

    [Fact]
    public async Task A_failed_sign_in_is_counted()
    {
        var before = Counter(await ScrapeAsync(), "commendations_sign_in_failures_total");
        using var anonymous = app.AnonymousClient();
        var refused = await anonymous.PostAsJsonAsync("/api/auth/login", new { userName = DemoAccounts.OfficerTanHoa.UserName, password = "not-the-password" });
        refused.StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        Counter(await ScrapeAsync(), "commendations_sign_in_failures_total").Should().Be(before + 1);
    }

    [Fact]
    public async Task Only_the_scrape_token_or_an_administrator_may_read_the_metrics()
    {
        using var anonymous = app.AnonymousClient();
        (await anonymous.GetAsync("/metrics")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        using var wrongToken = app.AnonymousClient();
        wrongToken.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TelemetryFactory.ScrapeToken + "x");
        (await wrongToken.GetAsync("/metrics")).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var officer = await app.As(DemoAccounts.OfficerTanHoa);
        (await officer.GetAsync("/metrics")).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var admin = await app.As(DemoAccounts.Admin);
        var response = await admin.GetAsync("/metrics");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("# TYPE commendations_tasks_open gauge");
    }

    [Fact]
    public async Task A_log_line_written_during_a_request_is_json_carrying_the_requests_trace_id()
    {
        var traceId = ActivityTraceId.CreateRandom();
        var client = await app.As(DemoAccounts.OfficerTanHoa);
        client.DefaultRequestHeaders.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");

        // A use case that fails is logged (LoggingBehaviour): a nomination that does not exist.
        (await client.GetAsync($"/api/nominations/{Guid.NewGuid()}")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        var line = app.LogLines.Select(Parse).OfType<JsonElement>()
            .Where(l => l.GetProperty("Message").GetString()!.StartsWith("GetNomination failed"))
            .Should().ContainSingle(l => ScopeValues(l, "TraceId").Contains(traceId.ToString())).Subject;
        line.GetProperty("Category").GetString().Should().Contain("LoggingBehaviour");
        ScopeValues(line, "SpanId").Should().NotBeEmpty();
    }

    private static JsonElement? Parse(string line)
    {
        try
        {
            return JsonDocument.Parse(line).RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static List<string> ScopeValues(JsonElement line, string name) =>
        line.TryGetProperty("Scopes", out var scopes)
            ? scopes.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty(name, out _))
                .Select(s => s.GetProperty(name).GetString()!).ToList()
            : [];

    private async Task<string[]> ScrapeAsync()
    {
        using var scraper = app.AnonymousClient();
        scraper.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TelemetryFactory.ScrapeToken);
        var response = await scraper.GetAsync("/metrics");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/plain");
        return (await response.Content.ReadAsStringAsync()).Split('\n');
    }

    private static double ApprovalsCounted(string[] metrics) => metrics
        .Where(l => l.StartsWith("commendations_task_actions_total{") && l.Contains("action=\"approve\""))
        .Sum(Value);

    private static double Counter(string[] metrics, string name) => metrics.Where(l => l.StartsWith(name + "{") || l.StartsWith(name + " ")).Sum(Value);

    private static double Gauge(string[] metrics, string name) =>
        metrics.Where(l => l.StartsWith(name + "{") || l.StartsWith(name + " ")).Should().ContainSingle().Subject is var line ? Value(line) : 0;

    /// <summary>The sample's value: the first number after the labels (a timestamp may follow it).</summary>
    private static double Value(string line)
    {
        var afterLabels = line.Contains('}') ? line[(line.LastIndexOf('}') + 1)..] : line[line.IndexOf(' ')..];
        return double.Parse(afterLabels.Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    private static async Task<List<Activity>> EventuallyAsync(Func<List<Activity>> read, Func<List<Activity>, bool> done)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var spans = read();
            if (done(spans))
                return spans;
            await Task.Delay(50);
        }
        return read();
    }
}
