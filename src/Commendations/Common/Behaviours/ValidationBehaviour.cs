using Commendations.Common.Errors;
using Commendations.Common.Text;
using FluentValidation;
using MediatR;

namespace Commendations.Common.Behaviours;

/// <summary>Runs every validator of the request before its handler; all field errors are reported at once.</summary>
public sealed class ValidationBehaviour<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
{
    static ValidationBehaviour() => FieldNames.Install();

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(new ValidationContext<TRequest>(request), cancellationToken);
            failures.AddRange(result.Errors);
        }
        if (failures.Count > 0)
        {
            var errors = failures
                .GroupBy(f => FieldName(f.PropertyName))
                .ToDictionary(g => g.Key, g => g.Select(MessageOf).DistinctBy(m => m.ToString()).ToArray());
            throw new InputException(errors);
        }
        return await next();
    }

    /// <summary>
    /// The rule's own message (<see cref="RuleMessages.WithMessage{T,TProperty}(IRuleBuilderOptions{T,TProperty},Message)"/>),
    /// else FluentValidation's built-in sentence, already in the reader's language with the field's name from <see cref="FieldNames"/>.
    /// </summary>
    private static Message MessageOf(FluentValidation.Results.ValidationFailure failure) =>
        failure.CustomState as Message ?? Message.Formatted(failure.ErrorMessage);

    /// <summary>API clients send camelCase JSON, so field errors name fields the same way.</summary>
    private static string FieldName(string propertyPath) =>
        string.Join('.', propertyPath.Split('.').Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..]));
}
