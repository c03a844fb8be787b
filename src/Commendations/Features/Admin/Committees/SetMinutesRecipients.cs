using Commendations.Common.Text;
using Commendations.Audit;
using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Admin.Committees;

/// <summary>An administrator sets the "Nơi nhận" lines the committee's minutes end with (e.g. "Lưu: VT, HĐTĐKT.").</summary>
[Allowed(Roles.Administrator)]
public sealed record SetMinutesRecipients(Guid CommitteeId, IReadOnlyList<string> Recipients) : ICommand<Unit>;

public sealed class SetMinutesRecipientsValidator : AbstractValidator<SetMinutesRecipients>
{
    public SetMinutesRecipientsValidator()
    {
        RuleFor(c => c.Recipients).NotNull().Must(r => r.Count <= 20);
        RuleForEach(c => c.Recipients).NotEmpty().MaximumLength(300);
    }
}

public sealed class SetMinutesRecipientsHandler(CommendationsDbContext db, AuditTrail audit) : IRequestHandler<SetMinutesRecipients, Unit>
{
    public async Task<Unit> Handle(SetMinutesRecipients request, CancellationToken cancellationToken)
    {
        var committee = await db.Committees.SingleOrDefaultAsync(c => c.Id == request.CommitteeId, cancellationToken)
                        ?? throw new NotFoundException(Things.Committee);
        var before = committee.MinutesRecipients.ToList();
        committee.SetMinutesRecipients(request.Recipients);
        await audit.RecordAsync(AdminAccess.CommitteesStream, "committee.minutes-recipients",
            data: new { committee.Id, committee.Code, Before = before, After = committee.MinutesRecipients }, cancellationToken: cancellationToken);
        return Unit.Value;
    }
}
