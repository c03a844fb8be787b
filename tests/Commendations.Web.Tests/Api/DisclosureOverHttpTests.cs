using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Commendations.Features.Scheduling;
using Commendations.Seeding;
using Commendations.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Web.Tests.Api;

/// <summary>Public disclosure over HTTP without signing in: the public page and API, a complaint pausing the nomination, spam and rate limits.</summary>
public class DisclosureOverHttpTests(ApiFactory app) : IClassFixture<ApiFactory>
{
    private readonly ApiJourney _journey = new(app);

    private async Task<Guid> InDisclosureAsync()
    {
        app.Clock.Set(Testing.TestClock.At(2026, 12, 1));
        var id = await _journey.CreateAsync(await _journey.IndividualBodyAsync());
        await _journey.AttachRequiredAsync(id);
        await _journey.SubmitAsync(id);
        foreach (var member in ApiJourney.Steering)
            await ApiJourney.Expect(await _journey.ActAsync(member, await _journey.TaskInInboxAsync(member, id), "approve"), HttpStatusCode.OK);
        return id;
    }

    private async Task<string> FormTokenAsync()
    {
        var token = (await app.AnonymousClient().GetFromJsonAsync<JsonObject>("/api/public/disclosure/form-token"))!["token"]!.GetValue<string>();
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        return token;
    }

    [Fact]
    public async Task Anyone_sees_the_nominees_and_a_complaint_pauses_the_nomination_until_the_secretary_resolves_it()
    {
        var id = await InDisclosureAsync();
        var anonymous = app.AnonymousClient();
        var page = await anonymous.GetAsync($"/cong-khai/{DemoCatalog.CurrentThematicCampaign}");
        await ApiJourney.Expect(page, HttpStatusCode.OK);
        WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()).Should().Contain("Phạm Quốc Bảo").And.Contain("Số hóa hồ sơ một cửa.");
        var list = (await anonymous.GetFromJsonAsync<JsonObject>($"/api/public/campaigns/{DemoCatalog.CurrentThematicCampaign}/disclosure"))!;
        list["nominees"]!.AsArray().Select(n => n!["nominationId"]!.GetValue<Guid>()).Should().Contain(id);
        list["issuingBodies"]!.AsArray().Select(b => b!.GetValue<string>()).Should().Contain("Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở tỉnh Lam Giang");
        var index = (await anonymous.GetFromJsonAsync<JsonArray>("/api/public/disclosure"))!;
        var listed = index.Single(c => c!["campaignCode"]!.GetValue<string>() == DemoCatalog.CurrentThematicCampaign)!;
        listed["nomineeCount"]!.GetValue<int>().Should().Be(list["nominees"]!.AsArray().Count);
        listed["postedUntil"]!.GetValue<DateTimeOffset>().Should().BeAfter(listed["postedFrom"]!.GetValue<DateTimeOffset>());

        var sent = await anonymous.PostAsJsonAsync($"/api/public/nominations/{id}/comments", new
        {
            text = "Cá nhân này đang bị xem xét kỷ luật, đề nghị xác minh.", isComplaint = true, formToken = await FormTokenAsync(),
        });
        await ApiJourney.Expect(sent, HttpStatusCode.Accepted);

        await using (var db = _journey.CreateDbContext())
        {
            var state = await db.WorkflowInstances.Where(i => i.NominationId == id).Select(i => i.State).SingleAsync();
            app.Clock.Set(Engine.InstanceState.FromJson(state).WaitUntil!.Value.AddMinutes(5));
        }
        (await app.AsSystem(new ElapseWait(id, "public-disclosure"))).Should().BeFalse();
        (await _journey.DetailAsync(id))["currentStep"]!.GetValue<string>().Should().Be("public-disclosure");

        var secretary = await app.As(DemoAccounts.SteeringStandingMember);
        var comments = (await secretary.GetFromJsonAsync<JsonArray>($"/api/nominations/{id}/disclosure-comments"))!;
        var commentId = comments.Single()!["id"]!.GetValue<Guid>();
        comments.Single()!["openComplaint"]!.GetValue<bool>().Should().BeTrue();
        await ApiJourney.Expect(await (await app.As(DemoAccounts.OfficerTanHoa)).PostAsJsonAsync($"/api/disclosure-comments/{commentId}/handling",
            new { kind = "Complaint", handling = "x", resolved = true }), HttpStatusCode.Forbidden);
        await ApiJourney.Expect(await (await app.As(DemoAccounts.OfficerTanHoa)).GetAsync($"/api/nominations/{id}/disclosure-comments"), HttpStatusCode.Forbidden);
        var noHandling = await secretary.PostAsJsonAsync($"/api/disclosure-comments/{commentId}/handling", new { kind = "Complaint", resolved = true });
        await ApiJourney.Expect(noHandling, HttpStatusCode.BadRequest);
        (await ApiJourney.Problem(noHandling))["errors"]!.AsObject().Should().ContainKey("handling");

        var resolved = await secretary.PostAsJsonAsync($"/api/disclosure-comments/{commentId}/handling",
            new { kind = "Complaint", handling = "Đã xác minh: không có kỷ luật.", resolved = true });
        await ApiJourney.Expect(resolved, HttpStatusCode.OK);
        (await resolved.Content.ReadFromJsonAsync<JsonObject>())!["waitEnded"]!.GetValue<bool>().Should().BeTrue();
        (await _journey.DetailAsync(id))["currentStep"]!.GetValue<string>().Should().Be("appraisal");
    }

    [Fact]
    public async Task Spam_bad_input_and_too_many_comments_are_refused()
    {
        var id = await InDisclosureAsync();
        var anonymous = app.AnonymousClient();
        var token = await FormTokenAsync();

        var honeypot = await anonymous.PostAsJsonAsync($"/api/public/nominations/{id}/comments", new { text = "Mua bán vé số giá rẻ tại đây", website = "http://spam.example", formToken = token });
        await ApiJourney.Expect(honeypot, HttpStatusCode.Accepted);
        (await honeypot.Content.ReadFromJsonAsync<JsonObject>())!["commentId"].Should().BeNull();
        var bad = await anonymous.PostAsJsonAsync($"/api/public/nominations/{id}/comments", new { text = "", authorName = new string('a', 201), formToken = "forged" });
        await ApiJourney.Expect(bad, HttpStatusCode.BadRequest);
        (await ApiJourney.Problem(bad))["errors"]!.AsObject().Select(e => e.Key).Should().BeEquivalentTo(["text", "authorName", "formToken"]);
        await ApiJourney.Expect(await anonymous.PostAsJsonAsync($"/api/public/nominations/{Guid.NewGuid()}/comments", new { text = "Một ý kiến về ai đó.", formToken = token }), HttpStatusCode.NotFound);
        await ApiJourney.Expect(await anonymous.GetAsync("/api/public/campaigns/KHONG-CO/disclosure"), HttpStatusCode.NotFound);

        HttpResponseMessage? last = null;
        for (var i = 0; i < 12 && last?.StatusCode != HttpStatusCode.TooManyRequests; i++)
            last = await anonymous.PostAsJsonAsync($"/api/public/nominations/{id}/comments", new { text = $"Ý kiến góp ý số {i} về hồ sơ.", formToken = token });
        last!.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        var refusal = await ApiJourney.Problem(last);
        refusal["code"]!.GetValue<string>().Should().Be("too-many-requests");
        refusal["detail"]!.GetValue<string>().Should().Be("Bạn đã gửi quá nhiều ý kiến; vui lòng thử lại sau.", "a person reads it, in Vietnamese by default");
    }
}
