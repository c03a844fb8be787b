namespace Commendations.Features.Nominations;

/// <summary>
/// A request about one nomination. <see cref="NominationScopeBehaviour{TRequest,TResponse}"/> checks the caller may see
/// it before the request's fields are validated, so another unit's officer learns nothing — not even which fields
/// would have been wrong — and gets the same 404 as for a nomination that does not exist.
/// </summary>
public interface INominationRequest
{
    Guid NominationId { get; }
}
