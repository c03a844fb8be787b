using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Commendations.Web.Tests.Browser;
using Commendations.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Commendations.Web.Tests.Hosting;

/// <summary>
/// Every setting the app reads is in README's settings table: the app is started with a configuration source that
/// records each key asked of it (options binding and direct reads alike), every bound options class is read, and each
/// key of the app's own sections must match a documented name.
/// </summary>
public class SettingsDocumentedTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>Sections that belong to the platform (hosting, Kestrel, logging levels), documented by Microsoft.</summary>
    private static readonly string[] Platform =
    [
        "Logging:LogLevel", "Logging:Console", "Logging:Debug", "Logging:EventSource", "Logging:EventLog", "Logging:Json", "Logging:Simple",
        "Kestrel", "AllowedHosts", "urls", "http_ports", "https_ports", "https_port", "environment", "applicationName", "contentRoot",
        "webroot", "detailedErrors", "hostingStartup", "preventHostingStartup", "suppressStatusMessages", "shutdownTimeoutSeconds",
        "captureStartupErrors", "startupAssembly", "Microsoft", "HostFiltering", "ForwardedHeaders_Enabled", "OTEL_", "ASPNETCORE_",
        "DOTNET_", "Logging:Format:", "Localization", "DataProtection", "Logging:Microsoft", "Logging:CaptureScopes",
        "OpenTelemetry:SelfDiagnostics", "ReadOnlyDataProtectionKeyDirectory", "preferHostingUrls", "servicesStartConcurrently",
        "servicesStopConcurrently", "startupTimeoutSeconds", "Metrics",
    ];

    [Fact]
    public async Task Every_setting_the_app_reads_is_in_the_readme()
    {
        var asked = new ConcurrentDictionary<string, bool>(StringComparer.OrdinalIgnoreCase);
        IServiceCollection? registered = null;
        await using var recording = app.WithWebHostBuilder(b => b
            .ConfigureAppConfiguration(c => c.Add(new RecordingSource(asked)))
            .ConfigureServices(s => registered = s));
        using (var client = recording.CreateClient())
            (await client.GetAsync("/health/ready")).EnsureSuccessStatusCode();
        ReadEveryOptions(recording.Services);
        BuildTheAppsSingletons(recording.Services, registered!);

        var documented = DocumentedNames();
        var undocumented = asked.Keys
            .Where(k => !Platform.Any(p => k.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
            .Where(k => !documented.Any(d => d.Pattern.IsMatch(k) || d.Name.StartsWith(k + ":", StringComparison.OrdinalIgnoreCase)))
            .Order(StringComparer.Ordinal)
            .ToList();

        asked.Keys.Should().Contain(k => k.StartsWith("Workflows:", StringComparison.OrdinalIgnoreCase), "the recorder sees the app's own reads");
        undocumented.Should().BeEmpty("README's settings table lists every setting the app reads; missing: " + string.Join(", ", undocumented));
    }

    /// <summary>Options are bound when first read: read each one the app registers.</summary>
    private static void ReadEveryOptions(IServiceProvider services)
    {
        var optionTypes = services.GetRequiredService<IServiceProviderIsService>() is not null
            ? AppDomain.CurrentDomain.GetAssemblies()
                .Where(a => a.GetName().Name?.StartsWith("Commendations", StringComparison.Ordinal) == true && !a.GetName().Name!.Contains("Tests"))
                .SelectMany(a => a.GetTypes())
                .Where(t => t is { IsClass: true, IsAbstract: false, IsGenericType: false } && t.Name.EndsWith("Options") || t.Name.EndsWith("Settings") || t.Name.EndsWith("Limits") || t.Name.EndsWith("Policy"))
                .Where(t => t is { IsClass: true, IsAbstract: false, IsGenericType: false } && t.GetConstructor(Type.EmptyTypes) is not null)
            : [];
        foreach (var type in optionTypes)
        {
            var options = services.GetService(typeof(IOptions<>).MakeGenericType(type));
            try
            {
                _ = options?.GetType().GetProperty("Value")!.GetValue(options);
            }
            catch (System.Reflection.TargetInvocationException)
            {
                // An options class that refuses the test's values still asked for its keys.
            }
        }
    }

    /// <summary>Some services read a setting when they are built (the rate limiters): build every singleton of the app.</summary>
    private static void BuildTheAppsSingletons(IServiceProvider services, IServiceCollection registered)
    {
        foreach (var descriptor in registered.Where(d => d.Lifetime == ServiceLifetime.Singleton && !d.ServiceType.IsGenericTypeDefinition
                     && d.ServiceType.Assembly.GetName().Name?.StartsWith("Commendations", StringComparison.Ordinal) == true).ToList())
        {
            try
            {
                services.GetService(descriptor.ServiceType);
            }
            catch (Exception e) when (e is InvalidOperationException or System.Reflection.TargetInvocationException)
            {
                // One that cannot be built here still asked for its keys first.
            }
        }
    }

    /// <summary>The names in the first column of README's settings tables, as patterns: <c>__</c> is <c>:</c>, <c>&lt;x&gt;</c> and <c>0</c> any segment.</summary>
    private static List<(string Name, Regex Pattern)> DocumentedNames()
    {
        var readme = File.ReadAllLines(Path.Combine(PageChecks.RepositoryRoot, "README.md"));
        return readme.Where(l => l.StartsWith("| `", StringComparison.Ordinal))
            .SelectMany(l => Regex.Matches(l.Split('|')[1], "`([^`]+)`").Select(m => m.Groups[1].Value))
            .Where(n => n.Contains("__", StringComparison.Ordinal))
            .Select(n => n.Replace("__", ":", StringComparison.Ordinal))
            .Select(n => (n, new Regex("^" + string.Join(":", n.Split(':').Select(s => s is "0" || s.StartsWith('<') ? "[^:]+" : Regex.Escape(s))) + "(:.*)?$",
                RegexOptions.IgnoreCase)))
            .ToList();
    }

    private sealed class RecordingSource(ConcurrentDictionary<string, bool> asked) : IConfigurationSource
    {
        public IConfigurationProvider Build(IConfigurationBuilder builder) => new RecordingProvider(asked);
    }

    private sealed class RecordingProvider(ConcurrentDictionary<string, bool> asked) : ConfigurationProvider
    {
        /// <summary>Lists and dictionaries are bound by asking for a section's children.</summary>
        public override IEnumerable<string> GetChildKeys(IEnumerable<string> earlierKeys, string? parentPath)
        {
            if (parentPath is not null)
                asked.TryAdd(parentPath, true);
            return base.GetChildKeys(earlierKeys, parentPath);
        }

        public override bool TryGet(string key, out string? value)
        {
            asked.TryAdd(key, true);
            value = null;
            return false;
        }
    }
}
