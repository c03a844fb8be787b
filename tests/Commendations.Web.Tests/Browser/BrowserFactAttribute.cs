namespace Commendations.Web.Tests.Browser;

/// <summary>
/// A browser test. It is skipped only when Debian's Chromium is absent AND the CI variable is unset (a developer machine
/// without the browser); under CI it always runs, and fails if Chromium is missing.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!Chromium.IsInstalled && !Chromium.UnderCi)
            Skip = $"Chromium is not installed at {Chromium.ExecutablePath} and CI is not set (apt-get install chromium to run the browser tests).";
    }
}

public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static bool IsInstalled => File.Exists(ExecutablePath);

    public static bool UnderCi => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    public static readonly string[] Args =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
    ];
}
