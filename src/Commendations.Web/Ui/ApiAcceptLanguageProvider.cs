using Commendations.Web.Auth;
using Microsoft.AspNetCore.Localization;
using Microsoft.Net.Http.Headers;

namespace Commendations.Web.Ui;

/// <summary>
/// API clients choose the language of refusals with Accept-Language: any English (<c>en</c>, <c>en-GB</c>, …) gives
/// English, any Vietnamese gives Vietnamese, by the client's order of preference. Pages ignore the header: there only
/// the user's explicit choice (the culture cookie) counts, so a browser set to English still starts in Vietnamese.
/// A page's own calls to the API (the designer's validation and simulation, sent with the browser's session cookie and
/// its Accept-Language) follow the page, not the header: otherwise an English browser showed English sentences inside a
/// Vietnamese page. So the header counts only for clients with a bearer token or without any cookie.
/// </summary>
public sealed class ApiAcceptLanguageProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var request = httpContext.Request;
        var browserPage = request.Headers.Authorization.Count == 0 && request.Cookies.Count > 0;
        if (!ApiPaths.IsApi(request) || browserPage
            || !StringWithQualityHeaderValue.TryParseList(httpContext.Request.Headers.AcceptLanguage, out var languages))
            return NullProviderCultureResult;
        foreach (var language in languages.Where(l => l.Quality is not 0).OrderByDescending(l => l.Quality ?? 1))
        {
            var tag = language.Value.Value ?? "";
            if (tag.StartsWith("en", StringComparison.OrdinalIgnoreCase))
                return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(UiSetup.English.Name));
            if (tag.StartsWith("vi", StringComparison.OrdinalIgnoreCase))
                return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(UiSetup.Vietnamese.Name));
        }
        return NullProviderCultureResult;
    }
}
