using System.Text.Json.Nodes;
using Commendations.Domain.Workflows;
using Commendations.Engine;
using Commendations.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Testing;

/// <summary>
/// A version of the shipped certificate route (<c>bang-khen-chuyen-de</c>) using the issue 15 E2 constructs: the unit's
/// step gets a re-entry deadline and a reminder after its due day; a branch reads the eligibility result and the round;
/// the committee's review escalates in a chain (chair 2 working days after the due time, the provincial leader 5 days
/// after); the appraiser records a finding chosen from options; a "needs the council" finding leads to a secret council
/// vote, whose tally a last branch reads.
/// </summary>
public static class E2Workflows
{
    public const string CertificateId = "bang-khen-chuyen-de";

    public static string CertificateJson(int version)
    {
        var root = JsonNode.Parse(File.ReadAllText(Path.Combine(TestCluster.RepositoryRoot, "workflows", "bang-khen-chuyen-de.v1.json")))!.AsObject();
        root["version"] = version;
        root.Remove("layout");
        var steps = root["steps"]!.AsArray();
        JsonObject Step(string key) => steps.Single(s => (string?)s!["key"] == key)!.AsObject();

        var unit = Step("unit-proposal");
        unit["actions"]![0]!["target"] = "by-eligibility";
        unit["deadline"] = JsonNode.Parse("""{ "campaignDate": "dossierClose", "onReentry": { "workingDays": 5 } }""");
        unit["reminders"] = JsonNode.Parse("""[ { "workingDaysBefore": 3 }, { "workingDaysBefore": 0 }, { "workingDaysAfter": 1 } ]""");

        var review = Step("committee-review");
        review.Remove("escalation");
        review["reminders"] = JsonNode.Parse("""[ { "workingDaysBefore": 2 }, { "workingDaysBefore": 0 }, { "workingDaysAfter": 1 } ]""");
        review["escalations"] = JsonNode.Parse("""
            [ { "afterWorkingDays": 2, "notifyRole": "committeeChair" },
              { "afterWorkingDays": 5, "notifyRole": "provincialLeader", "scope": "province" } ]
            """);

        var appraisal = Step("appraisal");
        appraisal["outputs"] = JsonNode.Parse("""[ { "name": "finding", "options": ["eligible", "needsCouncil", "ineligible"] } ]""");
        appraisal["actions"]![0]!["target"] = "by-finding";
        appraisal["actions"]![0]!["asks"] = new JsonArray("finding");

        steps.Insert(1, JsonNode.Parse("""
            { "type": "branch", "key": "by-eligibility",
              "conditions": [
                { "when": { "fact": "eligibility", "op": "eq", "value": "failed" }, "target": "rejected" },
                { "when": { "fact": "round", "op": "gte", "value": 3 }, "target": "rejected" } ],
              "default": "committee-review" }
            """));
        steps.Add(JsonNode.Parse("""
            { "type": "branch", "key": "by-finding",
              "conditions": [
                { "when": { "output": "appraisal.finding", "op": "eq", "value": "needsCouncil" }, "target": "council-vote" },
                { "when": { "output": "appraisal.finding", "op": "eq", "value": "ineligible" }, "target": "rejected" } ],
              "default": "decision" }
            """));
        steps.Add(JsonNode.Parse("""
            { "type": "vote", "key": "council-vote", "committee": "hdtdkt", "quorum": 0.8, "passThreshold": 0.5, "secret": true,
              "transitions": { "passed": "by-tally", "failed": "by-tally" },
              "deadline": { "workingDays": 10 } }
            """));
        steps.Add(JsonNode.Parse("""
            { "type": "branch", "key": "by-tally",
              "conditions": [ { "when": { "all": [ { "fact": "lastVote.passed", "op": "eq", "value": true },
                                                  { "fact": "lastVote.yes", "op": "gte", "value": 7 } ] }, "target": "decision" } ],
              "default": "rejected" }
            """));
        return root.ToJsonString();
    }

    /// <summary>Publishes <see cref="CertificateJson"/> as the next version: nominations created afterwards use it.</summary>
    public static async Task<int> PublishCertificateAsync(CommendationsDbContext db, DateTimeOffset now)
    {
        var version = await db.WorkflowDefinitions.Where(d => d.DefinitionId == CertificateId).MaxAsync(d => d.Version) + 1;
        var parsed = WorkflowDefinitionParser.Parse(CertificateJson(version));
        if (parsed.Definition is not { } definition)
            throw new InvalidOperationException(string.Join("; ", parsed.Problems));
        var record = new WorkflowDefinitionRecord(definition.Id, definition.Version, definition.Name, WorkflowDefinitionSerializer.Serialize(definition),
            WorkflowDefinitionSerializer.ContentHash(definition), "test", now);
        record.Publish("test", now);
        db.WorkflowDefinitions.Add(record);
        await db.SaveChangesAsync();
        return version;
    }
}
