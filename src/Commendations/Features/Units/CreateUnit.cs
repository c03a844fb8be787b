using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Domain.Units;
using Commendations.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Units;

public sealed record CreateUnit(string Code, string Name, UnitLevel Level, Guid? ParentId) : ICommand<Guid>;

public sealed class CreateUnitValidator : AbstractValidator<CreateUnit>
{
    public CreateUnitValidator()
    {
        RuleFor(c => c.Code).NotEmpty().MaximumLength(OrganisationUnit.CodeMaxLength)
            .Matches("^[A-Z0-9][A-Z0-9-]*$").WithMessage("Use capital letters, digits and hyphens, e.g. LG-XTH.");
        RuleFor(c => c.Name).NotEmpty().MaximumLength(OrganisationUnit.NameMaxLength);
        RuleFor(c => c.Level).IsInEnum();
        RuleFor(c => c.ParentId).NotNull().When(c => c.Level != UnitLevel.Province)
            .WithMessage("Every unit below the province has a parent unit.");
    }
}

public sealed class CreateUnitHandler(CommendationsDbContext db) : IRequestHandler<CreateUnit, Guid>
{
    public async Task<Guid> Handle(CreateUnit request, CancellationToken cancellationToken)
    {
        OrganisationUnit? parent = null;
        if (request.ParentId is { } parentId)
        {
            parent = await db.Units.FindAsync([parentId], cancellationToken)
                     ?? throw new InputException("parentId", $"Unit '{parentId}' does not exist.");
        }
        if (await db.Units.AnyAsync(u => u.Code == request.Code, cancellationToken))
            throw new InputException("code", $"A unit with code '{request.Code}' already exists.");

        var unit = new OrganisationUnit(request.Code, request.Name.Trim(), request.Level, parent);
        db.Units.Add(unit);
        return unit.Id;
    }
}
