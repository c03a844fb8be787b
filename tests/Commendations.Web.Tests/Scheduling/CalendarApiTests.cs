using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Commendations.Seeding;
using Commendations.Web.Tests.Auth;
using Commendations.Web.Tests.Infrastructure;

namespace Commendations.Web.Tests.Scheduling;

public class CalendarApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private sealed record Day(DateOnly Date, string Kind, string Name);

    [Fact]
    public async Task An_administrator_lists_adds_and_removes_days()
    {
        var admin = await app.ClientFor(DemoAccounts.Admin);

        var seeded = await admin.GetFromJsonAsync<List<Day>>("/api/admin/calendar/days?year=2027");
        seeded.Should().Contain(d => d.Date == new DateOnly(2027, 2, 4) && d.Kind == "DayOff" && d.Name.Contains("Tết"));
        seeded.Should().OnlyContain(d => d.Date.Year == 2027);

        var added = await admin.PostAsJsonAsync("/api/admin/calendar/days", new { date = "2027-02-20", kind = "WorkingDay", name = "Làm bù cho ngày 12/02/2027" });
        added.StatusCode.Should().Be(HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
        added.Headers.Location!.ToString().Should().Be("/api/admin/calendar/days/2027-02-20");
        (await admin.GetFromJsonAsync<List<Day>>("/api/admin/calendar/days?year=2027")).Should()
            .Contain(new Day(new DateOnly(2027, 2, 20), "WorkingDay", "Làm bù cho ngày 12/02/2027"));

        var removed = await admin.DeleteAsync("/api/admin/calendar/days/2027-02-20");
        removed.StatusCode.Should().Be(HttpStatusCode.OK);
        (await removed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("moved").ValueKind.Should().Be(JsonValueKind.Array, "the deadlines it moved are listed");
        (await admin.GetFromJsonAsync<List<Day>>("/api/admin/calendar/days?year=2027")).Should().NotContain(d => d.Date == new DateOnly(2027, 2, 20));
        await (await admin.DeleteAsync("/api/admin/calendar/days/2027-02-20")).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Anyone_else_is_refused_with_403()
    {
        foreach (var account in new[] { DemoAccounts.OfficerTanHoa, DemoAccounts.Leader, DemoAccounts.SteeringHead })
        {
            var client = await app.ClientFor(account);
            await (await client.GetAsync("/api/admin/calendar/days")).ShouldBeProblem(HttpStatusCode.Forbidden);
            await (await client.PostAsJsonAsync("/api/admin/calendar/days", new { date = "2027-03-01", kind = "DayOff", name = "x" })).ShouldBeProblem(HttpStatusCode.Forbidden);
            await (await client.DeleteAsync("/api/admin/calendar/days/2027-02-04")).ShouldBeProblem(HttpStatusCode.Forbidden);
            await (await client.PostAsJsonAsync("/api/admin/calendar/imports/preview", new { source = "shipped", year = 2026 })).ShouldBeProblem(HttpStatusCode.Forbidden);
            await (await client.PostAsJsonAsync("/api/admin/calendar/imports", new { source = "shipped", year = 2026, contentHash = "x" })).ShouldBeProblem(HttpStatusCode.Forbidden);
            await (await client.GetAsync("/api/admin/calendar/offers")).ShouldBeProblem(HttpStatusCode.Forbidden);
        }
        await (await app.AnonymousClient().GetAsync("/api/admin/calendar/days")).ShouldBeProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Bad_input_and_a_date_already_listed_are_field_errors()
    {
        var admin = await app.ClientFor(DemoAccounts.Admin);

        var empty = await (await admin.PostAsJsonAsync("/api/admin/calendar/days", new { })).ShouldBeValidationProblem();
        empty.Errors.Keys.Should().BeEquivalentTo("date", "kind", "name");

        var duplicate = await (await admin.PostAsJsonAsync("/api/admin/calendar/days", new { date = "2027-02-04", kind = "DayOff", name = "Tết" })).ShouldBeValidationProblem();
        duplicate.Errors.Should().ContainKey("date");

        var tooLong = await (await admin.PostAsJsonAsync("/api/admin/calendar/days", new { date = "2027-03-02", kind = "DayOff", name = new string('x', 201) })).ShouldBeValidationProblem();
        tooLong.Errors.Should().ContainKey("name");

        var unknownKind = await admin.PostAsJsonAsync("/api/admin/calendar/days", new { date = "2027-03-02", kind = "Holiday", name = "x" });
        unknownKind.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_official_calendar_file_is_previewed_then_applied_and_a_bad_file_is_a_field_error()
    {
        var admin = await app.ClientFor(DemoAccounts.Admin);
        const string csv = "date,kind,name,source,swappedWith,provisional\n"
            + "2028-01-01,DayOff,Tết Dương lịch,\"Bộ luật Lao động số 45/2019/QH14, Điều 112\",,false\n";
        var preview = await admin.PostAsJsonAsync("/api/admin/calendar/imports/preview", new { source = "file", format = "csv", content = csv, year = 2028 });
        preview.StatusCode.Should().Be(HttpStatusCode.OK, await preview.Content.ReadAsStringAsync());
        var body = await preview.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("changes")[0].GetProperty("change").GetString().Should().Be("Added");
        (await admin.GetFromJsonAsync<List<Day>>("/api/admin/calendar/days?year=2028")).Should().BeEmpty("a preview changes nothing");

        var applied = await admin.PostAsJsonAsync("/api/admin/calendar/imports",
            new { source = "file", format = "csv", content = csv, year = 2028, contentHash = body.GetProperty("contentHash").GetString() });
        applied.StatusCode.Should().Be(HttpStatusCode.OK, await applied.Content.ReadAsStringAsync());
        (await admin.GetFromJsonAsync<List<Day>>("/api/admin/calendar/days?year=2028")).Should().ContainSingle(d => d.Date == new DateOnly(2028, 1, 1));

        var bad = await admin.PostAsJsonAsync("/api/admin/calendar/imports/preview",
            new { source = "file", format = "csv", content = "date,kind,name,source,swappedWith,provisional\n2028-01-05,WorkingDay,Làm bù,,,\n", year = 2028 });
        var problem = await bad.ShouldBeValidationProblem();
        problem.Errors.Should().ContainKey("content");
    }
}
