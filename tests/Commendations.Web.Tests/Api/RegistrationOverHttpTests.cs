using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Commendations.Seeding;
using Commendations.Web.Tests.Infrastructure;

namespace Commendations.Web.Tests.Api;

/// <summary>
/// Issue 22: the year-start registration of titles. The commendation office opens it with a closing date, a unit registers
/// its titles, the office sees who registered and who did not and exports the list; a late registration is refused.
/// </summary>
public class RegistrationOverHttpTests(ApiFactory app) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Units_register_titles_until_the_closing_date_and_the_owner_sees_who_did_not()
    {
        app.Clock.Set(Testing.TestClock.At(2026, 12, 1));
        var campaign = await new ApiJourney(app).CurrentCampaignAsync();
        var tanHoa = await app.As(DemoAccounts.OfficerTanHoa);
        var appraiser = await app.As(DemoAccounts.Appraiser);
        object Titles(int collectives, int individuals) =>
            new { titles = new[] { new { awardFormCode = DemoCatalog.CertificateOfMerit, collectives, individuals } } };

        // Before it is opened, a unit cannot register.
        var early = await tanHoa.PutAsJsonAsync($"/api/campaigns/{campaign}/registration/my-unit", Titles(1, 1));
        await ApiJourney.Expect(early, HttpStatusCode.Conflict);
        (await ApiJourney.Problem(early))["code"]!.GetValue<string>().Should().Be("registration-not-open");

        // Only the commendation office (or an administrator) opens it; a leader may not.
        var byLeader = await (await app.As(DemoAccounts.Leader)).PutAsJsonAsync($"/api/campaigns/{campaign}/registration/window", new { closesOn = "2026-12-10" });
        await ApiJourney.Expect(byLeader, HttpStatusCode.Forbidden);
        var past = await appraiser.PutAsJsonAsync($"/api/campaigns/{campaign}/registration/window", new { closesOn = "2026-11-30" });
        await ApiJourney.Expect(past, HttpStatusCode.BadRequest);
        (await ApiJourney.Problem(past))["errors"]!.AsObject().Should().ContainKey("closesOn");
        await ApiJourney.Expect(await appraiser.PutAsJsonAsync($"/api/campaigns/{campaign}/registration/window", new { closesOn = "2026-12-10" }), HttpStatusCode.OK);

        // Tân Hòa registers (and corrects); an award form the campaign does not have is refused by field.
        var wrongForm = await tanHoa.PutAsJsonAsync($"/api/campaigns/{campaign}/registration/my-unit",
            new { titles = new[] { new { awardFormCode = "huan-chuong-lao-dong-hang-ba", collectives = 1, individuals = 0 } } });
        await ApiJourney.Expect(wrongForm, HttpStatusCode.BadRequest);
        (await ApiJourney.Problem(wrongForm))["errors"]!.AsObject().Should().ContainKey("titles[0].awardFormCode");
        var negative = await tanHoa.PutAsJsonAsync($"/api/campaigns/{campaign}/registration/my-unit", Titles(-1, 0));
        await ApiJourney.Expect(negative, HttpStatusCode.BadRequest);
        await ApiJourney.Expect(await tanHoa.PutAsJsonAsync($"/api/campaigns/{campaign}/registration/my-unit", Titles(1, 1)), HttpStatusCode.OK);
        var registered = await tanHoa.PutAsJsonAsync($"/api/campaigns/{campaign}/registration/my-unit", Titles(2, 5));
        await ApiJourney.Expect(registered, HttpStatusCode.OK);
        (await registered.Content.ReadFromJsonAsync<JsonObject>())!["titles"]!.AsArray().Single()!["individuals"]!.GetValue<int>().Should().Be(5);
        // A leader is not a unit's officer: registering is refused for the role.
        await ApiJourney.Expect(await (await app.As(DemoAccounts.Leader)).PutAsJsonAsync($"/api/campaigns/{campaign}/registration/my-unit", Titles(1, 1)),
            HttpStatusCode.Forbidden);

        // The office sees every unit that registers with the province: Tân Hòa registered, Đông Xuyên not.
        var all = (await appraiser.GetFromJsonAsync<JsonObject>($"/api/campaigns/{campaign}/registration"))!;
        var units = all["units"]!.AsArray();
        units.Should().HaveCountGreaterThan(3);
        units.Single(u => (string?)u!["unitName"] == "UBND xã Tân Hòa")!["registered"]!.GetValue<bool>().Should().BeTrue();
        units.Single(u => (string?)u!["unitName"] == "UBND phường Đông Xuyên")!["registered"]!.GetValue<bool>().Should().BeFalse();
        all["registeredCount"]!.GetValue<int>().Should().Be(1);
        // Đông Xuyên's officer sees his own unit only.
        var mine = (await (await app.As(DemoAccounts.OfficerDongXuyen)).GetFromJsonAsync<JsonObject>($"/api/campaigns/{campaign}/registration"))!;
        mine["units"]!.AsArray().Select(u => (string?)u!["unitName"]).Should().Equal("UBND phường Đông Xuyên");

        // The export lists every unit, registered or not.
        var export = await appraiser.GetAsync($"/api/campaigns/{campaign}/registration/export?format=xlsx");
        await ApiJourney.Expect(export, HttpStatusCode.OK);
        var rows = Workbook.Read(await export.Content.ReadAsByteArrayAsync()).Sheets["Đăng ký thi đua"];
        rows[0].Select(c => c?.ToString()).Should().Equal("STT", "Đơn vị", "Đã đăng ký", "Ngày đăng ký", "Hình thức khen thưởng", "Số tập thể", "Số cá nhân");
        var tanHoaRow = rows.Single(r => (string?)r[1] == "UBND xã Tân Hòa");
        tanHoaRow[2].Should().Be("Có");
        Convert.ToInt32(tanHoaRow[5], CultureInfo.InvariantCulture).Should().Be(2);
        Convert.ToInt32(tanHoaRow[6], CultureInfo.InvariantCulture).Should().Be(5);
        rows.Single(r => (string?)r[1] == "UBND phường Đông Xuyên")[2].Should().Be("Chưa");
        await ApiJourney.Expect(await tanHoa.GetAsync($"/api/campaigns/{campaign}/registration/export"), HttpStatusCode.Forbidden);

        // The closing date is inclusive, in Vietnam dates: 10/12 at 23:30 still registers, 11/12 at 00:30 does not.
        app.Clock.Set(Testing.TestClock.At(2026, 12, 10, 23, 30));
        await ApiJourney.Expect(await (await app.As(DemoAccounts.OfficerTanHoa)).PutAsJsonAsync($"/api/campaigns/{campaign}/registration/my-unit", Titles(2, 4)), HttpStatusCode.OK);
        app.Clock.Set(Testing.TestClock.At(2026, 12, 11, 0, 30));
        var late = await (await app.As(DemoAccounts.OfficerDongXuyen)).PutAsJsonAsync($"/api/campaigns/{campaign}/registration/my-unit", Titles(1, 0));
        await ApiJourney.Expect(late, HttpStatusCode.Conflict);
        var problem = await ApiJourney.Problem(late);
        problem["code"]!.GetValue<string>().Should().Be("registration-closed");
        problem["detail"]!.GetValue<string>().Should().Be("Đã hết hạn đăng ký thi đua của phong trào “Thi đua thực hiện Quy chế dân chủ ở cơ sở năm 2026” (hạn cuối 10/12/2026).");
    }
}
