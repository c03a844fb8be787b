using FluentValidation;
using Commendations.Common.Security;
using Commendations.Common;
using Commendations.Engine;
using MediatR;

namespace Commendations.Features.Definitions;

/// <summary>Validates a document as the designer holds it (not saved yet), against today's committees.</summary>
[Allowed(Roles.Administrator)]
public sealed record ValidateDefinition(string Content) : IQuery<IReadOnlyList<ValidationProblem>>;

public sealed class ValidateDefinitionValidator : FluentValidation.AbstractValidator<ValidateDefinition>
{
    public ValidateDefinitionValidator() => RuleFor(c => c.Content).NotEmpty().MaximumLength(DefinitionLimits.MaxDocumentLength);
}

public sealed class ValidateDefinitionHandler(DefinitionAdmin admin) : IRequestHandler<ValidateDefinition, IReadOnlyList<ValidationProblem>>
{
    public async Task<IReadOnlyList<ValidationProblem>> Handle(ValidateDefinition request, CancellationToken cancellationToken)
    {
        return (await admin.ValidateAsync(request.Content ?? "", cancellationToken)).Problems;
    }
}
