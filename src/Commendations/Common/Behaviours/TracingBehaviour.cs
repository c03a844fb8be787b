using System.Diagnostics;
using Commendations.Common.Telemetry;
using MediatR;

namespace Commendations.Common.Behaviours;

/// <summary>
/// The outermost step of every use case: a span named by the request type (source "Commendations"), the child of the HTTP
/// request's or the scheduled job's span and the parent of its database spans; and, once the use case has succeeded (its
/// transaction committed), the measurements it recorded (<see cref="AfterSuccess"/>).
/// </summary>
public sealed class TracingBehaviour<TRequest, TResponse>(AfterSuccess afterSuccess) : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly string Name = typeof(TRequest).Name;

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        using var activity = AppTelemetry.Source.StartActivity(Name);
        activity?.SetTag("commendations.use_case", Name);
        afterSuccess.Enter();
        var succeeded = false;
        try
        {
            var response = await next();
            succeeded = true;
            return response;
        }
        catch (Exception ex)
        {
            // A refusal is an answer, not a fault, but the span still says the use case did not complete and why.
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            throw;
        }
        finally
        {
            afterSuccess.Leave(succeeded);
        }
    }
}
