using Commendations.Common.Text;
using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Domain.Calendar;
using Commendations.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Commendations.Common.Behaviours;

namespace Commendations.Features.Calendar;

public sealed record CalendarDayItem(DateOnly Date, CalendarDayKind Kind, string Name);

/// <summary>
/// The exceptions to the Monday–Friday week (holidays, days off, compensatory working days), optionally of one year.
/// Already scheduled reminders and deadlines keep the times computed when their task opened.
/// </summary>
[Allowed(Roles.Administrator)]
public sealed record ListCalendarDays(int? Year = null) : IQuery<IReadOnlyList<CalendarDayItem>>;

public sealed class ListCalendarDaysValidator : AbstractValidator<ListCalendarDays>
{
    public ListCalendarDaysValidator() =>
        RuleFor(r => r.Year).InclusiveBetween(CalendarYears.First, CalendarYears.Last)
            .WithMessage(new Common.Text.Message("Chọn một năm từ {0} đến {1}.", CalendarYears.First, CalendarYears.Last));
}

public sealed class ListCalendarDaysHandler(CommendationsDbContext db) : IRequestHandler<ListCalendarDays, IReadOnlyList<CalendarDayItem>>
{
    public async Task<IReadOnlyList<CalendarDayItem>> Handle(ListCalendarDays request, CancellationToken cancellationToken)
    {
        var days = db.CalendarDays.AsNoTracking();
        if (request.Year is { } year)
            days = days.Where(d => d.Date >= new DateOnly(year, 1, 1) && d.Date <= new DateOnly(year, 12, 31));
        return await days.OrderBy(d => d.Date).Select(d => new CalendarDayItem(d.Date, d.Kind, d.Name)).ToListAsync(cancellationToken);
    }
}

/// <summary>An administrator adds a holiday, a day off or a compensatory working day; a date already listed is a field error.</summary>
[Allowed(Roles.Administrator)]
public sealed record AddCalendarDay(DateOnly Date, CalendarDayKind Kind, string Name) : ICommand<CalendarDayItem>;

public sealed class AddCalendarDayValidator : AbstractValidator<AddCalendarDay>
{
    public AddCalendarDayValidator()
    {
        RuleFor(c => c.Date).NotEmpty().InclusiveBetween(new DateOnly(2000, 1, 1), new DateOnly(2100, 12, 31));
        RuleFor(c => c.Kind).IsInEnum();
        RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
    }
}

public sealed class AddCalendarDayHandler(CommendationsDbContext db) : IRequestHandler<AddCalendarDay, CalendarDayItem>
{
    public async Task<CalendarDayItem> Handle(AddCalendarDay request, CancellationToken cancellationToken)
    {
        if (await db.CalendarDays.AnyAsync(d => d.Date == request.Date, cancellationToken))
            throw new InputException("date", new Message("Ngày {0} đã có trong lịch; hãy bỏ ngày đó trước khi sửa.", request.Date));
        db.CalendarDays.Add(new CalendarDay(request.Date, request.Kind, request.Name.Trim()));
        return new CalendarDayItem(request.Date, request.Kind, request.Name.Trim());
    }
}

/// <summary>An administrator removes a listed day (it becomes an ordinary weekday or weekend day again).</summary>
[Allowed(Roles.Administrator)]
public sealed record RemoveCalendarDay(DateOnly Date) : ICommand<bool>;

public sealed class RemoveCalendarDayHandler(CommendationsDbContext db) : IRequestHandler<RemoveCalendarDay, bool>
{
    public async Task<bool> Handle(RemoveCalendarDay request, CancellationToken cancellationToken)
    {
        var day = await db.CalendarDays.SingleOrDefaultAsync(d => d.Date == request.Date, cancellationToken)
                  ?? throw new NotFoundException(Things.CalendarDay);
        db.CalendarDays.Remove(day);
        return true;
    }
}
