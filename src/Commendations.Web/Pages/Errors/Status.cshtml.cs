using Commendations.Web.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Commendations.Web.Pages.Errors;

/// <summary>
/// The error page a browser gets for a failed page request (the status-code pages re-execute the request here, see
/// <see cref="BrowserErrorPages"/>). It reads nothing from the database, so it also works when that is what failed.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken] // re-executed with the failed request's method and form, which may be what failed the check
public sealed class StatusModel : PageModel
{
    [BindProperty(Name = "code", SupportsGet = true)]
    public int Code { get; set; }

    /// <summary>Where the language switch returns to: the page that failed, not the error page.</summary>
    public string? ReturnUrl { get; private set; }

    public void OnGet() => Prepare();

    public void OnPost() => Prepare();

    private void Prepare()
    {
        // From the route itself: binding may have failed on the re-executed request's form (e.g. an encoded NUL).
        if (int.TryParse(RouteData.Values["code"]?.ToString(), out var routed))
            Code = routed;
        if (Code is < 400 or > 599)
            Code = StatusCodes.Status404NotFound;
        Response.StatusCode = Code;
        if (Code == StatusCodes.Status503ServiceUnavailable)
            DatabaseUnavailable.SetRetryAfter(Response);
        if (HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is { } original)
            ReturnUrl = original.OriginalPathBase + original.OriginalPath + original.OriginalQueryString;
    }

    /// <summary>Heading and explanation per status, in Vietnamese (the page translates them).</summary>
    public (string Title, string Text) Describe() => Code switch
    {
        StatusCodes.Status400BadRequest => ("Yêu cầu không hợp lệ", "Trang không xử lý được yêu cầu này. Hãy tải lại trang rồi thử lại."),
        StatusCodes.Status403Forbidden => ("Không có quyền truy cập", "Bạn không có quyền xem trang này hoặc thực hiện thao tác này."),
        StatusCodes.Status404NotFound => ("Không tìm thấy trang", "Trang bạn tìm không tồn tại hoặc đã được chuyển đi."),
        StatusCodes.Status500InternalServerError => ("Đã xảy ra lỗi", "Hệ thống gặp lỗi khi xử lý yêu cầu. Lỗi đã được ghi lại; vui lòng thử lại sau."),
        StatusCodes.Status503ServiceUnavailable => ("Hệ thống tạm thời gián đoạn", "Hệ thống tạm thời không kết nối được cơ sở dữ liệu. Vui lòng thử lại sau ít phút."),
        _ => ("Không thực hiện được yêu cầu", "Yêu cầu không thực hiện được. Vui lòng quay lại và thử lại."),
    };
}
