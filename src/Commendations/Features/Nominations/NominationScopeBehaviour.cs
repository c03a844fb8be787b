using MediatR;

namespace Commendations.Features.Nominations;

/// <summary>Unit scope for every <see cref="INominationRequest"/>, in one place, after the role check and before validation.</summary>
public sealed class NominationScopeBehaviour<TRequest, TResponse>(NominationAccess access) : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is INominationRequest scoped)
            // Loads the nomination into the change tracker: the handler's own lookup then costs no round trip.
            await access.ReadableAsync(scoped.NominationId, cancellationToken);
        return await next();
    }
}
