using Commendations.Features.Definitions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Commendations.Web.Tests.Hosting;

/// <summary>
/// Issue 18: an installation publishes with four eyes unless it says otherwise; only Development (the demo, with one
/// administrator) publishes alone by default.
/// </summary>
public class PublishingDefaultsTests
{
    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "Commendations.Web";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    private static bool RequireSecondApproval(string environment, string? setting = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(setting is null ? [] : [new("Workflows:RequireSecondApproval", setting)])
            .Build();
        using var services = new ServiceCollection()
            .AddSingleton<IHostEnvironment>(new Environment(environment))
            .AddDefinitionPublishing(configuration)
            .BuildServiceProvider();
        return services.GetRequiredService<IOptions<Commendations.Workflow.WorkflowOptions>>().Value.RequireSecondApproval;
    }

    [Theory]
    [InlineData("Production", true)]
    [InlineData("Staging", true)]
    [InlineData("Development", false)]
    public void Four_eyes_are_on_by_default_outside_development(string environment, bool expected) =>
        RequireSecondApproval(environment).Should().Be(expected);

    [Fact]
    public void The_setting_overrides_the_default_either_way()
    {
        RequireSecondApproval("Production", "false").Should().BeFalse();
        RequireSecondApproval("Development", "true").Should().BeTrue();
    }
}
