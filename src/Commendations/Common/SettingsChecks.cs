using System.ComponentModel.DataAnnotations;

namespace Commendations.Common;

/// <summary>
/// The checks the settings sections share, as <see cref="ValidationResult"/>s naming the setting the way an operator
/// writes it (<c>Smtp:Port</c>): the app refuses to start on any of them (ValidateOnStart).
/// </summary>
public static class SettingsChecks
{
    public static IEnumerable<ValidationResult> Positive(string setting, TimeSpan value) =>
        value > TimeSpan.Zero ? [] : [new ValidationResult($"{setting} must be longer than zero (hh:mm:ss), not {value}.")];

    public static IEnumerable<ValidationResult> InRange(string setting, int value, int min, int max) =>
        value >= min && value <= max ? [] : [new ValidationResult($"{setting} must be between {min} and {max}, not {value}.")];

    public static IEnumerable<ValidationResult> HttpUrl(string setting, string? value) =>
        value is null || Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? []
            : [new ValidationResult($"{setting} must be an absolute http(s) address, not '{value}'.")];

    public static IEnumerable<ValidationResult> ExistingFile(string setting, string? path) =>
        string.IsNullOrEmpty(path) || File.Exists(path) ? [] : [new ValidationResult($"{setting}: the file '{path}' does not exist.")];
}
