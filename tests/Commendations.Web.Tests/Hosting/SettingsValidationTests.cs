using Commendations.Persistence;
using Commendations.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;

namespace Commendations.Web.Tests.Hosting;

/// <summary>
/// An operator's mistyped setting stops the app at start with the setting's name, instead of misrouting nominations later;
/// the database switches take their defaults from where the app runs.
/// </summary>
public class SettingsValidationTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("Workflows:Scopes:appraisal", "", "Workflows:Scopes:appraisal names no unit code.")]
    [InlineData("Workflows:Scopes:nominating", "LG", "Workflows:Scopes:nominating cannot be set")]
    [InlineData("Workflows:Folder", "/no/such/folder", "Workflows:Folder '/no/such/folder' does not exist.")]
    [InlineData("Smtp:Port", "0", "Smtp:Port must be between 1 and 65535, not 0.")]
    [InlineData("Smtp:From", "not an address", "Smtp:From must be an e-mail address")]
    [InlineData("Forwarding:Endpoint", "ftp://bo-noi-vu", "Forwarding:Endpoint must be an absolute http(s) address")]
    [InlineData("Signing:Default:Path", "/no/such/signer.p12", "Signing:Default:Path: the file '/no/such/signer.p12' does not exist.")]
    [InlineData("Scheduling:ThreadCount", "0", "Scheduling:ThreadCount must be between 1 and 100, not 0.")]
    public void A_wrong_workflow_setting_stops_the_start_and_names_itself(string setting, string value, string message)
    {
        using var wrong = app.WithWebHostBuilder(b => b.UseSetting(setting, value));
        var start = () => wrong.CreateClient();
        start.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain(message);
    }

    [Fact]
    public void Database_switches_default_by_where_the_app_runs()
    {
        var unset = new DatabaseStartupOptions();
        unset.Resolve(development: false, usingLocalDatabase: false).Should().BeEquivalentTo(
            new { MigrateOnStartup = false, ImportReferenceData = true, SeedDemoData = false, SeedDemoRoutes = false }, "an installation");
        unset.Resolve(development: false, usingLocalDatabase: true).MigrateOnStartup.Should().BeTrue("the private local database migrates itself");
        unset.Resolve(development: true, usingLocalDatabase: false).Should().BeEquivalentTo(
            new { MigrateOnStartup = true, SeedDemoData = true, SeedDemoRoutes = true }, "the demo");
        new DatabaseStartupOptions { SeedDemoData = false, SeedDemoRoutes = true }.Resolve(true, false).SeedDemoRoutes
            .Should().BeFalse("the demo's dossiers need the demo's people");
    }
}
