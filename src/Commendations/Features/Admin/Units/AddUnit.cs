using Commendations.Audit;
using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Domain.Units;
using Commendations.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Admin.Units;

/// <summary>An administrator adds a unit under a parent (every unit but the province has one), optionally in a cluster.</summary>
[Allowed(Roles.Administrator)]
public sealed record AddUnit(string Code, string Name, UnitLevel Level, Guid? ParentId, Guid? ClusterId) : ICommand<Guid>;

public sealed class AddUnitValidator : AbstractValidator<AddUnit>
{
    public AddUnitValidator()
    {
        RuleFor(c => c.Code).NotEmpty().MaximumLength(OrganisationUnit.CodeMaxLength)
            .Matches("^[A-Z0-9][A-Z0-9-]*$").WithMessage("Use capital letters, digits and hyphens, e.g. LG-XTH.");
        RuleFor(c => c.Name).NotEmpty().MaximumLength(OrganisationUnit.NameMaxLength);
        RuleFor(c => c.Level).IsInEnum();
        RuleFor(c => c.ParentId).NotNull().When(c => c.Level != UnitLevel.Province)
            .WithMessage("Every unit below the province has a parent unit.");
        RuleFor(c => c.ParentId).Null().When(c => c.Level == UnitLevel.Province)
            .WithMessage("The province has no parent unit.");
    }
}

public sealed class AddUnitHandler(CommendationsDbContext db, AuditTrail audit) : IRequestHandler<AddUnit, Guid>
{
    public async Task<Guid> Handle(AddUnit request, CancellationToken cancellationToken)
    {
        OrganisationUnit? parent = null;
        if (request.ParentId is { } parentId)
            parent = await db.Units.FindAsync([parentId], cancellationToken) ?? throw new InputException("parentId", "This parent unit does not exist.");
        if (await db.Units.AnyAsync(u => u.Code == request.Code, cancellationToken))
            throw new InputException("code", $"A unit with code '{request.Code}' already exists.");
        var unit = new OrganisationUnit(request.Code, request.Name.Trim(), request.Level, parent);
        if (request.ClusterId is { } clusterId)
            unit.JoinCluster(await db.Clusters.FindAsync([clusterId], cancellationToken) ?? throw new InputException("clusterId", "This cluster does not exist."));
        db.Units.Add(unit);
        await audit.RecordAsync(AdminAccess.UnitsStream, "unit.created",
            data: new { unit.Id, unit.Code, unit.Name, Level = unit.Level.ToString(), unit.ParentId, unit.ClusterId }, cancellationToken: cancellationToken);
        return unit.Id;
    }
}
