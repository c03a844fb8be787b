using Commendations.Common.Errors;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Commendations.Web.Ui;

/// <summary>
/// A page that calls the use cases. Refusals become messages on the page: field errors next to their fields
/// (the use cases name fields in camelCase, e.g. <c>collective.name</c>), conflicts and refusals at the top.
/// </summary>
public abstract class AppPageModel : PageModel
{
    protected IMediator Mediator => HttpContext.RequestServices.GetRequiredService<IMediator>();

    protected UiText T => HttpContext.RequestServices.GetRequiredService<UiText>();

    /// <summary>A message shown once after a redirect (post/redirect/get).</summary>
    [TempData]
    public string? Flash { get; set; }

    /// <summary>Runs a command; false (with the reasons in ModelState) when it was refused.</summary>
    protected async Task<bool> TryAsync(Func<Task> action, string fieldPrefix = "Input")
    {
        try
        {
            await action();
            return true;
        }
        catch (InputException e)
        {
            foreach (var (field, reasons) in e.Errors)
            {
                foreach (var reason in reasons)
                    ModelState.AddModelError(string.IsNullOrEmpty(fieldPrefix) ? field : $"{fieldPrefix}.{field}", reason);
            }
        }
        catch (ConflictException e)
        {
            ModelState.AddModelError("", e.Message);
        }
        catch (ForbiddenException e)
        {
            ModelState.AddModelError("", e.Message);
        }
        return false;
    }

    /// <summary>Field errors the page has no field for (e.g. "documents") are shown in the summary at the top.</summary>
    public IEnumerable<string> ErrorsWithoutField(params string[] shownKeys) =>
        ModelState.Where(e => e.Value!.Errors.Count > 0 && !shownKeys.Contains(e.Key, StringComparer.OrdinalIgnoreCase))
            .SelectMany(e => e.Value!.Errors.Select(x => x.ErrorMessage));
}
