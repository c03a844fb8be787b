using Commendations.Web.Auth;
using Microsoft.AspNetCore.Localization;

namespace Commendations.Web.Ui;

/// <summary>
/// API clients choose the language of refusals with Accept-Language (vi or en). Pages ignore the header: there only
/// the user's explicit choice (the culture cookie) counts, so a browser set to English still starts in Vietnamese.
/// </summary>
public sealed class ApiAcceptLanguageProvider : AcceptLanguageHeaderRequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
        ApiPaths.IsApi(httpContext.Request) ? base.DetermineProviderCultureResult(httpContext) : NullProviderCultureResult;
}
