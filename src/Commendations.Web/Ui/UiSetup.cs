using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Commendations.Web.Ui;

/// <summary>The web UI: Razor Pages (signed-in by default), Vietnamese by default with English by cookie, static files.</summary>
public static class UiSetup
{
    public static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    public static IServiceCollection AddCommendationsUi(this IServiceCollection services)
    {
        services.AddRazorPages(o =>
        {
            // Every page needs a signed-in user except signing in and switching the language.
            o.Conventions.AuthorizeFolder("/");
            o.Conventions.AllowAnonymousToPage("/Account/SignIn");
            o.Conventions.AllowAnonymousToPage("/Culture");
            o.Conventions.AllowAnonymousToPage("/Errors/Status");
        }).AddMvcOptions(o => o.Filters.Add(new Contracts.ControlCharacterGuard.FormPageFilter()));
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Vietnamese);
            o.SupportedCultures = [Vietnamese, English];
            o.SupportedUICultures = [Vietnamese, English];
            // Only the user's explicit choice counts: a browser asking for English still gets Vietnamese until switched.
            // API clients may also ask with Accept-Language.
            o.RequestCultureProviders = [new CookieRequestCultureProvider(), new ApiAcceptLanguageProvider { Options = o }];
        });
        // Pages are UTF-8: Vietnamese letters are written as themselves, not as numeric entities (&#x1EA1;) that make the
        // HTML three times larger and unreadable in a source view. Markup characters are still escaped.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddSingleton<UiText>();
        services.AddScoped<HeaderUser>();
        return services;
    }

    /// <summary>The language (UseRequestLocalization) is chosen earlier, before the exception handler (WebServices).</summary>
    public static WebApplication UseCommendationsUiStatics(this WebApplication app)
    {
        app.UseStaticFiles();
        return app;
    }

    public static WebApplication MapCommendationsUi(this WebApplication app)
    {
        app.MapRazorPages();
        return app;
    }

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
}
