using Commendations.Common.Text;
using Commendations.Web.Auth;
using Commendations.Web.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Commendations.Web.Contracts;

/// <summary>
/// Refuses control characters at the edge, for every endpoint and page: in the query string (here, before anything
/// runs), in forms (<see cref="FormEndpointFilter"/> and <see cref="FormPageFilter"/>, once the framework has read the
/// form within the endpoint's own size limits) — JSON bodies are checked by <see cref="TextWithoutControlCharactersConverter"/>.
/// </summary>
public sealed class ControlCharacterGuard(RequestDelegate next)
{
    /// <summary>Where the endpoint's body type is kept for the exception handler (which runs after the endpoint is cleared).</summary>
    public static readonly object BodyTypeKey = new();

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.RequestType is { } bodyType)
            context.Items[BodyTypeKey] = bodyType;
        var field = context.Request.Query
            .Where(q => ControlCharacters.Contains(q.Key) || q.Value.Any(ControlCharacters.Contains))
            .Select(q => q.Key).FirstOrDefault();
        if (field is null && ControlCharacters.Contains(context.Request.Path.Value))
            field = "path";
        if (field is null)
        {
            await next(context);
            return;
        }
        await Refuse(context, field);
    }

    public static Message Reason => new("Văn bản chứa ký tự điều khiển (ví dụ ký tự NUL) không được phép.");

    /// <summary>The first form field (or uploaded file's name) holding a control character, if any.</summary>
    public static async Task<string?> FormFieldWithControlCharacters(HttpRequest request)
    {
        if (!request.HasFormContentType)
            return null;
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync();
        }
        catch (InvalidDataException)
        {
            // The framework's form reader itself refuses an encoded NUL ("%00") in a form value.
            return "form";
        }
        return form.Where(f => ControlCharacters.Contains(f.Key) || f.Value.Any(ControlCharacters.Contains)).Select(f => f.Key).FirstOrDefault()
               ?? form.Files.Where(f => ControlCharacters.Contains(f.FileName) || ControlCharacters.Contains(f.Name)).Select(f => f.Name).FirstOrDefault();
    }

    private static async Task Refuse(HttpContext context, string field)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        if (ApiPaths.IsApi(context.Request))
        {
            var problem = ProblemDetailsExceptionHandler.Invalid(new Dictionary<string, Message[]> { [field] = [Reason] });
            await TypedResults.Problem(problem).ExecuteAsync(context);
        }
    }

    /// <summary>API endpoints that read forms (document upload, definition import).</summary>
    public sealed class FormEndpointFilter : IEndpointFilter
    {
        public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
        {
            if (await FormFieldWithControlCharacters(context.HttpContext.Request) is { } field)
                return TypedResults.Problem(ProblemDetailsExceptionHandler.Invalid(new Dictionary<string, Message[]> { [field] = [Reason] }));
            return await next(context);
        }
    }

    /// <summary>Razor Pages forms: the page answers 400 instead of handling the post.</summary>
    public sealed class FormPageFilter : IAsyncPageFilter
    {
        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            // The error page re-executed for the refused request reads the same form: it shows, it does not refuse again.
            var reExecuted = context.HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null;
            if (!reExecuted && await FormFieldWithControlCharacters(context.HttpContext.Request) is not null)
            {
                context.Result = new BadRequestResult();
                return;
            }
            await next();
        }
    }
}
