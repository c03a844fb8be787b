using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Commendations.Web.Hosting;
using Commendations.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;

namespace Commendations.Web.Tests.Contracts;

/// <summary>
/// What a developer integrating with the API reads: every operation has a summary, says what it answers on success
/// (a JSON schema, a file type, or no content), and lists its refusals as the one problem shape with a code and a field.
/// </summary>
public class OpenApiDescriptionTests(ContractWorld app) : IClassFixture<ContractWorld>
{
    [Fact]
    public async Task Every_operation_has_a_summary_a_success_response_and_its_refusals_as_problems()
    {
        var document = (await app.AnonymousClient().GetFromJsonAsync<JsonObject>("/api/openapi/v1.json"))!;
        var problems = new List<string>();
        var count = 0;
        foreach (var (path, item) in document["paths"]!.AsObject().ToList())
        foreach (var (method, node) in item!.AsObject().ToList())
        {
            count++;
            var operation = node!.AsObject();
            var name = $"{method.ToUpperInvariant()} {path}";
            if (string.IsNullOrWhiteSpace(operation["summary"]?.GetValue<string>()))
                problems.Add($"{name}: no summary");
            var responses = operation["responses"]!.AsObject();
            var success = responses.Where(r => r.Key.StartsWith('2')).ToList();
            if (success.Count == 0)
                problems.Add($"{name}: no success response");
            foreach (var (status, response) in success.Select(s => (s.Key, s.Value)))
            {
                var content = response!["content"]?.AsObject();
                var describes = status == "204" || content is { Count: > 0 } && content.All(c => c.Key != "application/json" || c.Value?["schema"] is JsonObject { Count: > 0 });
                if (!describes)
                    problems.Add($"{name}: {status} says nothing of what it returns");
            }
            var expected = new List<string> { "503" };
            if (operation["security"] is not null || !IsPublic(path))
                expected.AddRange(["401", "403"]);
            if (path.Contains('{'))
                expected.Add("404");
            if (method != "get")
                expected.AddRange(["409", "422"]);
            if (operation["parameters"] is JsonArray { Count: > 0 } || operation["requestBody"] is not null)
                expected.Add("400");
            foreach (var status in expected)
            {
                var schema = responses[status]?["content"]?["application/problem+json"]?["schema"]?["$ref"]?.GetValue<string>();
                if (schema != "#/components/schemas/Problem")
                    problems.Add($"{name}: {status} not declared as a problem");
            }
        }

        count.Should().BeGreaterThan(140, "the whole API is in the document");
        problems.Should().BeEmpty();
        var shape = document["components"]!["schemas"]!["Problem"]!;
        shape["required"]!.AsArray().Select(r => r!.GetValue<string>()).Should().Contain(["title", "status", "code"]);
        shape["properties"]!.AsObject().Select(p => p.Key).Should().Contain(["code", "field", "detail", "errors"]);
    }

    [Fact]
    public async Task The_interactive_reference_reads_the_apps_own_document_outside_production_and_can_be_turned_off()
    {
        using var page = await app.CreateClient().GetAsync(ApiReference.Path);
        page.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();
        html.Should().Contain("api/openapi/v1.json").And.Contain("Commendations API");
        page.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("frame-ancestors 'none'");

        await using var off = app.WithWebHostBuilder(b => b.UseSetting("ApiReference:Enabled", "false"));
        using var refused = await off.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).GetAsync(ApiReference.Path);
        refused.StatusCode.Should().NotBe(HttpStatusCode.OK);

        var empty = new ConfigurationBuilder().Build();
        ApiReference.IsEnabled(empty, new HostingEnvironment { EnvironmentName = "Production" }).Should().BeFalse("off in Production unless enabled");
        ApiReference.IsEnabled(empty, new HostingEnvironment { EnvironmentName = "Development" }).Should().BeTrue();
        var enabled = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ApiReference:Enabled"] = "true" }).Build();
        ApiReference.IsEnabled(enabled, new HostingEnvironment { EnvironmentName = "Production" }).Should().BeTrue();
    }

    private static bool IsPublic(string path) => OperationAudiences.Allowed.Any(a => a.Key.EndsWith(" " + path) && a.Value.Contains(OperationAudiences.Public));
}
