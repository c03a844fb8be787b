using Commendations.Engine;
using Commendations.Domain.Calendar;
using Commendations.Features.Admin.Calendar;
using Commendations.Features.Calendar;
using Commendations.Web.Ui;
using Microsoft.AspNetCore.Mvc;

namespace Commendations.Web.Pages.Admin;

/// <summary>
/// The working-day calendar of one year: days off and compensatory working days with their documents; add and remove
/// (running deadlines are computed again and the page says how many moved); shipped official calendars not yet taken.
/// </summary>
public sealed class CalendarModel(TimeProvider clock) : AdminPageModel
{
    [BindProperty(SupportsGet = true)] public int Year { get; set; }
    [BindProperty] public DayInput Input { get; set; } = new();
    public IReadOnlyList<CalendarDayItem> Days { get; private set; } = [];
    public IReadOnlyList<CalendarOffer> Offers { get; private set; } = [];
    public string[] FieldKeys => ["Input.date", "Input.kind", "Input.name", "Input.source", "Input.swappedWith"];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAddAsync()
    {
        CalendarDayChanged? changed = null;
        if (!ModelState.IsValid || !await TryAsync(async () => changed = await Mediator.Send(new AdminAddCalendarDay(Input.Date ?? default, Input.Kind,
                Input.Name ?? "", Input.Source, Input.Provisional, Input.SwappedWith))))
        {
            await LoadAsync();
            return Page();
        }
        Flash = T["Đã thêm ngày {0}.", Format.Date(Input.Date!.Value)] + " " + Moved(changed!.Moved.Count);
        return Redirect($"/quan-tri/lich-nghi?year={Input.Date!.Value.Year}");
    }

    public async Task<IActionResult> OnPostRemoveAsync(DateOnly date)
    {
        CalendarDayChanged? changed = null;
        if (!await TryAsync(async () => changed = await Mediator.Send(new AdminRemoveCalendarDay(date)), ""))
        {
            await LoadAsync();
            return Page();
        }
        Flash = T["Đã xóa ngày {0}.", Format.Date(date)] + " " + Moved(changed!.Moved.Count);
        return Redirect($"/quan-tri/lich-nghi?year={date.Year}");
    }

    public async Task<IActionResult> OnPostDismissAsync(int offerYear)
    {
        if (await TryAsync(() => Mediator.Send(new DismissShippedCalendar(offerYear)), ""))
            Flash = T["Đã bỏ qua lịch chính thức năm {0} kèm theo ứng dụng.", offerYear];
        return Redirect($"/quan-tri/lich-nghi?year={Year}");
    }

    private string Moved(int count) => count == 0
        ? T["Không hạn xử lý nào thay đổi."]
        : T["{0} hạn xử lý hồ sơ đã được tính lại và người xử lý đã được báo.", count];

    private async Task LoadAsync()
    {
        if (Year is < CalendarYears.First or > CalendarYears.Last)
            Year = clock.GetUtcNow().ToOffset(VietnamTime.Offset).Year;
        Days = await Mediator.Send(new ListCalendarDays(Year));
        Offers = await Mediator.Send(new ListCalendarOffers());
    }

    public sealed class DayInput
    {
        public DateOnly? Date { get; set; }
        public CalendarDayKind Kind { get; set; }
        public string? Name { get; set; }
        public string? Source { get; set; }
        public bool Provisional { get; set; }
        public DateOnly? SwappedWith { get; set; }
    }
}
