using Commendations.Common.Text;
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

/// <summary>
/// An administrator renames a unit, moves it under another parent (never under itself or one of its own sub-units; the
/// province stays the root) and sets or clears its emulation cluster. <see cref="ExpectedVersion"/>, when given, is the
/// version the editor saw: a stale edit is a 409, not a silent overwrite.
/// </summary>
[Allowed(Roles.Administrator)]
public sealed record ChangeUnit(Guid UnitId, string Name, Guid? ParentId, Guid? ClusterId, uint? ExpectedVersion = null) : ICommand<uint>;

public sealed class ChangeUnitValidator : AbstractValidator<ChangeUnit>
{
    public ChangeUnitValidator() => RuleFor(c => c.Name).NotEmpty().MaximumLength(OrganisationUnit.NameMaxLength);
}

public sealed class ChangeUnitHandler(CommendationsDbContext db, AuditTrail audit) : IRequestHandler<ChangeUnit, uint>
{
    public async Task<uint> Handle(ChangeUnit request, CancellationToken cancellationToken)
    {
        var unit = await db.Units.FindAsync([request.UnitId], cancellationToken) ?? throw new NotFoundException(Things.Unit);
        if (request.ExpectedVersion is { } expected)
            db.Entry(unit).Property(u => u.Version).OriginalValue = expected;
        var before = new { unit.Name, unit.ParentId, unit.ClusterId };

        if (request.ParentId != unit.ParentId)
        {
            if (unit.Level == UnitLevel.Province || request.ParentId is null)
                throw new InputException("parentId", unit.Level == UnitLevel.Province
                    ? new Message("Tỉnh là gốc của cây đơn vị nên không có đơn vị cấp trên.")
                    : new Message("Mọi đơn vị dưới cấp tỉnh đều có đơn vị cấp trên."));
            var parent = await db.Units.FindAsync([request.ParentId.Value], cancellationToken)
                         ?? throw new InputException("parentId", new Message("Đơn vị cấp trên này không tồn tại."));
            var parents = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.ParentId, cancellationToken);
            for (Guid? at = parent.Id; at is { } id; at = parents.GetValueOrDefault(id))
            {
                if (id == unit.Id)
                    throw new InputException("parentId", new Message("Không thể chuyển đơn vị về dưới chính nó hoặc một đơn vị trực thuộc nó."));
            }
            unit.MoveUnder(parent);
        }
        if (request.ClusterId != unit.ClusterId)
        {
            if (request.ClusterId is { } clusterId)
                unit.JoinCluster(await db.Clusters.FindAsync([clusterId], cancellationToken) ?? throw new InputException("clusterId", new Message("Cụm thi đua này không tồn tại.")));
            else
                unit.LeaveCluster();
        }
        unit.Rename(request.Name.Trim());
        await audit.RecordAsync(AdminAccess.UnitsStream, "unit.changed",
            data: new { unit.Id, unit.Code, Before = before, After = new { unit.Name, unit.ParentId, unit.ClusterId } }, cancellationToken: cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return unit.Version;
    }
}
