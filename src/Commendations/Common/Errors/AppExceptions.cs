namespace Commendations.Common.Errors;

/// <summary>The resource does not exist, or the caller may not know that it does (unit scope): 404.</summary>
public sealed class NotFoundException(string resource, object key)
    : Exception($"{resource} '{key}' was not found.")
{
    public string Resource { get; } = resource;
}

/// <summary>The caller is known but not allowed to do this: 403.</summary>
public sealed class ForbiddenException(string reason) : Exception(reason);

/// <summary>The request is valid but clashes with the current state (out of turn, concurrent edit, duplicate): 409.</summary>
public sealed class ConflictException(string code, string reason) : Exception(reason)
{
    public string Code { get; } = code;
}

/// <summary>Field-level input errors: 400 with every field and its reason.</summary>
public sealed class InputException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("One or more fields are invalid: " + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public InputException(string field, string reason) : this(new Dictionary<string, string[]> { [field] = [reason] }) { }
}
