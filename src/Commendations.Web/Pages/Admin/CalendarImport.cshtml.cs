using System.Text;
using Commendations.Features.Admin.Calendar;
using Microsoft.AspNetCore.Mvc;

namespace Commendations.Web.Pages.Admin;

/// <summary>
/// Importing a year's official calendar into this installation: an uploaded file (JSON or CSV, docs/calendar.md) or the
/// calendar shipped with the application. First a preview (days added, removed, changed; running deadlines that would
/// move), then apply — the applied content is the previewed one (its hash goes with the form).
/// </summary>
public sealed class CalendarImportModel : AdminPageModel
{
    [BindProperty(SupportsGet = true)] public string? Source { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty] public string? Format { get; set; }
    [BindProperty(Name = "content")] public string? FileContent { get; set; }
    [BindProperty] public string? ContentHash { get; set; }
    public CalendarImportPreview? Preview { get; private set; }
    public CalendarImportPreview? Applied { get; private set; }
    public string[] FieldKeys => ["file", "year"];

    public async Task<IActionResult> OnGetAsync()
    {
        // A shipped calendar offered on the calendar page: its preview straight away.
        if (Source == CalendarImportSources.Shipped)
            await TryAsync(async () => Preview = await Mediator.Send(new PreviewCalendarImport(Source, null, null, Year)), "");
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? file)
    {
        Source = CalendarImportSources.File;
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", T["Chọn tệp lịch (.json hoặc .csv) cần nhập."]);
            return Page();
        }
        Format = Path.GetExtension(file.FileName).TrimStart('.').ToLowerInvariant();
        if (Format is not (CalendarFile.JsonFormat or CalendarFile.CsvFormat))
        {
            ModelState.AddModelError("file", T["Tệp lịch phải là .json hoặc .csv."]);
            return Page();
        }
        using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8);
        FileContent = await reader.ReadToEndAsync(HttpContext.RequestAborted);
        await TryAsync(async () => Preview = await Mediator.Send(new PreviewCalendarImport(Source, Format, FileContent, Year)), "");
        // The file's errors are about the file field of this page.
        MoveErrors("content", "file");
        return Page();
    }

    public async Task<IActionResult> OnPostApplyAsync()
    {
        if (await TryAsync(async () => Applied = await Mediator.Send(new ApplyCalendarImport(Source, Format, FileContent, Year, ContentHash)), ""))
            return Page();
        MoveErrors("content", "file");
        return Page();
    }

    private void MoveErrors(string from, string to)
    {
        if (!ModelState.TryGetValue(from, out var entry) || entry.Errors.Count == 0)
            return;
        foreach (var error in entry.Errors.ToList())
            ModelState.AddModelError(to, error.ErrorMessage);
        ModelState.Remove(from);
    }
}
