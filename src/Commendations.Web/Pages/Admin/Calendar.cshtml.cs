using Commendations.Domain.Calendar;
using Commendations.Features.Admin.Calendar;
using Commendations.Features.Calendar;
using Commendations.Web.Ui;
using Microsoft.AspNetCore.Mvc;

namespace Commendations.Web.Pages.Admin;

/// <summary>The working-day calendar of one year: days off and compensatory working days; add and remove.</summary>
public sealed class CalendarModel(TimeProvider clock) : AdminPageModel
{
    [BindProperty(SupportsGet = true)] public int Year { get; set; }
    [BindProperty] public DayInput Input { get; set; } = new();
    public IReadOnlyList<CalendarDayItem> Days { get; private set; } = [];
    public string[] FieldKeys => ["Input.date", "Input.kind", "Input.name"];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAddAsync()
    {
        if (!ModelState.IsValid || !await TryAsync(() => Mediator.Send(new AdminAddCalendarDay(Input.Date ?? default, Input.Kind, Input.Name ?? ""))))
        {
            await LoadAsync();
            return Page();
        }
        Flash = T["Đã thêm ngày {0}.", Format.Date(Input.Date!.Value)];
        return Redirect($"/quan-tri/lich-nghi?year={Input.Date!.Value.Year}");
    }

    public async Task<IActionResult> OnPostRemoveAsync(DateOnly date)
    {
        if (!await TryAsync(() => Mediator.Send(new AdminRemoveCalendarDay(date)), ""))
        {
            await LoadAsync();
            return Page();
        }
        Flash = T["Đã xóa ngày {0}.", Format.Date(date)];
        return Redirect($"/quan-tri/lich-nghi?year={date.Year}");
    }

    private async Task LoadAsync()
    {
        if (Year is < 2000 or > 2100)
            Year = clock.GetUtcNow().ToOffset(Format.Vietnam).Year;
        Days = await Mediator.Send(new ListCalendarDays(Year));
    }

    public sealed class DayInput
    {
        public DateOnly? Date { get; set; }
        public CalendarDayKind Kind { get; set; }
        public string? Name { get; set; }
    }
}
