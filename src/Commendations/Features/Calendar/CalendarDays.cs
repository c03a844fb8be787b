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

/// <summary>A listed day: its document (<see cref="Source"/>), whether it is still provisional, and the other day of its swap.</summary>
public sealed record CalendarDayItem(DateOnly Date, CalendarDayKind Kind, string Name, string Source = "", bool Provisional = false, DateOnly? SwappedWith = null);

/// <summary>
/// The exceptions to the Monday–Friday week (holidays, days off, compensatory working days), optionally of one year.
/// A change through the administration recomputes the running deadlines (<c>CalendarDeadlines</c>).
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
        return await days.OrderBy(d => d.Date).Select(d => new CalendarDayItem(d.Date, d.Kind, d.Name, d.Source, d.Provisional, d.SwappedWith)).ToListAsync(cancellationToken);
    }
}

/// <summary>
/// An administrator adds a holiday, a day off or a compensatory working day (a Saturday or Sunday worked), citing its
/// document. <see cref="SwappedWith"/> pairs it with the day already listed on the other side of an official swap (the
/// weekday off for a Saturday worked, or the reverse); both rows then name each other. A date already listed is a field error.
/// </summary>
[Allowed(Roles.Administrator)]
public sealed record AddCalendarDay(DateOnly Date, CalendarDayKind Kind, string Name, string? Source = null, bool Provisional = false, DateOnly? SwappedWith = null)
    : ICommand<CalendarDayItem>;

public sealed class AddCalendarDayValidator : AbstractValidator<AddCalendarDay>
{
    public AddCalendarDayValidator()
    {
        RuleFor(c => c.Date).NotEmpty().InclusiveBetween(new DateOnly(CalendarYears.First, 1, 1), new DateOnly(CalendarYears.Last, 12, 31));
        RuleFor(c => c.Kind).IsInEnum();
        RuleFor(c => c.Name).NotEmpty().MaximumLength(CalendarDay.NameMaxLength);
        RuleFor(c => c.Source).MaximumLength(CalendarDay.SourceMaxLength);
        RuleFor(c => c.Date).Must(CalendarDay.IsWeekend).When(c => c.Kind == CalendarDayKind.WorkingDay)
            .WithMessage(c => new Common.Text.Message("Ngày {0} là ngày làm việc bình thường: chỉ thứ Bảy hoặc Chủ nhật mới có thể là ngày làm việc bù.", c.Date).Format());
    }
}

public sealed class AddCalendarDayHandler(CommendationsDbContext db) : IRequestHandler<AddCalendarDay, CalendarDayItem>
{
    public async Task<CalendarDayItem> Handle(AddCalendarDay request, CancellationToken cancellationToken)
    {
        if (await db.CalendarDays.AnyAsync(d => d.Date == request.Date, cancellationToken))
            throw new InputException("date", new Message("Ngày {0} đã có trong lịch; hãy bỏ ngày đó trước khi sửa.", request.Date));
        if (request.SwappedWith is { } other)
            await PairAsync(request, other, cancellationToken);
        var day = new CalendarDay(request.Date, request.Kind, request.Name.Trim(), (request.Source ?? "").Trim(), request.Provisional, request.SwappedWith);
        db.CalendarDays.Add(day);
        return new CalendarDayItem(day.Date, day.Kind, day.Name, day.Source, day.Provisional, day.SwappedWith);
    }

    /// <summary>The other day of the swap must be listed, unpaired, of the other kind, and the day off a weekday.</summary>
    private async Task PairAsync(AddCalendarDay request, DateOnly other, CancellationToken cancellationToken)
    {
        var partner = await db.CalendarDays.SingleOrDefaultAsync(d => d.Date == other, cancellationToken);
        if (partner is null)
            throw new InputException("swappedWith", new Common.Text.Message("Ngày hoán đổi {0} chưa có trong lịch: thêm ngày đó trước.", other));
        if (partner.SwappedWith is not null)
            throw new InputException("swappedWith", new Common.Text.Message("Ngày {0} đã hoán đổi với ngày {1}.", other, partner.SwappedWith.Value));
        if (partner.Kind == request.Kind)
            throw new InputException("swappedWith", new Common.Text.Message("Hai ngày hoán đổi {0} và {1} phải là một ngày nghỉ và một ngày làm việc bù.", request.Date, other));
        var dayOff = request.Kind == CalendarDayKind.DayOff ? request.Date : other;
        if (CalendarDay.IsWeekend(dayOff))
            throw new InputException(request.Kind == CalendarDayKind.DayOff ? "date" : "swappedWith",
                new Common.Text.Message("Ngày nghỉ hoán đổi {0} phải là ngày làm việc (thứ Hai đến thứ Sáu).", dayOff));
        partner.Change(partner.Kind, partner.Name, partner.Source, partner.Provisional, request.Date);
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
        // The other day of a swap stays listed (its document still names it) but is no longer paired.
        if (day.SwappedWith is { } other && await db.CalendarDays.SingleOrDefaultAsync(d => d.Date == other, cancellationToken) is { } partner)
            partner.Change(partner.Kind, partner.Name, partner.Source, partner.Provisional, null);
        db.CalendarDays.Remove(day);
        return true;
    }
}
