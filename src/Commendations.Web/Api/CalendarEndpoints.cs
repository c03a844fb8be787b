using Commendations.Domain.Calendar;
using Commendations.Features.Admin.Calendar;
using Commendations.Features.Calendar;
using Commendations.Web.Auth;
using MediatR;

namespace Commendations.Web.Api;

/// <summary>The working-day calendar (holidays, days off, compensatory working days): administrators only; changes are audited.</summary>
public static class CalendarEndpoints
{
    public sealed record CalendarDayBody(DateOnly? Date, CalendarDayKind? Kind, string? Name);

    public static void MapCalendarEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/calendar/days").WithTags("Calendar").RequireAuthorization(Policies.Administrator);
        group.MapGet("/", (IMediator m, int? year, CancellationToken ct) => m.Send(new ListCalendarDays(year), ct));
        group.MapPost("/", async (IMediator m, CalendarDayBody body, CancellationToken ct) =>
        {
            var day = await m.Send(new AdminAddCalendarDay(body.Date ?? default, body.Kind ?? (CalendarDayKind)(-1), body.Name ?? ""), ct);
            return TypedResults.Created($"/api/calendar/days/{day.Date:yyyy-MM-dd}", day);
        });
        group.MapDelete("/{date}", async (IMediator m, DateOnly date, CancellationToken ct) =>
        {
            await m.Send(new AdminRemoveCalendarDay(date), ct);
            return TypedResults.NoContent();
        });
    }
}
