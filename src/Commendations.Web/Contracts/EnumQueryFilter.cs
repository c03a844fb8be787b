using Commendations.Common.Text;
using Commendations.Web.Errors;

namespace Commendations.Web.Contracts;

/// <summary>
/// Enum values in the query string are names only: the framework's binding would also take "5" or "-1" (any number),
/// which is not a status, kind or sort a client can mean.
/// </summary>
public static class EnumQueryFilter
{
    public static EndpointFilterDelegate Create(EndpointFilterFactoryContext factory, EndpointFilterDelegate next)
    {
        var enums = factory.MethodInfo.GetParameters()
            .Select(p => (p.Name, Type: Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType))
            .Where(p => p.Type.IsEnum && p.Name is not null)
            .ToList();
        if (enums.Count == 0)
            return next;
        return async context =>
        {
            var query = context.HttpContext.Request.Query;
            foreach (var (name, type) in enums)
            {
                if (query.TryGetValue(name!, out var values) && values.Any(v => !IsName(type, v)))
                {
                    return TypedResults.Problem(ProblemDetailsExceptionHandler.Invalid(new Dictionary<string, Message[]>
                    {
                        [name!] = [BodyProblem.ExpectedValue(type)],
                    }));
                }
            }
            return await next(context);
        };
    }

    private static bool IsName(Type type, string? value) =>
        value is not null && Enum.GetNames(type).Contains(value.Trim(), StringComparer.OrdinalIgnoreCase);
}
