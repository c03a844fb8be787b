using Commendations.Domain.Audit;
using Microsoft.Extensions.Options;

namespace Commendations.Audit;

/// <summary>
/// The key that seals audit heads (section <c>Audit</c>): <c>HeadKey</c>, base64 of at least 32 random bytes, and
/// <c>PreviousHeadKeys</c>, keys being retired, still accepted when verifying. README "Audit head key" tells how to
/// generate, keep and rotate it.
/// </summary>
public sealed class AuditKeyOptions
{
    public const string Section = "Audit";

    public string? HeadKey { get; set; }

    public List<string> PreviousHeadKeys { get; set; } = [];

    public AuditHeadSeal ToSeal() =>
        new(Convert.FromBase64String(HeadKey!), PreviousHeadKeys.Select(Convert.FromBase64String));
}

/// <summary>Checked when the host starts (and whenever the options are first read outside a host): no key, no start.</summary>
public sealed class AuditKeyOptionsValidator : IValidateOptions<AuditKeyOptions>
{
    public ValidateOptionsResult Validate(string? name, AuditKeyOptions options)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.HeadKey))
            problems.Add("Audit:HeadKey is not configured. Audit chain heads are sealed with it; set Audit__HeadKey to the base64 of " +
                         $"{AuditHeadSeal.MinimumKeyBytes} or more random bytes (e.g. `openssl rand -base64 32`), kept outside the database.");
        else
            Check("Audit:HeadKey", options.HeadKey, problems);
        for (var i = 0; i < options.PreviousHeadKeys.Count; i++)
            Check($"Audit:PreviousHeadKeys:{i}", options.PreviousHeadKeys[i], problems);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static void Check(string setting, string value, List<string> problems)
    {
        var bytes = new byte[value.Length];
        if (!Convert.TryFromBase64String(value.Trim(), bytes, out var length))
            problems.Add($"{setting} is not base64.");
        else if (length < AuditHeadSeal.MinimumKeyBytes)
            problems.Add($"{setting} has {length} bytes; an audit head key needs at least {AuditHeadSeal.MinimumKeyBytes}.");
    }
}
