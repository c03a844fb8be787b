using Commendations.Features.Eligibility;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Commendations.Web.Api;

public static class EligibilityEndpoints
{
    public static void MapEligibilityEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/nominations/{id:guid}/eligibility", (IMediator m, Guid id, CancellationToken ct) => m.Send(new GetEligibility(id), ct))
            .WithTags("Eligibility")
            .WithSummary("A nomination's eligibility: each rule with its facts and verdict");

        var rules = api.MapGroup("/eligibility-rules").WithTags("Eligibility").RequireAuthorization(Auth.Policies.Administrator);
        rules.MapGet("/", (IMediator m, string? awardForm, CancellationToken ct) => m.Send(new ListRuleSets(awardForm), ct))
            .WithSummary("Eligibility rule sets, optionally of one award form");
        rules.MapPost("/", async Task<Created<RuleSetView>> (IMediator m, AddRuleSet body, CancellationToken ct) =>
        {
            var added = await m.Send(body, ct);
            return TypedResults.Created($"/api/eligibility-rules?awardForm={added.AwardFormCode}", added);
        })
            .WithSummary("Add an award form's eligibility rules from a date");
    }
}
