using Commendations.Audit;
using Commendations.Common;
using Commendations.Common.Security;
using Commendations.Domain.Calendar;
using Commendations.Features.Calendar;
using MediatR;

namespace Commendations.Features.Admin.Calendar;

/// <summary>
/// The administration's calendar changes: the calendar use cases (<see cref="AddCalendarDay"/>, <see cref="RemoveCalendarDay"/>,
/// same validation and refusals), run in this command's transaction with an entry in the "admin:calendar" audit stream.
/// </summary>
[Allowed(Roles.Administrator)]
public sealed record AdminAddCalendarDay(DateOnly Date, CalendarDayKind Kind, string Name) : ICommand<CalendarDayItem>;

public sealed class AdminAddCalendarDayHandler(IMediator mediator, AuditTrail audit) : IRequestHandler<AdminAddCalendarDay, CalendarDayItem>
{
    public async Task<CalendarDayItem> Handle(AdminAddCalendarDay request, CancellationToken cancellationToken)
    {
        var day = await mediator.Send(new AddCalendarDay(request.Date, request.Kind, request.Name), cancellationToken);
        await audit.RecordAsync(AdminAccess.CalendarStream, "calendar.day-added",
            data: new { day.Date, Kind = day.Kind.ToString(), day.Name }, cancellationToken: cancellationToken);
        return day;
    }
}

[Allowed(Roles.Administrator)]
public sealed record AdminRemoveCalendarDay(DateOnly Date) : ICommand<bool>;

public sealed class AdminRemoveCalendarDayHandler(IMediator mediator, AuditTrail audit) : IRequestHandler<AdminRemoveCalendarDay, bool>
{
    public async Task<bool> Handle(AdminRemoveCalendarDay request, CancellationToken cancellationToken)
    {
        await mediator.Send(new RemoveCalendarDay(request.Date), cancellationToken);
        await audit.RecordAsync(AdminAccess.CalendarStream, "calendar.day-removed", data: new { request.Date }, cancellationToken: cancellationToken);
        return true;
    }
}
