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

        (await admin.DeleteAsync("/api/admin/calendar/days/2027-02-20")).StatusCode.Should().Be(HttpStatusCode.NoContent);
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
}
