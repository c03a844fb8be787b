using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Commendations.Seeding;
using Commendations.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Commendations.Web.Tests.Api;

/// <summary>
/// Issue 22: anyone verifies an award by its certificate's register number, sees only what the law allows, and a
/// neutral answer for anything else; the look-ups are limited per client address.
/// </summary>
public class PublicLookupOverHttpTests(PublicLookupOverHttpTests.Factory app) : IClassFixture<PublicLookupOverHttpTests.Factory>
{
    /// <summary>Five look-ups per address and window, so the limit is reached quickly.</summary>
    public sealed class Factory : ApiFactory
    {
        public const int Limit = 5;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("PublicLookup:RequestsPerIpPerWindow", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task Anyone_verifies_an_award_by_its_register_number_and_the_sixth_look_up_in_the_window_gets_429()
    {
        var numbers = await new AwardsForStatistics(app).DecideAsync("77/QĐ-UBND", new DateOnly(2027, 1, 12),
            new("Phạm Thị Hoa", false, Woman: true), new("Đội Dân phòng thôn Bắc", true));
        // A decision numbers its collectives first, then its individuals.
        var team = numbers[0];
        var person = numbers[1];
        var anyone = app.AnonymousClient();

        // 1: the register number as printed, any case; what is shown is exactly the allowed fields.
        var found = await anyone.GetAsync($"/api/public/awards?registerNumber={person.ToLowerInvariant()}");
        await ApiJourney.Expect(found, HttpStatusCode.OK);
        var award = (await found.Content.ReadFromJsonAsync<JsonObject>())!;
        award.Select(p => p.Key).Should().BeEquivalentTo(["registerNumber", "awardFormName", "kind", "awardeeName", "unitName", "decisionNumber",
            "decisionDate", "signerTitle", "revoked", "revokingDecisionNumber", "revocationDate", "corrected"],
            "no birth year, sex, position, identity number, achievement or signer's name (Decree 13/2023)");
        award["awardeeName"]!.GetValue<string>().Should().Be("Phạm Thị Hoa");
        award["unitName"]!.GetValue<string>().Should().Be("UBND xã Tân Hòa");
        award["decisionNumber"]!.GetValue<string>().Should().Be("77/QĐ-UBND");
        award["signerTitle"]!.GetValue<string>().Should().Be("Chủ tịch UBND tỉnh");
        award["revoked"]!.GetValue<bool>().Should().BeFalse();
        award.ToJsonString().Should().NotContain("1984");

        // 2: with the matching decision number (spaces and case aside).
        await ApiJourney.Expect(await anyone.GetAsync($"/api/public/awards?registerNumber={team}&decisionNumber=77%2Fq%C4%91-ubnd"), HttpStatusCode.OK);

        // 3, 4: a wrong decision number and an unknown number get the same neutral answer.
        var wrongDecision = await anyone.GetAsync($"/api/public/awards?registerNumber={person}&decisionNumber=78%2FQ%C4%90-UBND");
        var unknown = await anyone.GetAsync("/api/public/awards?registerNumber=SV-1999-0001");
        await ApiJourney.Expect(wrongDecision, HttpStatusCode.NotFound);
        await ApiJourney.Expect(unknown, HttpStatusCode.NotFound);
        (await ApiJourney.Problem(wrongDecision))["detail"]!.GetValue<string>()
            .Should().Be((await ApiJourney.Problem(unknown))["detail"]!.GetValue<string>())
            .And.StartWith("Không tìm thấy khen thưởng nào");

        // 5: the public page shows the same, and the registry's line links to it.
        var page = WebUtility.HtmlDecode(await anyone.GetStringAsync($"/tra-cuu?so={person}"));
        page.Should().Contain("Phạm Thị Hoa").And.Contain("77/QĐ-UBND").And.Contain("Còn hiệu lực").And.NotContain("1984");

        // 6: over the limit: 429, in Vietnamese, as a problem with a code.
        var limited = await anyone.GetAsync($"/api/public/awards?registerNumber={person}");
        limited.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        var problem = await ApiJourney.Problem(limited);
        problem["code"]!.GetValue<string>().Should().Be("too-many-requests");
        problem["detail"]!.GetValue<string>().Should().Be("Bạn đã tra cứu quá nhiều lần trong thời gian ngắn. Vui lòng thử lại sau ít phút.");
        (await anyone.GetAsync($"/tra-cuu?so={person}")).StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "the page shares the limit");

        // A signed-in user reaches the look-up from the registry's line.
        var line = (await (await app.As(DemoAccounts.OfficerTanHoa)).GetFromJsonAsync<JsonObject>("/api/registry?decision=77/QĐ-UBND"))!["items"]!.AsArray()[0]!;
        (await (await app.As(DemoAccounts.OfficerTanHoa)).GetStringAsync($"/so-khen-thuong/{line["id"]}")).Should().Contain($"/tra-cuu?so={line["registerNumber"]}");
    }
}
