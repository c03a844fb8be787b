using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Commendations.Audit;
using Commendations.Seeding;
using Commendations.Web.Hosting;
using Commendations.Web.Tests.Api;
using Commendations.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Commendations.Web.Tests.Hosting;

/// <summary>Where the audit head key comes from, and that Production does not start without one.</summary>
public class AuditHeadKeyStartupTests
{
    [Theory]
    [InlineData("", "Audit:HeadKey is not configured")]
    [InlineData("c2hvcnQ=", "needs at least 32")]
    public async Task Production_refuses_to_start_without_a_sound_audit_head_key(string key, string why)
    {
        await using var app = new ProductionFactory(key);
        await ((IAsyncLifetime)app).InitializeAsync();

        var start = () => app.CreateClient();

        start.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain(why);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Development")]
    public void The_apps_own_local_database_gets_a_generated_key_kept_in_its_data_folder(string environment)
    {
        var folder = Directory.CreateTempSubdirectory("audit-key-").FullName;
        try
        {
            var first = KeyFor(environment, contentRoot: folder, localDataFolder: folder);
            var again = KeyFor(environment, contentRoot: folder, localDataFolder: folder);

            first.Should().Be(again, "the key is kept, so heads sealed yesterday still verify");
            Convert.FromBase64String(first).Should().HaveCount(32);
            var file = Path.Combine(folder, AuditHeadKey.FileName);
            File.ReadAllText(file).Should().Be(first);
            if (!OperatingSystem.IsWindows())
                File.GetUnixFileMode(file).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Development_without_a_key_keeps_a_generated_one_under_the_content_root_and_staging_gets_none()
    {
        var contentRoot = Directory.CreateTempSubdirectory("audit-key-").FullName;
        try
        {
            KeyFor("Development", contentRoot, localDataFolder: null).Should().Be(File.ReadAllText(Path.Combine(contentRoot, ".data", AuditHeadKey.FileName)));

            var staging = () => KeyFor("Staging", contentRoot, localDataFolder: null);
            staging.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain("Audit:HeadKey is not configured");
        }
        finally
        {
            Directory.Delete(contentRoot, recursive: true);
        }
    }

    [Fact]
    public void A_configured_key_wins_over_a_generated_one()
    {
        var configured = Convert.ToBase64String(new byte[48]);
        var folder = Directory.CreateTempSubdirectory("audit-key-").FullName;
        try
        {
            KeyFor("Development", folder, folder, configured).Should().Be(configured);
            File.Exists(Path.Combine(folder, AuditHeadKey.FileName)).Should().BeFalse();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string KeyFor(string environment, string contentRoot, string? localDataFolder, string? configured = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(configured is null ? [] : new Dictionary<string, string?> { ["Audit:HeadKey"] = configured })
            .Build();
        var host = new TestEnvironment { EnvironmentName = environment, ContentRootPath = contentRoot };
        using var services = new ServiceCollection()
            .AddOptions<AuditKeyOptions>().Services
            .AddSingleton<IValidateOptions<AuditKeyOptions>, AuditKeyOptionsValidator>()
            .AddAuditHeadKey(configuration, host, localDataFolder)
            .BuildServiceProvider();
        return services.GetRequiredService<IOptions<AuditKeyOptions>>().Value.HeadKey!;
    }

    private sealed class TestEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "";
        public string ApplicationName { get; set; } = "Commendations.Web";
        public string ContentRootPath { get; set; } = "";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    private sealed class ProductionFactory(string auditHeadKey) : AppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            builder.UseSetting("Database:SeedDemoData", "false");
            builder.UseSetting("Audit:HeadKey", auditHeadKey);
        }
    }
}

/// <summary>The verification over HTTP: each problem's kind, stream and sentence, in the reader's language.</summary>
public class AuditVerificationOverHttpTests(ApiFactory app) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_rewritten_head_is_reported_with_its_kind_and_an_english_sentence_when_english_is_chosen()
    {
        var journey = new ApiJourney(app);
        var id = await journey.CreateAsync(await journey.CollectiveBodyAsync());
        var stream = AuditTrail.NominationStream(id);
        await using (var connection = new NpgsqlConnection(app.ConnectionString))
        {
            await connection.OpenAsync();
            await using var tamper = new NpgsqlCommand("UPDATE audit_streams SET last_hash = repeat('0', 64) WHERE name = @stream", connection);
            tamper.Parameters.AddWithValue("stream", stream);
            await tamper.ExecuteNonQueryAsync();
        }
        var admin = await app.As(DemoAccounts.Admin);
        admin.DefaultRequestHeaders.Add("Cookie",
            $"{CookieRequestCultureProvider.DefaultCookieName}={Uri.EscapeDataString(CookieRequestCultureProvider.MakeCookieValue(new RequestCulture("en-US")))}");

        var result = (await admin.GetFromJsonAsync<JsonObject>("/api/audit/verify"))!;

        result["intact"]!.GetValue<bool>().Should().BeFalse();
        var problems = result["problems"]!.AsArray().Where(p => p!["stream"]!.GetValue<string>() == stream).ToList();
        problems.Select(p => p!["kind"]!.GetValue<string>()).Should().BeEquivalentTo("ReplacedTail", "RewrittenHead");
        problems.Should().Contain(p => p!["message"]!.GetValue<string>() == $"The seal of {stream}'s head is not valid: the head was rewritten outside the application.");
    }
}
