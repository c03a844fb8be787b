using Commendations.Common.Text;
using Microsoft.AspNetCore.Http.Features;

namespace Commendations.Web.Errors;

/// <summary>
/// Every ProblemDetails the app writes has a code and a title in the reader's language — also those the framework
/// writes itself (415 for a form sent as JSON, 405, an empty 404 turned into a body by the status-code pages).
/// </summary>
public static class ProblemCodes
{
    public static void Complete(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        if (!problem.Extensions.ContainsKey("code"))
            problem.Extensions["code"] = CodeFor(status);
        if (problem.Title is null || IsFrameworkTitle(problem.Title, status))
            problem.Title = TitleFor(status).Format();
        problem.Extensions.Remove("exception");
        if (context.HttpContext.Features.Get<IHttpActivityFeature>() is null)
            problem.Extensions.TryAdd("traceId", context.HttpContext.TraceIdentifier);
    }

    public static string CodeFor(int status) => status switch
    {
        400 => "invalid-input",
        401 => "sign-in-required",
        403 => "forbidden",
        404 => "not-found",
        405 => "method-not-allowed",
        409 => "conflict",
        413 => "too-large",
        415 => "unsupported-media-type",
        422 => "unprocessable",
        429 => "too-many-requests",
        503 => "service-unavailable",
        >= 500 => "internal-error",
        _ => "error",
    };

    private static Message TitleFor(int status) => status switch
    {
        400 => new Message("Yêu cầu không hợp lệ."),
        401 => new Message("Cần đăng nhập."),
        403 => new Message("Không được phép."),
        404 => new Message("Không tìm thấy."),
        405 => new Message("Phương thức này không dùng được ở địa chỉ này."),
        409 => new Message("Xung đột với trạng thái hiện tại."),
        413 => new Message("Nội dung gửi lên quá lớn."),
        415 => new Message("Kiểu nội dung gửi lên không được hỗ trợ ở đây."),
        422 => new Message("Không thể xử lý yêu cầu này."),
        429 => new Message("Quá nhiều yêu cầu; hãy thử lại sau."),
        503 => new Message("Dịch vụ tạm thời không sẵn sàng; hãy thử lại sau."),
        >= 500 => new Message("Đã xảy ra lỗi không mong muốn."),
        _ => new Message("Có lỗi."),
    };

    /// <summary>The framework's own English titles: reason phrases ("Unsupported Media Type") and its default sentences.</summary>
    private static bool IsFrameworkTitle(string title, int status) =>
        title == Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status)
        || title is "One or more validation errors occurred." or "An error occurred while processing your request.";
}
