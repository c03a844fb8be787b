using System.Text.Json;
using Commendations.Audit;
using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Common.Text;
using Commendations.Domain.Calendar;
using Commendations.Persistence;
using Commendations.Seeding;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Admin.Calendar;

public enum CalendarChangeKind { Added, Removed, Changed }

/// <summary>One day the import changes: absent before (<see cref="CalendarChangeKind.Added"/>), absent after, or different.</summary>
public sealed record CalendarDayChange(DateOnly Date, CalendarChangeKind Change, CalendarDayData? Before, CalendarDayData? After);

/// <summary>
/// What importing a year's calendar would do (or did): the days added, removed and changed, and the running deadlines that
/// move. <see cref="ContentHash"/> identifies the previewed content: applying asks for it, so what is applied is what was shown.
/// </summary>
public sealed record CalendarImportPreview(int Year, bool Provisional, string ContentHash, IReadOnlyList<CalendarDayChange> Changes,
    IReadOnlyList<MovedDeadline> Moved);

/// <summary>Where the calendar to import comes from: a file the administrator uploads, or the one shipped with the application.</summary>
public static class CalendarImportSources
{
    public const string File = CalendarImport.File;
    public const string Shipped = CalendarImport.Shipped;
}

/// <summary>
/// An administrator previews importing a year's official calendar — an uploaded file (<paramref name="Format"/> json or csv,
/// <paramref name="Content"/>; a CSV file needs <paramref name="Year"/>) or the shipped one of <paramref name="Year"/>:
/// nothing is changed.
/// </summary>
[Allowed(Roles.Administrator)]
public sealed record PreviewCalendarImport(string? Source, string? Format, string? Content, int? Year) : IQuery<CalendarImportPreview>;

/// <summary>
/// Applies what <see cref="PreviewCalendarImport"/> showed: the year's days become the file's, the running deadlines are
/// computed again (moved tasks notified), and the import is recorded. <paramref name="ContentHash"/> must be the preview's.
/// </summary>
[Allowed(Roles.Administrator)]
public sealed record ApplyCalendarImport(string? Source, string? Format, string? Content, int? Year, string? ContentHash) : ICommand<CalendarImportPreview>;

/// <summary>The administrator declines the shipped calendar of a year: it is not offered again until its content changes.</summary>
[Allowed(Roles.Administrator)]
public sealed record DismissShippedCalendar(int Year) : ICommand<bool>;

/// <summary>A shipped calendar that differs from the installation's year and was neither applied nor dismissed.</summary>
public sealed record CalendarOffer(int Year, bool Provisional, int ChangedDays);

/// <summary>The shipped calendars the installation has not taken yet: how corrections reach an existing installation.</summary>
[Allowed(Roles.Administrator)]
public sealed record ListCalendarOffers : IQuery<IReadOnlyList<CalendarOffer>>;

internal static class CalendarImportPlan
{
    public static CalendarFile Read(string? source, string? format, string? content, int? year)
    {
        switch (source ?? CalendarImportSources.File)
        {
            case CalendarImportSources.Shipped:
                if (year is not { } y || !VietnamCalendar.Years.TryGetValue(y, out var shipped))
                    throw new InputException("year", new Message("Ứng dụng không kèm lịch chính thức của năm {0}.", year?.ToString() ?? "—"));
                return shipped;
            case CalendarImportSources.File:
                if (string.IsNullOrWhiteSpace(content))
                    throw new InputException("content", new Message("Chọn tệp lịch để nhập."));
                return CalendarFile.Parse((format ?? "").Trim().ToLowerInvariant(), content, year);
            default:
                throw new InputException("source", new Message("Nguồn lịch phải là tệp tải lên hoặc lịch kèm theo ứng dụng."));
        }
    }

    public static IReadOnlyList<CalendarDayChange> Diff(IEnumerable<CalendarDayData> before, IEnumerable<CalendarDayData> after)
    {
        var old = before.ToDictionary(d => d.Date);
        var next = after.ToDictionary(d => d.Date);
        var changes = new List<CalendarDayChange>();
        foreach (var date in old.Keys.Union(next.Keys).Order())
        {
            old.TryGetValue(date, out var b);
            next.TryGetValue(date, out var a);
            if (b is null) changes.Add(new(date, CalendarChangeKind.Added, null, a));
            else if (a is null) changes.Add(new(date, CalendarChangeKind.Removed, b, null));
            else if (a != b) changes.Add(new(date, CalendarChangeKind.Changed, b, a));
        }
        return changes;
    }

    public static async Task<CalendarImportPreview> PlanAsync(CommendationsDbContext db, CalendarDeadlines deadlines, CalendarFile file, bool apply,
        CancellationToken cancellationToken)
    {
        var all = await db.CalendarDays.ToListAsync(cancellationToken);
        var inYear = all.Where(d => d.Date.Year == file.Year).ToList();
        var changes = Diff(inYear.Select(CalendarDayData.Of), file.Days);
        var after = all.Where(d => d.Date.Year != file.Year).Select(CalendarDayData.Of).Concat(file.Days).ToList();
        if (apply)
        {
            var rows = inYear.ToDictionary(d => d.Date);
            foreach (var change in changes)
            {
                switch (change.Change)
                {
                    case CalendarChangeKind.Added: db.CalendarDays.Add(change.After!.ToRow()); break;
                    case CalendarChangeKind.Removed: db.CalendarDays.Remove(rows[change.Date]); break;
                    default:
                        var a = change.After!;
                        rows[change.Date].Change(a.Kind, a.Name, a.Source, a.Provisional, a.SwappedWith);
                        break;
                }
            }
        }
        var moved = changes.Count == 0 ? [] : await deadlines.RecomputeAsync(after, apply, cancellationToken);
        return new CalendarImportPreview(file.Year, file.Provisional, file.ContentHash, changes, moved);
    }
}

