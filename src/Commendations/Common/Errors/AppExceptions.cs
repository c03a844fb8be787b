using Commendations.Common.Text;

namespace Commendations.Common.Errors;

/// <summary>
/// A refusal with a sentence for a person. <see cref="Exception.Message"/> is formatted in the reader's language (the
/// request's UI culture) each time it is read; the code is stable for API clients. Refusals take only
/// <see cref="Common.Text.Message"/>s (a Vietnamese template with arguments, English in the catalog), never a finished sentence:
/// every code's own text is in <see cref="RefusalCodes"/>.
/// </summary>
public abstract class AppException(Message text) : Exception(text.ToString())
{
    public Message Text { get; } = text;

    public override string Message => Text.Format();
}

/// <summary>The resource does not exist, or the caller may not know that it does (unit scope): 404.</summary>
public sealed class NotFoundException : AppException
{
    /// <summary>"Không tìm thấy {thing}." — the thing by its name (<see cref="Things"/>), never its id.</summary>
    public NotFoundException(Message thing) : base(new Message("Không tìm thấy {0}.", thing)) { }

    public NotFoundException(Message text, string resource) : base(text) { }

    public string Code => RefusalCodes.NotFound;
}

/// <summary>The caller is known but not allowed to do this: 403.</summary>
public sealed class ForbiddenException(Message text, string code = RefusalCodes.Forbidden) : AppException(text)
{
    public string Code { get; } = code;
}

/// <summary>The request is valid but clashes with the current state (out of turn, concurrent edit, duplicate): 409.</summary>
public sealed class ConflictException(string code, Message text, string? field = null) : AppException(text)
{
    public string Code { get; } = code;

    /// <summary>The request field the clash is about (e.g. "code" for a code already taken), when there is one.</summary>
    public string? Field { get; } = field;
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
        : base(new Message("Một số trường không hợp lệ: {0}", global::Commendations.Common.Text.Message.List(fields.Select(e => global::Commendations.Common.Text.Message.Name(c =>
            $"{e.Key}: {string.Join(", ", e.Value.Select(m => m.Format(c)))}")))))
        => Fields = fields;

    public InputException(string field, Message reason) : this(new Dictionary<string, Message[]> { [field] = [reason] }) { }

    public IReadOnlyDictionary<string, Message[]> Fields { get; }

    /// <summary>Each field's reasons in the reader's language.</summary>
    public IReadOnlyDictionary<string, string[]> Errors => Fields.ToDictionary(e => e.Key, e => e.Value.Select(m => m.Format()).ToArray());

    public string Code => RefusalCodes.InvalidInput;
}
