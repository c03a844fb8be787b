using Commendations.Audit;
using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Domain.Committees;
using Commendations.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Commendations.Common.Behaviours;
using Commendations.Common.Text;

namespace Commendations.Features.Admin.Committees;

/// <summary>An administrator creates a committee; workflow definitions name it by its code.</summary>
[Allowed(Roles.Administrator)]
public sealed record CreateCommittee(string Code, string Name, CommitteeKind Kind) : ICommand<Guid>;

public sealed class CreateCommitteeValidator : AbstractValidator<CreateCommittee>
{
    public CreateCommitteeValidator()
    {
        RuleFor(c => c.Code).NotEmpty().MaximumLength(Committee.CodeMaxLength)
            .Matches("^[a-z0-9][a-z0-9-]*$").WithMessage(new Message("Dùng chữ thường không dấu, chữ số và gạch nối, ví dụ bcd-qcdc."));
        RuleFor(c => c.Name).NotEmpty().MaximumLength(300);
        RuleFor(c => c.Kind).IsInEnum();
    }
}

public sealed class CreateCommitteeHandler(CommendationsDbContext db, AuditTrail audit) : IRequestHandler<CreateCommittee, Guid>
{
    public async Task<Guid> Handle(CreateCommittee request, CancellationToken cancellationToken)
    {
        if (await db.Committees.AnyAsync(c => c.Code == request.Code, cancellationToken))
            throw new InputException("code", new Message("Đã có Hội đồng / Ban mang mã {0}.", request.Code));
        var committee = new Committee(request.Code, request.Name.Trim(), request.Kind);
        db.Committees.Add(committee);
        await audit.RecordAsync(AdminAccess.CommitteesStream, "committee.created",
            data: new { committee.Id, committee.Code, committee.Name, Kind = committee.Kind.ToString() }, cancellationToken: cancellationToken);
        return committee.Id;
    }
}