public sealed class PreviewCalendarImportHandler(CommendationsDbContext db, CalendarDeadlines deadlines)
    : IRequestHandler<PreviewCalendarImport, CalendarImportPreview>
{
    public Task<CalendarImportPreview> Handle(PreviewCalendarImport request, CancellationToken cancellationToken) =>
        CalendarImportPlan.PlanAsync(db, deadlines, CalendarImportPlan.Read(request.Source, request.Format, request.Content, request.Year), apply: false,
            cancellationToken);
}

public sealed class ApplyCalendarImportHandler(CommendationsDbContext db, CalendarDeadlines deadlines, AuditTrail audit, ICurrentUser user,
    TimeProvider clock) : IRequestHandler<ApplyCalendarImport, CalendarImportPreview>
{
    public async Task<CalendarImportPreview> Handle(ApplyCalendarImport request, CancellationToken cancellationToken)
    {
        var file = CalendarImportPlan.Read(request.Source, request.Format, request.Content, request.Year);
        if (string.IsNullOrWhiteSpace(request.ContentHash))
            throw new InputException("contentHash", new Message("Xem trước thay đổi trước khi áp dụng lịch."));
        if (!string.Equals(request.ContentHash.Trim(), file.ContentHash, StringComparison.OrdinalIgnoreCase))
            throw new ConflictException("calendar-changed-since-preview",
                new Message("Lịch cần nhập khác với lịch đã xem trước; hãy xem trước lại."), "contentHash");
        // One import at a time: two administrators applying the same year would otherwise both diff against the old rows.
        await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtextextended('calendar-import', 0))", cancellationToken);
        var result = await CalendarImportPlan.PlanAsync(db, deadlines, file, apply: true, cancellationToken);
        var summary = JsonSerializer.Serialize(new
        {
            added = result.Changes.Count(c => c.Change == CalendarChangeKind.Added),
            removed = result.Changes.Count(c => c.Change == CalendarChangeKind.Removed),
            changed = result.Changes.Count(c => c.Change == CalendarChangeKind.Changed),
            moved = result.Moved.Count,
        });
        db.CalendarImports.Add(new CalendarImport(file.Year, request.Source ?? CalendarImport.File, file.ContentHash, CalendarImport.Applied,
            clock.GetUtcNow(), user.UserId, summary));
        await audit.RecordAsync(AdminAccess.CalendarStream, "calendar.imported",
            data: new { file.Year, source = request.Source ?? CalendarImport.File, file.ContentHash, summary }, cancellationToken: cancellationToken);
        return result;
    }
}

public sealed class DismissShippedCalendarHandler(CommendationsDbContext db, AuditTrail audit, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<DismissShippedCalendar, bool>
{
    public async Task<bool> Handle(DismissShippedCalendar request, CancellationToken cancellationToken)
    {
        if (!VietnamCalendar.Years.TryGetValue(request.Year, out var shipped))
            throw new InputException("year", new Message("Ứng dụng không kèm lịch chính thức của năm {0}.", request.Year));
        db.CalendarImports.Add(new CalendarImport(shipped.Year, CalendarImport.Shipped, shipped.ContentHash, CalendarImport.Dismissed,
            clock.GetUtcNow(), user.UserId, "{}"));
        await audit.RecordAsync(AdminAccess.CalendarStream, "calendar.shipped-dismissed", data: new { shipped.Year, shipped.ContentHash },
            cancellationToken: cancellationToken);
        return true;
    }
}

public sealed class ListCalendarOffersHandler(CommendationsDbContext db) : IRequestHandler<ListCalendarOffers, IReadOnlyList<CalendarOffer>>
{
    public async Task<IReadOnlyList<CalendarOffer>> Handle(ListCalendarOffers request, CancellationToken cancellationToken)
    {
        var days = await db.CalendarDays.AsNoTracking().ToListAsync(cancellationToken);
        var taken = await db.CalendarImports.AsNoTracking().Where(i => i.Origin == CalendarImport.Shipped)
            .Select(i => new { i.Year, i.ContentHash }).ToListAsync(cancellationToken);
        var offers = new List<CalendarOffer>();
        foreach (var shipped in VietnamCalendar.Years.Values)
        {
            if (taken.Any(t => t.Year == shipped.Year && t.ContentHash == shipped.ContentHash))
                continue;
            var changes = CalendarImportPlan.Diff(days.Where(d => d.Date.Year == shipped.Year).Select(CalendarDayData.Of), shipped.Days);
            if (changes.Count > 0)
                offers.Add(new CalendarOffer(shipped.Year, shipped.Provisional, changes.Count));
        }
        return offers;
    }
}
