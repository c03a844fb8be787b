using System.Text.Json;
using Commendations.Common.Errors;
using Commendations.Common.Text;
using Commendations.Web.Contracts;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Commendations.Web.Errors;

/// <summary>
/// The one place where exceptions become ProblemDetails: 400 with field errors, 403, 404, 409 and 422 with a code;
/// anything else is a logged 500. Titles and messages are in the reader's language; no exception text, database
/// object or type name reaches the client.
/// </summary>
public sealed class ProblemDetailsExceptionHandler(
    IProblemDetailsService problemDetails, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, ILogger<ProblemDetailsExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // The localisation middleware's culture does not flow back out to this handler; its choice is on the request.
        if (httpContext.Features.Get<Microsoft.AspNetCore.Localization.IRequestCultureFeature>() is { } culture)
            System.Globalization.CultureInfo.CurrentUICulture = culture.RequestCulture.UICulture;
        // The exception handler clears the endpoint before it runs; the guard kept the body type for field messages.
        var bodyType = httpContext.Items[Contracts.ControlCharacterGuard.BodyTypeKey] as Type;
        var problem = ToProblem(exception, bodyType, json.Value.SerializerOptions);
        if (problem.Status == StatusCodes.Status500InternalServerError)
            logger.LogError(exception, "Unhandled error on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            logger.LogWarning(exception, "Database unavailable on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            DatabaseUnavailable.SetRetryAfter(httpContext.Response);
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    public static ProblemDetails ToProblem(Exception exception) => ToProblem(exception, null, JsonSerializerOptions.Web);

    public static ProblemDetails ToProblem(Exception exception, Type? bodyType, JsonSerializerOptions options) =>
        (Persistence.DatabaseRefusals.Refusal(exception) ?? exception) switch
    {
        // First: an outage can surface wrapped in any exception type (DbUpdateException, InvalidOperationException, ...).
        _ when DatabaseUnavailable.Is(exception) => DatabaseUnavailable.Problem(),
        InputException input => Invalid(input.Fields),
        BadHttpRequestException { InnerException: JsonException body } => Invalid(BodyProblem.Describe(body, bodyType, options)),
        BadHttpRequestException bad when bad.StatusCode == StatusCodes.Status400BadRequest => Invalid(ParameterProblem.Describe(bad)),
        BadHttpRequestException bad => Coded(bad.StatusCode, ProblemCodes.CodeFor(bad.StatusCode), new Message("Yêu cầu không hợp lệ."), null),
        NotFoundException notFound => Coded(StatusCodes.Status404NotFound, notFound.Code, new Message("Không tìm thấy."), notFound.Text),
        ForbiddenException forbidden => Coded(StatusCodes.Status403Forbidden, forbidden.Code, new Message("Không được phép."), forbidden.Text),
        ConflictException conflict => WithField(Coded(StatusCodes.Status409Conflict, conflict.Code, new Message("Xung đột với trạng thái hiện tại."), conflict.Text), conflict.Field),
        UnprocessableException refused => Coded(StatusCodes.Status422UnprocessableEntity, refused.Code, new Message("Không thể xử lý yêu cầu này."), refused.Text),
        _ => Coded(StatusCodes.Status500InternalServerError, "internal-error", new Message("Đã xảy ra lỗi không mong muốn."),
            new Message("Lỗi đã được ghi lại; hãy thử lại sau hoặc báo quản trị viên.")),
    };

    public static ValidationProblemDetails Invalid(IReadOnlyDictionary<string, Message[]> fields) =>
        new(fields.ToDictionary(f => f.Key, f => f.Value.Select(m => m.Format()).ToArray()))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = new Message("Một số trường không hợp lệ.").Format(),
            Extensions = { ["code"] = "invalid-input" },
        };

    private static ProblemDetails WithField(ProblemDetails problem, string? field)
    {
        if (field is not null)
            problem.Extensions["field"] = field;
        return problem;
    }

    /// <summary>The title is the code's own text in the refusal catalogue (<see cref="Common.Errors.RefusalCodes"/>) when it has one.</summary>
    private static ProblemDetails Coded(int status, string code, Message title, Message? detail) => new()
    {
        Status = status,
        Title = (Common.Errors.RefusalCodes.TextOf(code) ?? title).Format(),
        Detail = detail?.Format(),
        Extensions = { ["code"] = code },
    };
}
