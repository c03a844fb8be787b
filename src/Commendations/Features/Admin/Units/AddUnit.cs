using Commendations.Audit;
using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Domain.Units;
using Commendations.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Commendations.Common.Behaviours;
using Commendations.Common.Text;

namespace Commendations.Features.Admin.Units;

/// <summary>An administrator adds a unit under a parent (every unit but the province has one), optionally in a cluster.</summary>
[Allowed(Roles.Administrator)]
public sealed record AddUnit(string Code, string Name, UnitLevel Level, Guid? ParentId, Guid? ClusterId) : ICommand<Guid>;

public sealed class AddUnitValidator : AbstractValidator<AddUnit>
{
    public AddUnitValidator()
    {
        RuleFor(c => c.Code).NotEmpty().MaximumLength(OrganisationUnit.CodeMaxLength)
            .Matches("^[A-Z0-9][A-Z0-9-]*$").WithMessage(new Message("Dùng chữ in hoa không dấu, chữ số và gạch nối, ví dụ LG-XTH."));
        RuleFor(c => c.Name).NotEmpty().MaximumLength(OrganisationUnit.NameMaxLength);
        RuleFor(c => c.Level).IsInEnum();
        RuleFor(c => c.ParentId).NotNull().When(c => c.Level != UnitLevel.Province)
            .WithMessage(new Message("Mọi đơn vị dưới cấp tỉnh đều có đơn vị cấp trên."));
        RuleFor(c => c.ParentId).Null().When(c => c.Level == UnitLevel.Province)
            .WithMessage(new Message("Tỉnh không có đơn vị cấp trên."));
    }
}

public sealed class AddUnitHandler(CommendationsDbContext db, AuditTrail audit) : IRequestHandler<AddUnit, Guid>
{
    public async Task<Guid> Handle(AddUnit request, CancellationToken cancellationToken)
    {
        OrganisationUnit? parent = null;
        if (request.ParentId is { } parentId)
            parent = await db.Units.FindAsync([parentId], cancellationToken) ?? throw new InputException("parentId", new Message("Đơn vị cấp trên này không tồn tại."));
        if (await db.Units.AnyAsync(u => u.Code == request.Code, cancellationToken))
            throw new InputException("code", new Message("Đã có đơn vị mang mã {0}.", request.Code));
        var unit = new OrganisationUnit(request.Code, request.Name.Trim(), request.Level, parent);
        if (request.ClusterId is { } clusterId)
            unit.JoinCluster(await db.Clusters.FindAsync([clusterId], cancellationToken) ?? throw new InputException("clusterId", new Message("Cụm thi đua này không tồn tại.")));
        db.Units.Add(unit);
        await audit.RecordAsync(AdminAccess.UnitsStream, "unit.created",
            data: new { unit.Id, unit.Code, unit.Name, Level = unit.Level.ToString(), unit.ParentId, unit.ClusterId }, cancellationToken: cancellationToken);
        return unit.Id;
    }
}
