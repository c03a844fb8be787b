using System.Text.RegularExpressions;
using Commendations.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Commendations.Web.Tests.Auth;

/// <summary>The browser's sign-in form posted over HTTP (with its anti-forgery token), from a chosen address.</summary>
internal static partial class SignInPage
{
    public static async Task<HttpResponseMessage> PostAsync(WebApplicationFactory<Program> app, string address, string userName, string password)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }).From(address);
        var form = await client.GetStringAsync("/dang-nhap");
        var token = TokenField().Match(form).Groups[1].Value;
        return await client.PostAsync("/dang-nhap", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
