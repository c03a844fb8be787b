using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Domain.Units;
using Commendations.Persistence;
using FluentValidation;
using MediatR;

namespace Commendations.Features.Units;

/// <summary>Renames a unit; <see cref="ExpectedVersion"/> is the version the editor saw, so a stale edit is a conflict, not a silent overwrite.</summary>
public sealed record RenameUnit(Guid UnitId, string Name, uint ExpectedVersion) : ICommand<uint>;

public sealed class RenameUnitValidator : AbstractValidator<RenameUnit>
{
    public RenameUnitValidator() => RuleFor(c => c.Name).NotEmpty().MaximumLength(OrganisationUnit.NameMaxLength);
}

public sealed class RenameUnitHandler(CommendationsDbContext db) : IRequestHandler<RenameUnit, uint>
{
    public async Task<uint> Handle(RenameUnit request, CancellationToken cancellationToken)
    {
        var unit = await db.Units.FindAsync([request.UnitId], cancellationToken)
                   ?? throw new NotFoundException("Unit", request.UnitId);
        db.Entry(unit).Property(u => u.Version).OriginalValue = request.ExpectedVersion;
        unit.Rename(request.Name.Trim());
        await db.SaveChangesAsync(cancellationToken);
        return unit.Version;
    }
}
