using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Commendations.Common.Security;
using Commendations.Seeding;
using Commendations.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Commendations.Web.Tests.Contracts;

/// <summary>
/// The authorisation matrix, generated from the OpenAPI document: every operation × every role (and no sign-in, and
/// an officer of another unit for a unit's nomination) with a well-formed request. Each refusal is proven (401 signed
/// out, 403 "role-required" for a role the operation is not for, 404 for another unit's nomination) and changes no row;
/// a role the operation is for is never refused for its role.
/// </summary>
public class AuthorizationMatrixTests(ContractWorld app, ITestOutputHelper output) : IClassFixture<ContractWorld>
{
    [Fact]
    public async Task Every_operation_is_listed_in_the_matrix()
    {
        await app.PrepareAsync();
        app.Document.Operations.Select(o => o.Name).Should().BeEquivalentTo(OperationAudiences.Allowed.Keys,
            "every operation the API serves says who may call it (OperationAudiences), and the table has no stale rows");
    }

    [Fact]
    public async Task Each_operation_refuses_everyone_it_is_not_for_and_changes_nothing()
    {
        await app.PrepareAsync();
        var samples = new SampleValues(app.Document);
        var failures = new List<string>();
        int signedOut = 0, wrongRole = 0, otherUnit = 0;
        var before = await app.SnapshotAsync();

        foreach (var operation in app.Document.Operations.Where(o => !OperationAudiences.Allowed[o.Name].Contains(OperationAudiences.Public)))
        {
            using (var response = await app.AnonymousClient().SendAsync(WellFormed(operation, samples)))
            {
                signedOut++;
                if (response.StatusCode != HttpStatusCode.Unauthorized)
                    failures.Add($"{operation} signed out: {(int)response.StatusCode}");
            }
            foreach (var (role, account) in ContractWorld.AccountFor.Where(r => !OperationAudiences.Allows(operation.Name, r.Key)))
            {
                wrongRole++;
                using var response = await (await app.As(account)).SendAsync(WellFormed(operation, samples));
                if (response.StatusCode != HttpStatusCode.Forbidden || await CodeOf(response) != "role-required")
                    failures.Add($"{operation} as {role}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
            // A nomination of Tân Hòa, asked for by Đông Xuyên's officer: it does not exist for them.
            if (operation.Path.StartsWith("/api/nominations/{id}") && OperationAudiences.Allows(operation.Name, Roles.EmulationOfficer))
            {
                otherUnit++;
                using var response = await (await app.As(DemoAccounts.OfficerDongXuyen)).SendAsync(WellFormed(operation, samples));
                if (response.StatusCode != HttpStatusCode.NotFound)
                    failures.Add($"{operation} by another unit's officer: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }
        var changed = ContractWorld.Differences(before, await app.SnapshotAsync()).ToList();

        output.WriteLine($"{app.Document.Operations.Count} operations: {signedOut} signed-out refusals, {wrongRole} wrong-role refusals, " +
                         $"{otherUnit} other-unit refusals proven.");
        failures.Should().BeEmpty();
        changed.Should().BeEmpty("a refused request changes nothing");
    }

    [Fact]
    public async Task A_role_an_operation_is_for_is_never_refused_for_its_role()
    {
        await app.PrepareAsync();
        var samples = new SampleValues(app.Document);
        var failures = new List<string>();
        var checks = 0;
        // Signing out renews the caller's security stamp; it goes last so the other calls keep their tokens.
        // Public operations (sign-in, the disclosure page) have no role to refuse; their own answers are tested elsewhere.
        foreach (var operation in app.Document.Operations.Where(o => !OperationAudiences.Allowed[o.Name].Contains(OperationAudiences.Public))
                     .OrderBy(o => o.Path.Contains("logout") || o.Path.Contains("change-password")))
        {
            foreach (var (role, account) in ContractWorld.AccountFor.Where(r => OperationAudiences.Allows(operation.Name, r.Key)))
            {
                checks++;
                using var response = await (await app.As(account)).SendAsync(WellFormed(operation, samples));
                if (response.StatusCode == HttpStatusCode.Unauthorized
                    || (response.StatusCode == HttpStatusCode.Forbidden && await CodeOf(response) == "role-required")
                    || ContractWorld.IsServerError(response.StatusCode))
                    failures.Add($"{operation} as {role}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }
        output.WriteLine($"{checks} allowed (operation, role) pairs reached their use case.");
        failures.Should().BeEmpty();
    }

    private HttpRequestMessage WellFormed(ApiOperation operation, SampleValues samples)
    {
        var path = operation.Parameters.Where(p => p.In == "path")
            .Aggregate(operation.Path, (current, p) => current.Replace("{" + p.Name + "}", Uri.EscapeDataString(app.RouteValue(operation, p))));
        var query = string.Join("&", operation.Parameters.Where(p => p.In == "query" && p.Required)
            .Select(p => $"{p.Name}={Uri.EscapeDataString(samples.Text(p.Schema))}"));
        var request = new HttpRequestMessage(new HttpMethod(operation.Method), query.Length > 0 ? $"{path}?{query}" : path);
        if (operation.BodyContentType == "application/json" && operation.BodySchema is { } schema)
            request.Content = new StringContent(samples.For(schema)?.ToJsonString() ?? "{}", Encoding.UTF8, "application/json");
        else if (operation.BodyContentType == "multipart/form-data" && operation.BodySchema is { } form)
        {
            var content = new MultipartFormDataContent();
            foreach (var (name, fieldSchema, _) in app.Document.Properties(form))
            {
                if (name == "file")
                {
                    var file = new ByteArrayContent(Api.ApiJourney.Pdf);
                    file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
                    content.Add(file, name, "mau.pdf");
                }
                else
                {
                    content.Add(new StringContent(samples.Text(fieldSchema)), name);
                }
            }
            request.Content = content;
        }
        return request;
    }

    private static async Task<string?> CodeOf(HttpResponseMessage response)
    {
        try
        {
            return JsonNode.Parse(await response.Content.ReadAsStringAsync())?["code"]?.GetValue<string>();
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
