using System.Net;
using System.Text.Json.Nodes;
using Commendations.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Commendations.Web.Tests.Contracts;

/// <summary>
/// Walks every operation of the OpenAPI document with generated bad requests (see <see cref="BadInputs"/>), as a
/// signed-in user the operation is for: each is refused with a 4xx ProblemDetails naming a code — never a 500 — and
/// no row of any table changes.
/// </summary>
public class EveryOperationRefusesBadInputTests(ContractWorld app, ITestOutputHelper output) : IClassFixture<ContractWorld>
{
    [Fact]
    public async Task Every_operation_refuses_bad_input_without_a_500_and_changes_nothing()
    {
        await app.PrepareAsync();
        var samples = new SampleValues(app.Document);
        var bad = new BadInputs(app.Document, samples, app.RouteValue);
        var failures = new List<string>();
        int operations = 0, cases = 0, serverErrors = 0;
        var byStatus = new SortedDictionary<int, int>();

        foreach (var operation in app.Document.Operations)
        {
            var generated = bad.For(operation).ToList();
            if (generated.Count == 0)
                continue;
            operations++;
            var client = await ClientFor(operation);
            var before = await app.SnapshotAsync();
            foreach (var badCase in generated)
            {
                cases++;
                using var request = badCase.Request();
                using var response = await client.SendAsync(request);
                var status = (int)response.StatusCode;
                byStatus[status] = byStatus.GetValueOrDefault(status) + 1;
                if (ContractWorld.IsServerError(response.StatusCode))
                    serverErrors++;
                if (status is < 400 or >= 500 || status == 401)
                    failures.Add($"{operation} — {badCase.What}: {status} {Shorten(await response.Content.ReadAsStringAsync())}");
                else if (!await HasCodeAsync(response))
                    failures.Add($"{operation} — {badCase.What}: {status} without a ProblemDetails code: {Shorten(await response.Content.ReadAsStringAsync())}");
            }
            var changed = ContractWorld.Differences(before, await app.SnapshotAsync()).ToList();
            if (changed.Count > 0)
                failures.Add($"{operation}: bad requests changed {string.Join(", ", changed)}");
        }

        output.WriteLine($"{operations} operations walked with {cases} bad requests: {serverErrors} answered 5xx; statuses {string.Join(", ", byStatus.Select(s => $"{s.Key}×{s.Value}"))}.");
        operations.Should().BeGreaterThan(50, "the document lists every operation");
        failures.Should().BeEmpty();
    }

    private async Task<HttpClient> ClientFor(ApiOperation operation)
    {
        var audience = OperationAudiences.Allowed[operation.Name];
        if (audience.Contains(OperationAudiences.Public))
            return app.AnonymousClient();
        var role = audience.Contains(OperationAudiences.SignedIn) ? Common.Security.Roles.EmulationOfficer : audience[0];
        return await app.As(ContractWorld.AccountFor[role]);
    }

    private static async Task<bool> HasCodeAsync(HttpResponseMessage response)
    {
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed && response.Content.Headers.ContentLength is 0)
            return true; // no endpoint matched (e.g. a typed route value that is not a GUID): the framework's plain 404/405
        try
        {
            return JsonNode.Parse(await response.Content.ReadAsStringAsync())?["code"] is not null;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
