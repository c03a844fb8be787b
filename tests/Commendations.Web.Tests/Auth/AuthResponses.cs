using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Commendations.Web.Tests.Auth;

internal static class AuthResponses
{
    public static async Task<ProblemDetails> ShouldBeProblem(this HttpResponseMessage response, HttpStatusCode status)
    {
        response.StatusCode.Should().Be(status, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
        return (await response.Content.ReadFromJsonAsync<ProblemDetails>())!;
    }

    public static async Task<HttpValidationProblemDetails> ShouldBeValidationProblem(this HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
        return (await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>())!;
    }

    public static string? Code(this ProblemDetails problem) =>
        problem.Extensions.TryGetValue("code", out var code) ? code?.ToString() : null;
}
