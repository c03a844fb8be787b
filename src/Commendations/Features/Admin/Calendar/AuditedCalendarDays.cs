using Commendations.Audit;
using Commendations.Common;
using Commendations.Common.Security;
using Commendations.Domain.Calendar;
using Commendations.Features.Calendar;
using Commendations.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Admin.Calendar;

/// <summary>A day added or removed, and the running deadlines that moved because of it (already recomputed and notified).</summary>
public sealed record CalendarDayChanged(CalendarDayItem? Day, IReadOnlyList<MovedDeadline> Moved);

/// <summary>
/// The administration's calendar changes: the calendar use cases (<see cref="AddCalendarDay"/>, <see cref="RemoveCalendarDay"/>,
/// same validation and refusals), run in this command's transaction with an entry in the "admin:calendar" audit stream;
/// the open tasks' due times are computed again under the changed calendar, and those that moved are listed.
/// </summary>
[Allowed(Roles.Administrator)]
public sealed record AdminAddCalendarDay(DateOnly Date, CalendarDayKind Kind, string Name, string? Source = null, bool Provisional = false,
    DateOnly? SwappedWith = null) : ICommand<CalendarDayChanged>;

public sealed class AdminAddCalendarDayHandler(IMediator mediator, AuditTrail audit, CommendationsDbContext db, CalendarDeadlines deadlines)
    : IRequestHandler<AdminAddCalendarDay, CalendarDayChanged>
{
    public async Task<CalendarDayChanged> Handle(AdminAddCalendarDay request, CancellationToken cancellationToken)
    {
        await db.CalendarDays.LoadAsync(cancellationToken);
        var day = await mediator.Send(new AddCalendarDay(request.Date, request.Kind, request.Name, request.Source, request.Provisional, request.SwappedWith),
            cancellationToken);
        var moved = await deadlines.RecomputeAsync(TrackedCalendar.Days(db), apply: true, cancellationToken);
        await audit.RecordAsync(AdminAccess.CalendarStream, "calendar.day-added",
            data: new { day.Date, Kind = day.Kind.ToString(), day.Name, day.Source, day.Provisional, day.SwappedWith, moved = moved.Count },
            cancellationToken: cancellationToken);
        return new CalendarDayChanged(day, moved);
    }
}

[Allowed(Roles.Administrator)]
public sealed record AdminRemoveCalendarDay(DateOnly Date) : ICommand<CalendarDayChanged>;

public sealed class AdminRemoveCalendarDayHandler(IMediator mediator, AuditTrail audit, CommendationsDbContext db, CalendarDeadlines deadlines)
    : IRequestHandler<AdminRemoveCalendarDay, CalendarDayChanged>
{
    public async Task<CalendarDayChanged> Handle(AdminRemoveCalendarDay request, CancellationToken cancellationToken)
    {
        await db.CalendarDays.LoadAsync(cancellationToken);
        await mediator.Send(new RemoveCalendarDay(request.Date), cancellationToken);
        var moved = await deadlines.RecomputeAsync(TrackedCalendar.Days(db), apply: true, cancellationToken);
        await audit.RecordAsync(AdminAccess.CalendarStream, "calendar.day-removed", data: new { request.Date, moved = moved.Count },
            cancellationToken: cancellationToken);
        return new CalendarDayChanged(null, moved);
    }
}

/// <summary>The calendar as it will be saved: every row loaded into the context, with this request's additions and without its removals.</summary>
internal static class TrackedCalendar
{
    public static IReadOnlyList<CalendarDayData> Days(CommendationsDbContext db) =>
        db.ChangeTracker.Entries<CalendarDay>().Where(e => e.State is not (EntityState.Deleted or EntityState.Detached))
            .Select(e => CalendarDayData.Of(e.Entity)).ToList();
}
