using FluentValidation;
using Commendations.Common.Security;
using Commendations.Common;
using Commendations.Engine;
using MediatR;

namespace Commendations.Features.Definitions;

/// <summary>
/// Validates a document as the designer holds it (not saved yet) as publication would: against today's organisation
/// (roles and who holds them, scopes, committees) and with the meanings the application relies on required.
/// </summary>
[Allowed(Roles.Administrator)]
public sealed record ValidateDefinition(string Content) : IQuery<IReadOnlyList<DefinitionProblem>>;

/// <summary>A problem at a JSON path, as a sentence in the reader's language.</summary>
public sealed record DefinitionProblem(string Path, string Message);

public sealed class ValidateDefinitionValidator : FluentValidation.AbstractValidator<ValidateDefinition>
{
    public ValidateDefinitionValidator() => RuleFor(c => c.Content).NotEmpty().MaximumLength(DefinitionLimits.MaxDocumentLength);
}

public sealed class ValidateDefinitionHandler(DefinitionAdmin admin) : IRequestHandler<ValidateDefinition, IReadOnlyList<DefinitionProblem>>
{
    public async Task<IReadOnlyList<DefinitionProblem>> Handle(ValidateDefinition request, CancellationToken cancellationToken) =>
        (await admin.ValidateAsync(request.Content ?? "", cancellationToken)).Sentences();
}
