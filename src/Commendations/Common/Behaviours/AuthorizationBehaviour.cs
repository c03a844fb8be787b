using System.Reflection;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Common.Text;
using MediatR;

namespace Commendations.Common.Behaviours;

/// <summary>
/// The one place role checks happen: each request type declares who may send it (<see cref="AllowedAttribute"/>) and
/// this runs before validation, so a caller without the role learns nothing about the request's other rules.
/// The system (the scheduler's jobs) acts for the organisation and passes every check.
/// </summary>
public sealed class AuthorizationBehaviour<TRequest, TResponse>(ICurrentUser user) : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly AllowedAttribute? Declared = typeof(TRequest).GetCustomAttribute<AllowedAttribute>();

    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (Declared is null)
            throw new InvalidOperationException($"{typeof(TRequest).Name} does not declare who may send it: add [Allowed(...)].");
        if (user.IsSystem || Declared.IsFor(Audience.Public))
            return next();
        if (Declared.IsFor(Audience.System))
            throw new ForbiddenException(new Message("Chỉ bộ lập lịch của hệ thống gửi yêu cầu này."), "system-only");
        if (!user.IsAuthenticated)
            throw new ForbiddenException(new Message("Hãy đăng nhập trước."), "sign-in-required");
        if (Declared.IsFor(Audience.SignedIn) || Declared.RolesOrAudience.Any(user.IsInRole))
            return next();
        throw new ForbiddenException(new Message("Việc này chỉ dành cho: {0}.", RoleNames.List(Declared.RolesOrAudience)), "role-required");
    }
}
