using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Commendations.Features.Scheduling;
using Commendations.Seeding;
using Commendations.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Web.Tests.Api;

/// <summary>
/// Awards made the way an office makes them: Tân Hòa's officer drafts and submits, the steering committee approves, the
/// disclosure ends, the appraiser forwards and the leader signs one decision. Returns the decision's register numbers.
/// A State-level award goes the forwarding route and is decided centrally (<see cref="CentralAsync"/>).
/// </summary>
public sealed class AwardsForStatistics(ApiFactory app)
{
    private readonly ApiJourney _journey = new(app);

    public sealed record Nominee(string Name, bool Collective, bool Woman = false);

    public async Task<List<string>> DecideAsync(string decisionNumber, DateOnly date, params Nominee[] nominees)
    {
        app.Clock.Set(Testing.TestClock.At(2026, 12, 1));
        var campaign = await _journey.CurrentCampaignAsync();
        var ids = new List<Guid>();
        foreach (var nominee in nominees)
        {
            var id = await _journey.CreateAsync(nominee.Collective
                ? new
                {
                    campaignId = campaign, awardFormCode = DemoCatalog.CertificateOfMerit, kind = "Collective",
                    collective = new { name = nominee.Name, headcount = 20, women = 9, advancedWorkers = 15 },
                    achievementSummary = "Thành tích xuất sắc.",
                }
                : new
                {
                    campaignId = campaign, awardFormCode = DemoCatalog.CertificateOfMerit, kind = "Individual",
                    person = new { fullName = nominee.Name, gender = nominee.Woman ? "Female" : "Male", birthYear = 1984, position = "Chuyên viên" },
                    achievementSummary = "Thành tích xuất sắc.",
                });
            await _journey.AttachRequiredAsync(id);
            await _journey.SubmitAsync(id);
            foreach (var member in ApiJourney.Steering)
                await ApiJourney.Expect(await _journey.ActAsync(member, await _journey.TaskInInboxAsync(member, id), "approve"), HttpStatusCode.OK);
            ids.Add(id);
        }
        await using (var db = _journey.CreateDbContext())
        {
            var states = await db.WorkflowInstances.Where(w => ids.Contains(w.NominationId)).Select(w => w.State).ToListAsync();
            app.Clock.Set(states.Max(s => Engine.InstanceState.FromJson(s).WaitUntil!.Value).AddMinutes(5));
        }
        foreach (var id in ids)
        {
            (await app.AsSystem(new ElapseWait(id, "public-disclosure"))).Should().BeTrue();
            await ApiJourney.Expect(await _journey.ActAsync(DemoAccounts.Appraiser, await _journey.TaskInInboxAsync(DemoAccounts.Appraiser, id), "forward"), HttpStatusCode.OK);
        }
        app.Clock.Set(Testing.TestClock.At(date.Year, date.Month, date.Day));
        var issued = await (await app.As(DemoAccounts.Leader)).PostAsJsonAsync("/api/decisions", new
        {
            number = decisionNumber, date = date.ToString("yyyy-MM-dd"), signerName = "Ngô Đức Mạnh", signerTitle = "Chủ tịch UBND tỉnh",
            citation = "Đã có thành tích xuất sắc trong thực hiện Quy chế dân chủ ở cơ sở năm 2026", nominationIds = ids,
        });
        await ApiJourney.Expect(issued, HttpStatusCode.Created);
        return (await issued.Content.ReadFromJsonAsync<JsonObject>())!["registerNumbers"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
    }

    /// <summary>
    /// The Prime Minister's certificate for a woman of Tân Hòa in the regular campaign: proposed on the shipped forwarding
    /// route, then the central decision recorded, which puts the award in the registry.
    /// </summary>
    public async Task CentralAsync(string name, string decisionNumber, DateOnly date)
    {
        app.Clock.Set(Testing.TestClock.At(2026, 12, 1));
        var id = await _journey.CreateAsync(new
        {
            campaignId = await _journey.RegularCampaignAsync(), awardFormCode = DemoCatalog.PrimeMinisterCertificate, kind = "Individual",
            person = new { fullName = name, gender = "Female", birthYear = 1975, position = "Hiệu trưởng" },
            achievementSummary = "Năm năm liền hoàn thành xuất sắc nhiệm vụ.",
        });
        await _journey.AttachRequiredAsync(id);
        await _journey.ToForwardingAsync(id);
        app.Clock.Set(Testing.TestClock.At(date.Year, date.Month, date.Day).AddDays(3));
        await ApiJourney.Expect(await (await app.As(DemoAccounts.Appraiser)).PostAsJsonAsync($"/api/nominations/{id}/central-decision", new
        {
            number = decisionNumber, date = date.ToString("yyyy-MM-dd"), issuingAuthority = "Thủ tướng Chính phủ", awardFormCode = DemoCatalog.PrimeMinisterCertificate,
        }), HttpStatusCode.OK);
    }
}
