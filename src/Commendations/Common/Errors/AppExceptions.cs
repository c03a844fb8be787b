using Commendations.Common.Text;

namespace Commendations.Common.Errors;

/// <summary>
/// A refusal with a sentence for a person. <see cref="Exception.Message"/> is formatted in the reader's language (the
/// request's UI culture) each time it is read; the code is stable for API clients.
/// </summary>
public abstract class AppException(Message text) : Exception(text.ToString())
{
    public Message Text { get; } = text;

    public override string Message => Text.Format();
}

/// <summary>The resource does not exist, or the caller may not know that it does (unit scope): 404.</summary>
public sealed class NotFoundException : AppException
{
    public NotFoundException(string resource, object key)
        : base(new Message("Không tìm thấy {0} '{1}'.", resource, key)) => Resource = resource;

    public NotFoundException(Message text, string resource = "") : base(text) => Resource = resource;

    public string Resource { get; }

    public string Code => "not-found";
}

/// <summary>The caller is known but not allowed to do this: 403.</summary>
public sealed class ForbiddenException : AppException
{
    public ForbiddenException(string reason) : base(new Message(reason)) { }

    public ForbiddenException(Message text, string code = "forbidden") : base(text) => Code = code;

    public string Code { get; } = "forbidden";
}

/// <summary>The request is valid but clashes with the current state (out of turn, concurrent edit, duplicate): 409.</summary>
public sealed class ConflictException : AppException
{
    public ConflictException(string code, string reason) : base(new Message(reason)) => Code = code;

    public ConflictException(string code, Message text, string? field = null) : base(text)
    {
        Code = code;
        Field = field;
    }

    public string Code { get; }

    /// <summary>The request field the clash is about (e.g. "code" for a code already taken), when there is one.</summary>
    public string? Field { get; }
}

/// <summary>The request is well formed but cannot be processed as sent (e.g. an idempotency key reused for another request): 422.</summary>
public sealed class UnprocessableException(string code, Message text) : AppException(text)
{
    public string Code { get; } = code;
}

/// <summary>Field-level input errors: 400 with every field and its reason.</summary>
public sealed class InputException : AppException
{
    public InputException(IReadOnlyDictionary<string, Message[]> fields)
        : base(new Message("Một số trường không hợp lệ: {0}", string.Join("; ", fields.Select(e => $"{e.Key}: {string.Join(", ", e.Value.Select(m => m.ToString()))}"))))
        => Fields = fields;

    public InputException(IReadOnlyDictionary<string, string[]> errors)
        : this(errors.ToDictionary(e => e.Key, e => e.Value.Select(r => new Message(r)).ToArray())) { }

    public InputException(string field, string reason) : this(new Dictionary<string, Message[]> { [field] = [new Message(reason)] }) { }

    public InputException(string field, Message reason) : this(new Dictionary<string, Message[]> { [field] = [reason] }) { }

    public IReadOnlyDictionary<string, Message[]> Fields { get; }

    /// <summary>Each field's reasons in the reader's language.</summary>
    public IReadOnlyDictionary<string, string[]> Errors => Fields.ToDictionary(e => e.Key, e => e.Value.Select(m => m.Format()).ToArray());

    public string Code => "invalid-input";
}
